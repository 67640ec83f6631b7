package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads for the provider order listings (replay-and-history.md 7.7): newest first, ties by id descending. */
@Repository
public class ProviderOrderListingRepository {
    private static final String SELECT = """
            SELECT id, provider_id, provider_name, service_id, service_action, order_id, order_item_id, amount, currency,
                   payload::text AS payload, created_at, updated_at
              FROM fulfillment_provider_orders
            """;
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC LIMIT :limit";

    /** One {@code fulfillment_provider_orders} row; {@code payload} is the parsed document, or null. */
    public record Row(UUID id, String providerId, String providerName, String serviceId, String serviceAction,
                      UUID orderId, UUID orderItemId, BigDecimal amount, String currency, JsonNode payload,
                      Instant createdAt, Instant updatedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public ProviderOrderListingRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean providerExists(String providerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM fulfillment_providers WHERE id = :providerId)",
                new MapSqlParameterSource("providerId", providerId), Boolean.class));
    }

    /** Served by the index on (provider_id, created_at DESC). */
    public List<Row> byProvider(String providerId, int limit) {
        return jdbc.query(SELECT + " WHERE provider_id = :providerId" + NEWEST_FIRST,
                new MapSqlParameterSource("providerId", providerId).addValue("limit", limit),
                ProviderOrderListingRepository::map);
    }

    public List<Row> byOrder(UUID orderId, int limit) {
        return jdbc.query(SELECT + " WHERE order_id = :orderId" + NEWEST_FIRST,
                new MapSqlParameterSource("orderId", orderId).addValue("limit", limit),
                ProviderOrderListingRepository::map);
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("provider_id"),
                rs.getString("provider_name"),
                rs.getString("service_id"),
                rs.getString("service_action"),
                rs.getObject("order_id", UUID.class),
                rs.getObject("order_item_id", UUID.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                Json.readOrNull(rs.getString("payload")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
