package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fired load alert (alerts.md 6.4). {@code links} are RELATIVE (AL-LINK-1); an alert run makes them absolute
 * (AL-LINK-2) before it builds its digest.
 */
public record LoadAlert(String providerId, String providerName, String presetId, String presetLabel, String serviceId,
                        String serviceAction, String currency, int shortWindowDays, int longWindowDays,
                        double shortShare, double longShare, double shareDelta, int shortEngagements,
                        int longEngagements, double shortAmountTotal, double longAmountTotal, Map<String, String> links) {

    public LoadAlert {
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links)); // keeps merchandising, fulfillment, orders order
    }

    /** The 6.4 object with its keys in the spec's order; {@code links} holds only the non-empty links. */
    public ObjectNode toJson() {
        ObjectNode alert = Json.MAPPER.createObjectNode();
        alert.put("providerId", providerId).put("providerName", providerName)
                .put("presetId", presetId).put("presetLabel", presetLabel)
                .put("serviceId", serviceId).put("serviceAction", serviceAction).put("currency", currency)
                .put("shortWindowDays", shortWindowDays).put("longWindowDays", longWindowDays)
                .put("shortShare", shortShare).put("longShare", longShare).put("shareDelta", shareDelta)
                .put("shortEngagements", shortEngagements).put("longEngagements", longEngagements)
                .put("shortAmountTotal", shortAmountTotal).put("longAmountTotal", longAmountTotal);
        ObjectNode linkNode = alert.putObject("links");
        links.forEach(linkNode::put);
        return alert;
    }
}
