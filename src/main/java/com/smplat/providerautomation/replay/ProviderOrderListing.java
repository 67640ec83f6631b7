package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import com.smplat.providerautomation.support.Timestamps;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The provider order listings (replay-and-history.md 7.7): each row as a <em>provider order view</em>, the stored
 * payload untouched plus typed copies of its replays, scheduled replays and refills (see {@link EntryViews}).
 */
@Component("providerOrderListing")
public class ProviderOrderListing {
    private final ProviderOrderListingRepository repository;

    public ProviderOrderListing(ProviderOrderListingRepository repository) {
        this.repository = repository;
    }

    /** Up to {@code limit} provider orders of the provider, newest first; 404 when the provider row is missing. */
    public ArrayNode byProvider(@Header("providerId") String providerId, @Header("limit") int limit) {
        if (!repository.providerExists(providerId)) {
            throw ServiceException.notFound("Provider not found");
        }
        return views(repository.byProvider(providerId, limit));
    }

    /** Up to {@code limit} provider orders of the order (a validated UUID), newest first; {@code []} when none. */
    public ArrayNode byOrder(String orderId, int limit) {
        return views(repository.byOrder(UUID.fromString(orderId), limit));
    }

    private static ArrayNode views(List<ProviderOrderListingRepository.Row> rows) {
        ArrayNode views = Json.MAPPER.createArrayNode();
        rows.forEach(row -> views.add(view(row)));
        return views;
    }

    static ObjectNode view(ProviderOrderListingRepository.Row row) {
        JsonNode payload = row.payload();
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("id", row.id().toString());
        view.put("providerId", row.providerId());
        view.put("providerName", row.providerName());
        view.put("serviceId", row.serviceId());
        view.put("serviceAction", row.serviceAction());
        view.put("orderId", row.orderId().toString());
        view.put("orderItemId", row.orderItemId().toString());
        view.put("amount", row.amount());
        view.put("currency", row.currency());
        view.put("providerOrderId", providerOrderId(payload));
        view.set("payload", payload);
        view.put("createdAt", Timestamps.canonical(row.createdAt()));
        view.put("updatedAt", Timestamps.canonical(row.updatedAt()));
        view.set("refills", EntryViews.renderAll(member(payload, "refills"), EntryViews::refillView));
        view.set("replays", EntryViews.renderAll(member(payload, "replays"), EntryViews::replayEntryView));
        JsonNode scheduled = member(payload, "scheduledReplays");
        view.set("scheduledReplays", EntryViews.renderAll(scheduled instanceof ArrayNode ? scheduled
                : member(payload, "scheduled_replays"), EntryViews::scheduleEntryView));
        return view;
    }

    /**
     * {@code payload.providerOrderId}, else {@code payload.provider_order_id}. A key counts only with a non-blank
     * string or an integer (1.4), and an integer is shown as its text, so the view's value is always a string.
     */
    private static String providerOrderId(JsonNode payload) {
        for (String key : new String[] {"providerOrderId", "provider_order_id"}) {
            JsonNode value = member(payload, key);
            if (value != null && (value.isIntegralNumber() || value.isTextual() && !value.asText().isBlank())) {
                return value.asText();
            }
        }
        return null;
    }

    /** A member of the payload, or null when the payload is absent or not an object. */
    private static JsonNode member(JsonNode payload, String key) {
        return payload instanceof ObjectNode object ? object.get(key) : null;
    }
}
