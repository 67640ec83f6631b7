package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Timeline metadata of a replay, schedule or refill entry (replay-and-history.md 1.6): the provider order's
 * identity, the entry's values, then the trigger's extras, which win; null values are left out.
 */
public final class TimelineMetadata {
    private static final List<String> ENTRY_KEYS = List.of("status", "performedAt", "scheduledFor", "requestedAmount",
            "amount", "currency", "response", "ruleIds", "ruleMetadata");

    private TimelineMetadata() {
    }

    public static ObjectNode of(ProviderOrder order, ObjectNode entry, Map<String, JsonNode> extras) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        put(metadata, "providerId", order.providerId());
        put(metadata, "providerName", order.providerName());
        put(metadata, "providerOrderId", order.id().toString());
        put(metadata, "orderId", order.orderId().toString());
        put(metadata, "orderItemId", order.orderItemId().toString());
        put(metadata, "serviceId", order.serviceId());
        put(metadata, "serviceAction", order.serviceAction());
        JsonNode id = entry.get("id");
        if (id != null && !id.isNull()) {
            metadata.set("timelineEntryId", id);
        }
        for (String key : ENTRY_KEYS) {
            JsonNode value = entry.get(key);
            if (value != null && !value.isNull()) {
                metadata.set(key, value);
            }
        }
        extras.forEach((key, value) -> {
            if (value != null && !value.isNull()) {
                metadata.set(key, value);
            }
        });
        return metadata;
    }

    private static void put(ObjectNode metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
