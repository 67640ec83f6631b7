package com.smplat.providerautomation.reporting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The blueprint report's adoption sections (alerts.md 7.2), each one grouped query. Items are in the window when
 * their parent order is; provider engagements use the provider order's own {@code created_at}. Display values
 * (labels, names) come from the newest entry that has a non-empty one, and ties are broken by id, so the output
 * does not depend on scan order.
 */
@Repository
public class BlueprintMetricsRepository {
    // a number, or a numeric string (as the legacy float() read it); a bounded exponent cannot overflow numeric
    private static final String NUMBER = "CASE WHEN json_typeof(e -> '%1$s') IN ('number', 'string')"
            + " AND btrim(e ->> '%1$s') ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$'"
            + " THEN btrim(e ->> '%1$s')::numeric END";

    private final NamedParameterJdbcTemplate jdbc;

    public BlueprintMetricsRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code {total, items, itemRevenue}}: orders with at least one item, their items, and the items' total price. */
    public ObjectNode orders(Instant start) {
        return jdbc.queryForObject("""
                SELECT count(DISTINCT o.id) AS total, count(i.id) AS items, COALESCE(sum(i.total_price), 0) AS revenue
                  FROM orders o
                  JOIN order_items i ON i.order_id = o.id
                 WHERE o.created_at >= :start""", window(start, 1), (rs, row) -> Json.MAPPER.createObjectNode()
                .put("total", rs.getLong("total")).put("items", rs.getLong("items"))
                .put("itemRevenue", rs.getBigDecimal("revenue").doubleValue()));
    }

    /** One entry per {@code (groupId, optionId)} of {@code selected_options.options[]}, most selected first. */
    public List<ObjectNode> options(Instant start, int limit) {
        String sql = selections("options") + """
                SELECT e ->> 'groupId' AS group_id, %s AS group_name, e ->> 'optionId' AS option_id, %s AS label,
                       count(*) AS selections, COALESCE(sum(%s), 0) AS price_delta_total
                  FROM entry
                 GROUP BY 1, 3
                 ORDER BY selections DESC, (e ->> 'groupId') COLLATE "C" NULLS FIRST, (e ->> 'optionId') COLLATE "C" NULLS FIRST
                 LIMIT :limit""".formatted(latest("groupName"), latest("label"), NUMBER.formatted("priceDelta"));
        return jdbc.query(sql, window(start, limit), (rs, row) -> Json.MAPPER.createObjectNode()
                .put("groupId", rs.getString("group_id")).put("groupName", rs.getString("group_name"))
                .put("optionId", rs.getString("option_id")).put("label", rs.getString("label"))
                .put("selections", rs.getLong("selections")).put("priceDeltaTotal", decimal(rs, "price_delta_total")));
    }

    /** One entry per add-on {@code id} of {@code selected_options.addOns[]}, most selected first. */
    public List<ObjectNode> addOns(Instant start, int limit) {
        String sql = selections("addOns") + """
                SELECT e ->> 'id' AS add_on_id, %s AS label, %s AS pricing_mode, %s AS provider_name,
                       count(*) AS selections, COALESCE(sum(%s), 0) AS price_delta_total
                  FROM entry
                 GROUP BY 1
                 ORDER BY selections DESC, (e ->> 'id') COLLATE "C" NULLS FIRST
                 LIMIT :limit""".formatted(latest("label"), latest("pricingMode"), latest("serviceProviderName"),
                NUMBER.formatted("priceDelta"));
        return jdbc.query(sql, window(start, limit), (rs, row) -> Json.MAPPER.createObjectNode()
                .put("addOnId", rs.getString("add_on_id")).put("label", rs.getString("label"))
                .put("pricingMode", rs.getString("pricing_mode")).put("providerName", rs.getString("provider_name"))
                .put("selections", rs.getLong("selections")).put("priceDeltaTotal", decimal(rs, "price_delta_total")));
    }

    /** Provider orders created in the window, by provider, name, service and action; busiest first. */
    public List<ObjectNode> providerEngagements(Instant start, int limit) {
        return jdbc.query("""
                SELECT provider_id, provider_name, service_id, service_action,
                       count(*) AS engagements, COALESCE(sum(amount), 0) AS amount_total
                  FROM fulfillment_provider_orders
                 WHERE created_at >= :start
                 GROUP BY provider_id, provider_name, service_id, service_action
                 ORDER BY engagements DESC, amount_total DESC, provider_id COLLATE "C", service_id COLLATE "C",
                          provider_name COLLATE "C" NULLS FIRST, service_action COLLATE "C" NULLS FIRST
                 LIMIT :limit""", window(start, limit), (rs, row) -> Json.MAPPER.createObjectNode()
                .put("providerId", rs.getString("provider_id")).put("providerName", rs.getString("provider_name"))
                .put("serviceId", rs.getString("service_id")).put("serviceAction", rs.getString("service_action"))
                .put("engagements", rs.getLong("engagements")).put("amountTotal", decimal(rs, "amount_total")));
    }

    /** In-window order items per preset id (AL-LOAD-3 extraction, the SQL function {@code preset_id_of} of migration V6), most selected first. */
    public List<ObjectNode> presets(Instant start, int limit) {
        String sql = """
                SELECT preset_id, (array_agg(label ORDER BY ordered_at DESC, item_id DESC)
                                       FILTER (WHERE label IS NOT NULL))[1] AS label,
                       count(*) AS selections
                  FROM (SELECT preset_id_of(i.selected_options) AS preset_id, preset_label_of(i.selected_options) AS label,
                               o.created_at AS ordered_at, i.id AS item_id
                          FROM orders o
                          JOIN order_items i ON i.order_id = o.id
                         WHERE o.created_at >= :start) item
                 WHERE preset_id IS NOT NULL
                 GROUP BY preset_id
                 ORDER BY selections DESC, preset_id COLLATE "C"
                 LIMIT :limit""";
        return jdbc.query(sql, window(start, limit), (rs, row) -> Json.MAPPER.createObjectNode()
                .put("presetId", rs.getString("preset_id")).put("label", rs.getString("label"))
                .put("selections", rs.getLong("selections")));
    }

    /** CTE {@code entry}: the object elements {@code e} of {@code selected_options.<key>[]} of in-window items. */
    private static String selections(String key) {
        return """
                WITH entry AS (
                    SELECT a.e, a.n, o.created_at AS ordered_at, i.id AS item_id
                      FROM orders o
                      JOIN order_items i ON i.order_id = o.id
                     CROSS JOIN LATERAL json_array_elements(
                           CASE WHEN json_typeof(i.selected_options) = 'object'
                                 AND json_typeof(i.selected_options -> '%1$s') = 'array'
                                THEN i.selected_options -> '%1$s' END) WITH ORDINALITY AS a(e, n)
                     WHERE o.created_at >= :start
                       AND json_typeof(a.e) = 'object'
                )
                """.formatted(key);
    }

    /** The newest non-empty text of {@code e.<key>} in the group. */
    private static String latest(String key) {
        return "(array_agg(e ->> '%1$s' ORDER BY ordered_at DESC, item_id DESC, n DESC) FILTER (WHERE e ->> '%1$s' <> ''))[1]"
                .formatted(key);
    }

    private static MapSqlParameterSource window(Instant start, int limit) {
        return new MapSqlParameterSource("start", Timestamp.from(start)).addValue("limit", limit);
    }

    private static double decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? 0.0 : value.doubleValue();
    }
}
