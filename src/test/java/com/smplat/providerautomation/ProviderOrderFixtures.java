package com.smplat.providerautomation;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts providers and provider orders (with their order and order item) straight into the database, as the
 * fulfillment flow outside this service would. Ids are fresh per call, so tests sharing the database never collide.
 */
public final class ProviderOrderFixtures {
    private final JdbcTemplate jdbc;

    public ProviderOrderFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A provider whose {@code metadata_json} is the given JSON text. */
    public String provider(String id, String name, String metadataJson) {
        jdbc.update("INSERT INTO fulfillment_providers (id, name, metadata_json, status) VALUES (?, ?, CAST(? AS json), 'active')",
                id, name, metadataJson);
        return id;
    }

    /** A provider whose order endpoint posts {@code payloadJson} (an object template, or null) to {@code url}. */
    public String providerWithOrderEndpoint(String id, String url, String payloadJson) {
        return provider(id, "Provider " + id, """
                {"automation": {"apiKey": "k-%s", "endpoints": {"order": {"method": "POST", "url": "%s",
                 "headers": {"X-Api-Key": "{{apiKey}}"}%s}}}}""".formatted(id, url,
                payloadJson == null ? "" : ", \"payload\": " + payloadJson));
    }

    /** A provider order with its parent order and item; returns the provider order id. */
    public UUID providerOrder(String providerId, String serviceId, BigDecimal amount, String payloadJson) {
        UUID orderId = UUID.randomUUID();
        UUID itemId = UUID.randomUUID();
        UUID providerOrderId = UUID.randomUUID();
        jdbc.update("INSERT INTO orders (id, status, total_price, currency) VALUES (?, 'processing', ?, 'USD')", orderId, amount);
        jdbc.update("INSERT INTO order_items (id, order_id, product_id, selected_options, quantity, unit_price, total_price)"
                + " VALUES (?, ?, 'product-1', NULL, 1, ?, ?)", itemId, orderId, amount, amount);
        jdbc.update("INSERT INTO fulfillment_provider_orders (id, order_id, order_item_id, provider_id, provider_name, service_id,"
                + " service_action, amount, currency, payload) VALUES (?, ?, ?, ?, ?, ?, 'replay_action', ?, 'USD', CAST(? AS jsonb))",
                providerOrderId, orderId, itemId, providerId, "Provider " + providerId, serviceId, amount, payloadJson);
        return providerOrderId;
    }

    public String payloadText(UUID providerOrderId) {
        return jdbc.queryForObject("SELECT payload::text FROM fulfillment_provider_orders WHERE id = ?", String.class, providerOrderId);
    }
}
