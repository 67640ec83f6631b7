package com.smplat.providerautomation.history;

import com.smplat.providerautomation.support.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The automation snapshot's reads (alerts.md 3.1): every provider with its most recent provider orders. */
@Repository
public class SnapshotRepository {

    /** One catalog provider and its sampled provider orders, newest first. */
    public record ProviderSample(String id, String name, List<SampledOrder> orders) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public SnapshotRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every provider, whatever its status, ordered by name then id, each with its newest {@code limitPerProvider}
     * provider orders. One statement for all providers (AL-SNAP-3), so the sample is also one consistent read;
     * the join drops provider orders of unknown providers. Names and ids compare by code point ({@code "C"}) so
     * the order does not depend on the database's locale; {@code id} breaks {@code created_at} ties.
     */
    public List<ProviderSample> sample(int limitPerProvider) {
        Map<String, ProviderSample> providers = new LinkedHashMap<>();
        jdbc.query("""
                SELECT p.id, p.name, o.provider_id, o.service_id, o.amount, o.payload::text AS payload
                  FROM fulfillment_providers p
                  LEFT JOIN LATERAL (SELECT f.provider_id, f.service_id, f.amount, f.payload, f.created_at, f.id
                                       FROM fulfillment_provider_orders f
                                      WHERE f.provider_id = p.id
                                      ORDER BY f.created_at DESC, f.id DESC
                                      LIMIT :limit) o ON true
                 ORDER BY p.name COLLATE "C", p.id COLLATE "C", o.created_at DESC, o.id DESC""",
                new MapSqlParameterSource("limit", limitPerProvider),
                rs -> {
                    String name = rs.getString("name");
                    ProviderSample provider = providers.computeIfAbsent(rs.getString("id"),
                            id -> new ProviderSample(id, name, new ArrayList<>()));
                    if (rs.getString("provider_id") != null) {
                        provider.orders().add(new SampledOrder(rs.getString("provider_id"), rs.getString("service_id"),
                                rs.getBigDecimal("amount"), Json.readOrNull(rs.getString("payload"))));
                    }
                });
        return List.copyOf(providers.values());
    }
}
