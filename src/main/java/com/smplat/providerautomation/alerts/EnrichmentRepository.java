package com.smplat.providerautomation.alerts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The message enrichment sources (alerts.md 10.4): cached platform contexts per provider, and the experiment
 * conversion snapshot. An empty source only drops its message section.
 */
@Repository
public class EnrichmentRepository {
    private final NamedParameterJdbcTemplate jdbc;

    public EnrichmentRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to 3 contexts per provider, most recently seen first. */
    public Map<String, List<AlertMessages.PlatformContext>> platformContexts(List<String> providerIds) {
        Map<String, List<AlertMessages.PlatformContext>> contexts = new HashMap<>();
        if (providerIds.isEmpty()) {
            return contexts;
        }
        jdbc.query("""
                SELECT provider_id, label, handle, platform_type FROM (
                  SELECT *, row_number() OVER (PARTITION BY provider_id ORDER BY last_seen_at DESC, platform_context_id) AS n
                    FROM provider_platform_context_cache WHERE provider_id IN (:ids)) ranked
                 WHERE n <= 3 ORDER BY provider_id, n""",
                new MapSqlParameterSource("ids", providerIds),
                rs -> {
                    contexts.computeIfAbsent(rs.getString("provider_id"), id -> new ArrayList<>()).add(
                            new AlertMessages.PlatformContext(rs.getString("label"), rs.getString("handle"), rs.getString("platform_type")));
                });
        return contexts;
    }

    /**
     * The top 3 experiment slugs by order revenue, then order count, over the 500 most recent onboarding
     * pricing-experiment events.
     */
    public List<AlertMessages.Conversion> conversions() {
        return jdbc.query("""
                WITH recent AS (
                  SELECT * FROM onboarding_experiment_events ORDER BY created_at DESC, id DESC LIMIT 500)
                SELECT experiment_slug,
                       coalesce(sum(order_total) FILTER (WHERE order_id IS NOT NULL), 0) AS revenue,
                       max(order_currency) AS currency,
                       count(DISTINCT order_id) AS orders,
                       count(DISTINCT journey_id) AS journeys,
                       coalesce(sum(loyalty_points), 0) AS points,
                       max(created_at) AS last_activity
                  FROM recent GROUP BY experiment_slug
                 ORDER BY revenue DESC, orders DESC, experiment_slug LIMIT 3""",
                new MapSqlParameterSource(),
                (rs, row) -> new AlertMessages.Conversion(rs.getString("experiment_slug"), rs.getBigDecimal("revenue"),
                        rs.getString("currency"), rs.getLong("orders"), rs.getLong("journeys"), rs.getLong("points"),
                        rs.getObject("last_activity", OffsetDateTime.class).toInstant()));
    }
}
