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

    /** AL-LOAD-3 on a {@code json} column: the SQL function {@code preset_id_of} (migration V6). */
    public static String presetIdSql(String options) {
        return "preset_id_of(%s)".formatted(options);
    }

    /** The preset label: the SQL function {@code preset_label_of} (migration V6). */
    public static String presetLabelSql(String options) {
        return "preset_label_of(%s)".formatted(options);
    }

    /**
     * Every group of the window whose parent ORDER was created at or after {@code start} (AL-LOAD-2), in AL-LOAD-5
     * order. Labels, names, actions and currencies come from the newest row that has one (6.2 determinism): the
     * label by the order's creation, the others by the provider order's; ids break time ties. Ids compare by code
     * point ({@code "C"}) so the order does not depend on the database locale.
     */
    public List<PressureEntry> window(Instant start) {
        String sql = """
                SELECT preset_id, provider_id, service_id,
                       count(*) AS engagements,
                       COALESCE(sum(amount), 0) AS amount_total,
                       sum(count(*)) OVER (PARTITION BY preset_id) AS preset_total,
                       (array_agg(preset_label ORDER BY ordered_at DESC, created_at DESC, provider_order_id DESC)
                            FILTER (WHERE preset_label IS NOT NULL))[1] AS preset_label,
                       (array_agg(provider_name ORDER BY created_at DESC, provider_order_id DESC)
                            FILTER (WHERE provider_name IS NOT NULL))[1] AS provider_name,
                       (array_agg(service_action ORDER BY created_at DESC, provider_order_id DESC)
                            FILTER (WHERE service_action IS NOT NULL))[1] AS service_action,
                       (array_agg(currency ORDER BY created_at DESC, provider_order_id DESC)
                            FILTER (WHERE currency <> ''))[1] AS currency
                  FROM preset_engagements
                 WHERE ordered_at >= :start
                 GROUP BY preset_id, provider_id, service_id
                 ORDER BY engagements DESC, amount_total DESC,
                          preset_id COLLATE "C", provider_id COLLATE "C", service_id COLLATE "C"
                """;
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
