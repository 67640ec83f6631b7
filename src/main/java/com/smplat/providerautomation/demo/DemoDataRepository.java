package com.smplat.providerautomation.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Writes the demo rows. Every insert skips rows that exist, so loading twice changes nothing; providers are
 * upserted so their sandbox URL follows the current {@code SANDBOX_BASE_URL}.
 */
@Repository
public class DemoDataRepository {
    /** Table → insert statement, in foreign-key order. */
    static final Map<String, String> INSERTS = new LinkedHashMap<>();

    static {
        INSERTS.put("fulfillment_providers", """
                INSERT INTO fulfillment_providers (id, name, description, base_url, allowed_regions, metadata_json, status, health_status)
                VALUES (:id, :name, :description, :baseUrl, CAST(:allowedRegions AS json), CAST(:metadata AS json),
                        CAST(:status AS fulfillment_provider_status_enum), CAST(:health AS fulfillment_provider_health_status_enum))
                ON CONFLICT (id) DO UPDATE SET base_url = EXCLUDED.base_url, metadata_json = EXCLUDED.metadata_json
                 WHERE fulfillment_providers.base_url IS DISTINCT FROM EXCLUDED.base_url""");
        INSERTS.put("fulfillment_services", """
                INSERT INTO fulfillment_services (id, provider_id, name, action, category, default_currency, metadata_json)
                VALUES (:id, :providerId, :name, :action, :category, :currency, CAST(:metadata AS json))
                ON CONFLICT (id) DO NOTHING""");
        INSERTS.put("orders", """
                INSERT INTO orders (id, status, total_price, currency, created_at)
                VALUES (:id, :status, :totalPrice, :currency, :createdAt)
                ON CONFLICT (id) DO NOTHING""");
        INSERTS.put("order_items", """
                INSERT INTO order_items (id, order_id, product_id, selected_options, quantity, unit_price, total_price, created_at)
                VALUES (:id, :orderId, :productId, CAST(:selectedOptions AS json), :quantity, :unitPrice, :totalPrice, :createdAt)
                ON CONFLICT (id) DO NOTHING""");
        INSERTS.put("fulfillment_provider_orders", """
                INSERT INTO fulfillment_provider_orders (id, order_id, order_item_id, provider_id, provider_name, service_id,
                                                         service_action, amount, currency, payload, created_at, updated_at)
                VALUES (:id, :orderId, :orderItemId, :providerId, :providerName, :serviceId, :serviceAction, :amount,
                        :currency, CAST(:payload AS jsonb), :createdAt, :updatedAt)
                ON CONFLICT (id) DO NOTHING""");
        INSERTS.put("provider_guardrail_followup", """
                INSERT INTO provider_guardrail_followup (id, provider_id, provider_name, action, notes, platform_context,
                                                         conversion_cursor, conversion_href, created_at)
                VALUES (:id, :providerId, :providerName, :action, :notes, CAST(:platformContext AS json),
                        :conversionCursor, :conversionHref, :createdAt)
                ON CONFLICT (id) DO NOTHING""");
        INSERTS.put("provider_guardrail_status", """
                INSERT INTO provider_guardrail_status (provider_id, provider_name, last_action, is_paused, last_source,
                                                       last_follow_up_id, updated_at)
                VALUES (:providerId, :providerName, :lastAction, :paused, 'manual', :followUpId, :updatedAt)
                ON CONFLICT (provider_id) DO NOTHING""");
        INSERTS.put("provider_platform_context_cache", """
                INSERT INTO provider_platform_context_cache (provider_id, platform_context_id, label, handle, platform_type, last_seen_at)
                VALUES (:providerId, :contextId, :label, :handle, :platformType, :lastSeenAt)
                ON CONFLICT (provider_id, platform_context_id) DO NOTHING""");
        INSERTS.put("onboarding_experiment_events", """
                INSERT INTO onboarding_experiment_events (id, journey_id, order_id, experiment_slug, variant, order_total,
                                                          order_currency, loyalty_points, created_at)
                VALUES (:id, :journeyId, :orderId, :slug, :variant, :orderTotal, :currency, :loyaltyPoints, :createdAt)
                ON CONFLICT (id) DO NOTHING""");
        INSERTS.put("provider_automation_runs", """
                INSERT INTO provider_automation_runs (id, run_type, status, summary, metadata_json, backlog_total,
                                                      next_scheduled_at, alerts_sent, created_at)
                VALUES (:id, CAST(:runType AS provider_automation_run_type_enum), :status, CAST(:summary AS json),
                        CAST(:metadata AS json), :backlogTotal, :nextScheduledAt, :alertsSent, :createdAt)
                ON CONFLICT (id) DO NOTHING""");
    }

    private final NamedParameterJdbcTemplate jdbc;

    public DemoDataRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the rows of one table; returns how many were new. */
    public int insert(String table, List<Map<String, Object>> rows) {
        String sql = INSERTS.get(table);
        if (sql == null) {
            throw new IllegalArgumentException("no demo insert for table " + table);
        }
        SqlParameterSource[] batch = rows.stream().map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new);
        int added = 0;
        for (int count : jdbc.batchUpdate(sql, batch)) {
            added += Math.max(count, 0);
        }
        return added;
    }

    /** Row counts of the demo tables. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        // table names come from the fixed INSERTS keys, never from input
        for (String table : INSERTS.keySet()) {
            counts.put(table, jdbc.getJdbcTemplate().queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        return counts;
    }
}
