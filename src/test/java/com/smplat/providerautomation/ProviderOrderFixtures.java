package com.smplat.providerautomation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
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

    /** An order created at {@code createdAt}, with no items yet; returns its id. */
    public UUID order(Instant createdAt) {
        UUID orderId = UUID.randomUUID();
        jdbc.update("INSERT INTO orders (id, status, currency, created_at) VALUES (?, 'processing', 'USD', ?)", orderId,
                Timestamp.from(createdAt));
        return orderId;
    }

    /** An item of {@code orderId} whose {@code selected_options} is the given JSON text (or SQL NULL); returns its id. */
    public UUID orderItem(UUID orderId, String selectedOptionsJson, BigDecimal totalPrice) {
        UUID itemId = UUID.randomUUID();
        jdbc.update("INSERT INTO order_items (id, order_id, product_id, selected_options, quantity, unit_price, total_price)"
                + " VALUES (?, ?, 'product-1', CAST(? AS json), 1, ?, ?)", itemId, orderId, selectedOptionsJson, totalPrice, totalPrice);
        return itemId;
    }

    /** A provider order of an existing item, created at {@code createdAt}, with an empty payload; returns its id. */
    public UUID providerOrderOf(UUID itemId, String providerId, String providerName, String serviceId, String serviceAction,
                                BigDecimal amount, String currency, Instant createdAt) {
        UUID providerOrderId = UUID.randomUUID();
        jdbc.update("INSERT INTO fulfillment_provider_orders (id, order_id, order_item_id, provider_id, provider_name, service_id,"
                + " service_action, amount, currency, payload, created_at)"
                + " SELECT ?, order_id, id, ?, ?, ?, ?, ?, ?, '{}'::jsonb, ? FROM order_items WHERE id = ?",
                providerOrderId, providerId, providerName, serviceId, serviceAction, amount, currency, Timestamp.from(createdAt), itemId);
        return providerOrderId;
    }

    public String payloadText(UUID providerOrderId) {
        return jdbc.queryForObject("SELECT payload::text FROM fulfillment_provider_orders WHERE id = ?", String.class, providerOrderId);
    }
}
