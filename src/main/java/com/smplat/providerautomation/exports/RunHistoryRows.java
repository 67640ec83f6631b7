package com.smplat.providerautomation.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Timestamps;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AR flattening and cell rendering (exports.md 2.3, 2.4): one row per run object of every list-valued category, in the
 * order received; the eight lifted summary members; CSV cells quoted if and only if they hold {@code ,}, {@code "},
 * CR or LF (the quoting is done here, camel-csv writes the records with CRLF and no quoting of its own).
 */
public final class RunHistoryRows {
    public static final List<String> CSV_HEADER = List.of("category", "ran_at", "scheduled_backlog", "next_scheduled_at",
            "processed", "succeeded", "failed", "alerts_sent", "alerts_digest", "load_alerts_digest", "summary_json");
    private static final String[][] LIFTED = {{"scheduled_backlog", "scheduledBacklog"}, {"next_scheduled_at", "nextScheduledAt"},
        {"processed", "processed"}, {"succeeded", "succeeded"}, {"failed", "failed"}, {"alerts_sent", "alertsSent"}};

    private RunHistoryRows() {
    }

    /** One flattened run. */
    public record Row(String category, JsonNode ranAt, ObjectNode summary) {
    }

    public static List<Row> flatten(JsonNode response) {
        List<Row> rows = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> members = response.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (!member.getValue().isArray()) {
                continue;
            }
            for (JsonNode run : member.getValue()) {
                if (!run.isObject()) {
                    continue;
                }
                JsonNode summary = run.get("summary");
                rows.add(new Row(member.getKey(), run.get("ranAt"),
                        summary != null && summary.isObject() ? (ObjectNode) summary : JsonNodeFactory.instance.objectNode()));
            }
        }
        return rows;
    }

    /** {@code ranAt} in canonical form; a string that does not parse is copied verbatim; absent is null. */
    static JsonNode ranAt(JsonNode ranAt) {
        if (ranAt == null || ranAt.isNull()) {
            return null;
        }
        if (ranAt.isTextual()) {
            return JsonNodeFactory.instance.textNode(Timestamps.parse(ranAt.asText()).map(Timestamps::canonical).orElse(ranAt.asText()));
        }
        return ranAt;
    }

    /** The JSON-format row: 11 members in order, missing ones null. */
    public static Map<String, Object> jsonRow(Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("category", row.category());
        out.put("ran_at", ranAt(row.ranAt()));
        for (String[] lifted : LIFTED) {
            out.put(lifted[0], row.summary().get(lifted[1]));
        }
        out.put("alerts_digest", row.summary().get("alertsDigest"));
        out.put("load_alerts_digest", row.summary().get("loadAlertsDigest"));
        out.put("summary", row.summary());
        return out;
    }

    /** The CSV record of a row, cells already quoted where needed. */
    public static List<String> csvRecord(Row row) {
        List<String> cells = new ArrayList<>(11);
        cells.add(quote(row.category()));
        cells.add(quote(scalar(ranAt(row.ranAt()))));
        for (String[] lifted : LIFTED) {
            cells.add(quote(scalar(row.summary().get(lifted[1]))));
        }
        cells.add(quote(jsonCell(row.summary().get("alertsDigest"))));
        cells.add(quote(jsonCell(row.summary().get("loadAlertsDigest"))));
        cells.add(quote(CanonicalJson.line(row.summary())));
        return cells;
    }

    public static List<String> csvHeader() {
        return CSV_HEADER;
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isContainerNode()) {
            return CanonicalJson.line(value);
        }
        // numbers keep their source text; booleans are true/false
        return value.isNumber() ? value.numberValue() instanceof java.math.BigDecimal decimal ? decimal.toString() : value.asText()
                : value.asText();
    }

    private static String jsonCell(JsonNode value) {
        return value == null ? "null" : CanonicalJson.line(value);
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\r') < 0 && cell.indexOf('\n') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
