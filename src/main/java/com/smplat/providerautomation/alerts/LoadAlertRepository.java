package com.smplat.providerautomation.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The preset pressure map of one window (alerts.md 6.1, 6.2), aggregated in the database (AL-LOAD-4): the result
 * has one row per group, never one per engagement.
 */
@Repository
public class LoadAlertRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public LoadAlertRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * AL-LOAD-3 on a {@code json} column: {@code presetId}, or {@code preset_id} when that is missing, null or
     * empty; a string as-is, a number as its text; anything else, or a non-object column, gives NULL. Shared with the
     * blueprint report's preset counts.
     */
    public static String presetIdSql(String options) {
        return scalarText(options, "CASE WHEN COALESCE(%1$s ->> 'presetId', '') = '' THEN 'preset_id' ELSE 'presetId' END"
                .formatted(options));
    }

    /** The preset label: {@code presetLabel}, else {@code preset_label}; NULL when neither is a non-empty scalar. */
    public static String presetLabelSql(String options) {
        return "COALESCE(%s, %s)".formatted(scalarText(options, "'presetLabel'"), scalarText(options, "'preset_label'"));
    }

    // ->> on a json column; -> gives NULL (not an error) on a non-object, but the outer CASE keeps that explicit
    private static String scalarText(String options, String key) {
        return ("CASE WHEN json_typeof(%1$s) = 'object' AND json_typeof(%1$s -> %2$s) IN ('string', 'number')"
                + " THEN NULLIF(%1$s ->> %2$s, '') END").formatted(options, key);
    }

    /**
     * Every group of the window whose parent ORDER was created at or after {@code start} (AL-LOAD-2), in AL-LOAD-5
     * order. Labels, names, actions and currencies come from the newest row that has one (6.2 determinism): the
     * label by the order's creation, the others by the provider order's; ids break time ties. Ids compare by code
     * point ({@code "C"}) so the order does not depend on the database locale.
     */
    public List<PressureEntry> window(Instant start) {
        String sql = """
                WITH engagement AS (
                    SELECT %s AS preset_id, %s AS preset_label, o.created_at AS ordered_at,
                           p.id, p.provider_id, p.provider_name, p.service_id, p.service_action, p.currency, p.amount,
                           p.created_at
                      FROM fulfillment_provider_orders p
                      JOIN order_items i ON i.id = p.order_item_id
                      JOIN orders o ON o.id = i.order_id
                     WHERE o.created_at >= :start
                )
                SELECT preset_id, provider_id, service_id,
                       count(*) AS engagements,
                       COALESCE(sum(amount), 0) AS amount_total,
                       sum(count(*)) OVER (PARTITION BY preset_id) AS preset_total,
                       (array_agg(preset_label ORDER BY ordered_at DESC, created_at DESC, id DESC)
                            FILTER (WHERE preset_label IS NOT NULL))[1] AS preset_label,
                       (array_agg(provider_name ORDER BY created_at DESC, id DESC)
                            FILTER (WHERE provider_name IS NOT NULL))[1] AS provider_name,
                       (array_agg(service_action ORDER BY created_at DESC, id DESC)
                            FILTER (WHERE service_action IS NOT NULL))[1] AS service_action,
                       (array_agg(currency ORDER BY created_at DESC, id DESC)
                            FILTER (WHERE currency <> ''))[1] AS currency
                  FROM engagement
                 WHERE preset_id IS NOT NULL
                 GROUP BY preset_id, provider_id, service_id
                 ORDER BY engagements DESC, amount_total DESC,
                          preset_id COLLATE "C", provider_id COLLATE "C", service_id COLLATE "C"
                """.formatted(presetIdSql("i.selected_options"), presetLabelSql("i.selected_options"));
        return jdbc.query(sql, new MapSqlParameterSource("start", Timestamp.from(start)), (rs, row) -> {
            int engagements = rs.getInt("engagements");
            long presetTotal = rs.getLong("preset_total");
            return new PressureEntry(rs.getString("preset_id"), rs.getString("preset_label"), rs.getString("provider_id"),
                    rs.getString("provider_name"), rs.getString("service_id"), rs.getString("service_action"),
                    rs.getString("currency"), engagements, rs.getBigDecimal("amount_total").doubleValue(),
                    presetTotal == 0 ? 0.0 : (double) engagements / presetTotal);
        });
    }
}
