package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Builds the payload entries of replay-and-history.md 1.4 and applies the append rule. */
public final class ReplayEntries {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReplayEntries() {
    }

    public static ObjectNode replay(BigDecimal amount, String currency, Instant performedAt, String status,
                                    ObjectNode response, RuleContext rules) {
        ObjectNode entry = started("requestedAmount", amount, currency);
        entry.put("performedAt", Timestamps.canonical(performedAt));
        entry.put("status", status);
        entry.set("response", response);
        rules.addTo(entry);
        return entry;
    }

    public static ObjectNode schedule(BigDecimal amount, String currency, Instant scheduledFor, RuleContext rules) {
        ObjectNode entry = started("requestedAmount", amount, currency);
        entry.put("scheduledFor", Timestamps.canonical(scheduledFor));
        entry.put("status", "scheduled");
        rules.addTo(entry);
        return entry;
    }

    public static ObjectNode refill(BigDecimal amount, String currency, Instant performedAt, ObjectNode response) {
        ObjectNode entry = started("amount", amount, currency);
        entry.put("performedAt", Timestamps.canonical(performedAt));
        entry.set("response", response);
        return entry;
    }

    /** The keys every entry starts with: a fresh {@code id}, the amount (null kept) and the currency. */
    private static ObjectNode started(String amountKey, BigDecimal amount, String currency) {
        ObjectNode entry = NODES.objectNode();
        entry.put("id", UUID.randomUUID().toString());
        entry.set(amountKey, amount == null ? NODES.nullNode() : NODES.numberNode(amount));
        entry.put("currency", currency);
        return entry;
    }

    /** Appends to {@code payload[key]}; an absent or non-array value becomes a new array holding just the entry. */
    public static void append(ObjectNode payload, String key, ObjectNode entry) {
        JsonNode existing = payload.get(key);
        if (existing instanceof ArrayNode array) {
            array.add(entry);
        } else {
            payload.putArray(key).add(entry);
        }
    }
}
