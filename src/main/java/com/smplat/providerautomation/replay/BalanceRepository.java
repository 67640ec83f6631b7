package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code fulfillment_provider_balances}, one latest snapshot per provider (replay-and-history.md 1.2, 7.9). */
@Repository
public class BalanceRepository {

    /**
     * A provider with its balance snapshot (the {@code balance*} and {@code retrievedAt} values are null without
     * one). Credentials and metadata are left out on purpose: they hold secrets such as API keys.
     */
    public record ProviderBalance(String id, String name, String description, String baseUrl, JsonNode allowedRegions,
                                  String status, String healthStatus, Instant lastHealthCheckAt, Instant createdAt,
                                  Instant updatedAt, BigDecimal balanceAmount, String balanceCurrency, Instant retrievedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public BalanceRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts or replaces the provider's snapshot, retrieved now. Selecting from {@code fulfillment_providers}
     * writes nothing (and returns false) when the provider was deleted meanwhile, instead of failing on the key.
     */
    public boolean upsert(String providerId, BigDecimal amount, String currency, ObjectNode payload) {
        return jdbc.update("""
                INSERT INTO fulfillment_provider_balances (provider_id, balance_amount, currency, payload, retrieved_at, updated_at)
                SELECT id, :amount, :currency, CAST(:payload AS json), now(), now() FROM fulfillment_providers WHERE id = :providerId
                ON CONFLICT (provider_id) DO UPDATE SET balance_amount = EXCLUDED.balance_amount, currency = EXCLUDED.currency,
                    payload = EXCLUDED.payload, retrieved_at = EXCLUDED.retrieved_at, updated_at = EXCLUDED.updated_at""",
                new MapSqlParameterSource("providerId", providerId).addValue("amount", amount)
                        .addValue("currency", currency).addValue("payload", Json.write(payload))) > 0;
    }

    public Optional<ProviderBalance> providerBalance(String providerId) {
        return jdbc.query("""
                SELECT p.id, p.name, p.description, p.base_url, p.allowed_regions::text AS allowed_regions,
                       p.status::text AS status, p.health_status::text AS health_status, p.last_health_check_at,
                       p.created_at, p.updated_at, b.balance_amount, b.currency, b.retrieved_at
                  FROM fulfillment_providers p
                  LEFT JOIN fulfillment_provider_balances b ON b.provider_id = p.id
                 WHERE p.id = :providerId""",
                new MapSqlParameterSource("providerId", providerId), BalanceRepository::map).stream().findFirst();
    }

    private static ProviderBalance map(ResultSet rs, int row) throws SQLException {
        return new ProviderBalance(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("base_url"), Json.readOrNull(rs.getString("allowed_regions")), rs.getString("status"),
                rs.getString("health_status"), instant(rs, "last_health_check_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getBigDecimal("balance_amount"), rs.getString("currency"),
                instant(rs, "retrieved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
