package com.smplat.providerautomation.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The preset pressure map of one window (alerts.md 6.1, 6.2), aggregated in the database (AL-LOAD-4) over
 * {@code preset_engagements}, the trigger-maintained projection of provider orders, their order items' presets and
 * their orders' creation times (migration V6): the result has one row per group, never one per engagement.
 */
@Repository
public class LoadAlertRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public LoadAlertRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String IN_GROUP_AND_WINDOW = "e.preset_id = g.preset_id AND e.provider_id = g.provider_id"
            + " AND e.service_id = g.service_id AND e.ordered_at >= :start";

    /** The group's newest (by provider order time) value of {@code column} that satisfies {@code condition}. */
    private static String newestOfGroup(String column, String condition) {
        return "(SELECT e.%1$s FROM preset_engagements e WHERE %3$s AND e.%1$s %2$s ORDER BY e.created_at DESC, e.provider_order_id DESC LIMIT 1)"
                .formatted(column, condition, IN_GROUP_AND_WINDOW);
    }

    /**
     * The statement of {@link #window} (public for bench/alert-run, which times it bare). It counts by hashing the
     * window's rows, then walks an index once per group for the newest label and once for the newest provider order,
     * and walks for the newest non-empty name, action or currency only where that provider order has none.
     */
    public static final String WINDOW_SQL = """
            WITH grouped AS (
                SELECT preset_id, provider_id, service_id, count(*) AS engagements,
                       COALESCE(sum(amount), 0) AS amount_total
                  FROM preset_engagements
                 WHERE ordered_at >= :start
                 GROUP BY preset_id, provider_id, service_id
            )
            SELECT g.preset_id, g.provider_id, g.service_id, g.engagements, g.amount_total,
                   sum(g.engagements) OVER (PARTITION BY g.preset_id) AS preset_total,
                   labelled.preset_label,
                   COALESCE(newest.provider_name, %s) AS provider_name,
                   COALESCE(newest.service_action, %s) AS service_action,
                   COALESCE(NULLIF(newest.currency, ''), %s) AS currency
              FROM grouped g
              LEFT JOIN LATERAL (
                  SELECT e.preset_label FROM preset_engagements e
                   WHERE %s AND e.preset_label IS NOT NULL
                   ORDER BY e.ordered_at DESC, e.created_at DESC, e.provider_order_id DESC LIMIT 1) labelled ON true
              LEFT JOIN LATERAL (
                  SELECT e.provider_name, e.service_action, e.currency FROM preset_engagements e
                   WHERE %4$s
                   ORDER BY e.created_at DESC, e.provider_order_id DESC LIMIT 1) newest ON true
             ORDER BY g.engagements DESC, g.amount_total DESC,
                      g.preset_id COLLATE "C", g.provider_id COLLATE "C", g.service_id COLLATE "C"
            """.formatted(newestOfGroup("provider_name", "IS NOT NULL"), newestOfGroup("service_action", "IS NOT NULL"),
            newestOfGroup("currency", "<> ''"), IN_GROUP_AND_WINDOW);

    /**
     * Every group of the window whose parent ORDER was created at or after {@code start} (AL-LOAD-2), in AL-LOAD-5
     * order. Labels, names, actions and currencies come from the newest row that has one (6.2 determinism): the
     * label by the order's creation, the others by the provider order's; ids break time ties. Ids compare by code
     * point ({@code "C"}) so the order does not depend on the database locale.
     */
    public List<PressureEntry> window(Instant start) {
        return jdbc.query(WINDOW_SQL, new MapSqlParameterSource("start", Timestamp.from(start)), (rs, row) -> {
            int engagements = rs.getInt("engagements");
            long presetTotal = rs.getLong("preset_total");
            return new PressureEntry(rs.getString("preset_id"), rs.getString("preset_label"), rs.getString("provider_id"),
                    rs.getString("provider_name"), rs.getString("service_id"), rs.getString("service_action"),
                    rs.getString("currency"), engagements, rs.getBigDecimal("amount_total").doubleValue(),
                    presetTotal == 0 ? 0.0 : (double) engagements / presetTotal);
        });
    }
}
