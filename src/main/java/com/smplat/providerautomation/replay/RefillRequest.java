package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import java.math.BigDecimal;

/**
 * The body of {@code POST /{providerId}/orders/{providerOrderId}/refill} (replay-and-history.md 7.8), validated:
 * every problem is a 422 raised before any lookup; unknown keys are ignored.
 *
 * @param note       the timeline notes, at most 500 characters
 * @param actorLabel the timeline actor label; at most 255 characters, the size of {@code order_state_events.actor_label},
 *                   so a longer one cannot silently cost the timeline event
 */
public record RefillRequest(BigDecimal amount, String note, String actorLabel) {
    static final int NOTE_MAX = 500;
    static final int ACTOR_LABEL_MAX = 255;

    public static RefillRequest parse(String body) {
        ObjectNode object = Json.requestObject(body);
        return new RefillRequest(RequestBodies.amount(object), text(object, "note", NOTE_MAX),
                text(object, "actorLabel", ACTOR_LABEL_MAX));
    }

    /** An optional string of at most {@code max} characters (code points); null when absent or null. */
    private static String text(ObjectNode object, String key, int max) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isTextual() ? value.asText() : null;
        if (text == null || text.codePointCount(0, text.length()) > max) {
            throw ServiceException.invalid(key + " must be a string of at most " + max + " characters");
        }
        return text;
    }
}
