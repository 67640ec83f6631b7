package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The body of {@code POST /{providerId}/orders/{providerOrderId}/replay} (replay-and-history.md 7.6), validated:
 * every problem is a 422 raised before any lookup.
 */
public record ReplayRequest(BigDecimal amount, Instant runAt, boolean scheduleOnly) {
    private static final String RUN_AT_INVALID = "runAt must be an ISO-8601 timestamp from 0001-01-01T00:00:00Z to"
            + " 9999-12-31T23:59:59.999999Z";

    public static ReplayRequest parse(String body) {
        ObjectNode object = Json.requestObject(body);
        BigDecimal amount = RequestBodies.amount(object);
        Instant runAt = null;
        JsonNode runAtNode = object.get("runAt");
        if (runAtNode != null && !runAtNode.isNull()) {
            if (!runAtNode.isTextual()) {
                throw ServiceException.invalid(RUN_AT_INVALID);
            }
            runAt = Timestamps.parse(runAtNode.asText()).orElseThrow(() -> ServiceException.invalid(RUN_AT_INVALID));
        }
        boolean scheduleOnly = false;
        JsonNode scheduleOnlyNode = object.get("scheduleOnly");
        if (scheduleOnlyNode != null && !scheduleOnlyNode.isNull()) {
            if (!scheduleOnlyNode.isBoolean()) {
                throw ServiceException.invalid("scheduleOnly must be a boolean");
            }
            scheduleOnly = scheduleOnlyNode.asBoolean();
        }
        if (scheduleOnly && runAt == null) {
            throw ServiceException.invalid("runAt is required when scheduleOnly is true");
        }
        return new ReplayRequest(amount, runAt, scheduleOnly);
    }

    /** Schedule when asked to, or when {@code runAt} is strictly in the future; otherwise execute now. */
    public boolean schedules(Instant now) {
        return runAt != null && (scheduleOnly || runAt.isAfter(now));
    }
}
