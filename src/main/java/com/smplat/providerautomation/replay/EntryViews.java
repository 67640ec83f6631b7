package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed views of the entries stored in a provider order payload (replay-and-history.md 1.4, 7.6, 7.7). Stored
 * entries may be hand-edited or imported, so every reader here is lenient and an entry that cannot be rendered
 * yields {@link Optional#empty()} instead of an error: one bad element must never break a listing.
 *
 * <p>Conventions shared by every view:
 * <ul>
 *   <li>{@code id} must be a non-blank string; otherwise the entry is unrenderable.</li>
 *   <li>{@code response} must be an object, or absent/null (rendered null); anything else is unrenderable.</li>
 *   <li>Amounts are JSON numbers; a numeric string is parsed (as the batch does, 5.3), anything else is null.</li>
 *   <li>Timestamps are parsed leniently and rendered in the canonical UTC form. A stored value that does not
 *       parse is rendered as null, not as its text: the view promises an instant that clients can parse, and
 *       the raw value stays visible in the untouched {@code payload}.</li>
 * </ul>
 */
public final class EntryViews {
    private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();
    private static final Set<String> STATUSES = Set.of("executed", "scheduled", "failed");

    private EntryViews() {
    }

    /**
     * The <em>replay entry view</em> of 7.6: {@code id, requestedAmount, currency, performedAt, scheduledFor,
     * status, response, ruleIds, ruleMetadata}, every key always present (null when absent). Works for an element
     * of {@code payload.replays} and for an entry just built by a replay or a scheduling; an entry without
     * {@code status} is shown as {@code executed} (7.7). Empty when the entry has no {@code id}, a status other
     * than {@code executed}/{@code scheduled}/{@code failed}, or a non-object {@code response}.
     */
    public static Optional<ObjectNode> replayEntryView(JsonNode entry) {
        return entryView(entry, "executed");
    }

    /**
     * The same view for an element of {@code payload.scheduledReplays}. An entry without {@code status} is shown
     * as {@code scheduled}, because the batch treats it as pending (1.4, 5.3).
     */
    public static Optional<ObjectNode> scheduleEntryView(JsonNode entry) {
        return entryView(entry, "scheduled");
    }

    /**
     * The refill view of 7.8: {@code id, amount, currency, performedAt, response}. Empty when the entry has no
     * {@code id}, no parseable {@code performedAt}, or a non-object {@code response}.
     */
    public static Optional<ObjectNode> refillView(JsonNode entry) {
        if (!(entry instanceof ObjectNode stored) || id(stored) == null || !responseRenderable(stored)) {
            return Optional.empty();
        }
        JsonNode performedAt = instant(stored.get("performedAt"));
        if (performedAt == null) {
            return Optional.empty();
        }
        ObjectNode view = NODES.objectNode();
        view.set("id", id(stored));
        view.set("amount", number(stored.get("amount")));
        view.set("currency", text(stored.get("currency")));
        view.set("performedAt", performedAt);
        view.set("response", response(stored));
        return Optional.of(view);
    }

    /** The renderable views of the object elements of {@code elements}; {@code []} when it is not an array. */
    public static ArrayNode renderAll(JsonNode elements, Function<JsonNode, Optional<ObjectNode>> view) {
        ArrayNode rendered = NODES.arrayNode();
        if (elements instanceof ArrayNode array) {
            array.forEach(element -> view.apply(element).ifPresent(rendered::add));
        }
        return rendered;
    }

    private static Optional<ObjectNode> entryView(JsonNode entry, String defaultStatus) {
        if (!(entry instanceof ObjectNode stored) || id(stored) == null || !responseRenderable(stored)) {
            return Optional.empty();
        }
        JsonNode status = stored.get("status");
        String effectiveStatus = status == null || status.isNull() ? defaultStatus : status.isTextual() ? status.asText() : "";
        if (!STATUSES.contains(effectiveStatus)) {
            return Optional.empty();
        }
        ObjectNode view = NODES.objectNode();
        view.set("id", id(stored));
        view.set("requestedAmount", number(stored.get("requestedAmount")));
        view.set("currency", text(stored.get("currency")));
        view.set("performedAt", instant(stored.get("performedAt")));
        view.set("scheduledFor", instant(stored.get("scheduledFor")));
        view.put("status", effectiveStatus);
        view.set("response", response(stored));
        view.set("ruleIds", ruleIds(stored.get("ruleIds")));
        view.set("ruleMetadata", stored.get("ruleMetadata") instanceof ObjectNode metadata ? metadata.deepCopy() : null);
        return Optional.of(view);
    }

    // ObjectNode.set turns a Java null into JSON null, so the helpers below return null for "absent".

    private static JsonNode id(ObjectNode entry) {
        JsonNode id = entry.get("id");
        return id != null && id.isTextual() && !id.asText().isBlank() ? id : null;
    }

    private static boolean responseRenderable(ObjectNode entry) {
        JsonNode response = entry.get("response");
        return response == null || response.isNull() || response.isObject();
    }

    private static JsonNode response(ObjectNode entry) {
        return entry.get("response") instanceof ObjectNode response ? response.deepCopy() : null;
    }

    private static JsonNode text(JsonNode value) {
        return value != null && value.isTextual() ? value : null;
    }

    private static JsonNode number(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value;
        }
        if (value.isTextual()) {
            try {
                return NODES.numberNode(new BigDecimal(value.asText().strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static JsonNode instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        return Timestamps.parse(value.asText()).<JsonNode>map(at -> NODES.textNode(Timestamps.canonical(at))).orElse(null);
    }

    /** Rule ids are strings (3.3); other elements are dropped rather than failing the entry. */
    private static JsonNode ruleIds(JsonNode value) {
        if (!(value instanceof ArrayNode stored)) {
            return null;
        }
        ArrayNode ids = NODES.arrayNode();
        stored.forEach(id -> {
            if (id.isTextual()) {
                ids.add(id);
            }
        });
        return ids;
    }
}
