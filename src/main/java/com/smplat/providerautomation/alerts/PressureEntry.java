package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;

/**
 * One group {@code (presetId, providerId, serviceId)} of a window's pressure map (alerts.md 6.2). The share is
 * {@code engagements / presetTotal} over the complete window, unrounded.
 */
public record PressureEntry(String presetId, String presetLabel, String providerId, String providerName, String serviceId,
                            String serviceAction, String currency, int engagements, double amountTotal,
                            double engagementShare) {

    /** The group key: a load alert's candidate and its baseline share it (AL-LOAD-6). */
    public record Key(String presetId, String providerId, String serviceId) {
    }

    public Key key() {
        return new Key(presetId, providerId, serviceId);
    }

    /** The 6.2 entry, keys in the order of the spec's example (7.4). */
    public ObjectNode toJson() {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("presetId", presetId).put("presetLabel", presetLabel)
                .put("providerId", providerId).put("providerName", providerName)
                .put("serviceId", serviceId).put("serviceAction", serviceAction).put("currency", currency)
                .put("engagements", engagements).put("amountTotal", amountTotal).put("engagementShare", engagementShare);
        return entry;
    }
}
