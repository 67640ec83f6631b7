package com.smplat.providerautomation.exports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GF row (exports.md 3.2) as its canonical JSON line, the webhook envelope, and the page's Idempotency-Key
 * (3.6): lower-case hex SHA-256 of each row's {@code followUpId} followed by LF.
 */
public final class FollowUpRows {
    private static final JsonFactory FACTORY = CanonicalJson.MAPPER.getFactory();

    /** One exported row: its position and its JSON text. */
    public record Row(String followUpId, String createdAt, String json) {
    }

    private FollowUpRows() {
    }

    public static Row row(String id, String providerId, String providerName, String action, String notes,
                          String platformContext, String conversionCursor, String conversionHref, String createdAt) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new CanonicalJson.Spaced());
            g.writeStartObject();
            g.writeStringField("followUpId", id);
            g.writeStringField("providerId", providerId);
            g.writeStringField("providerName", providerName);
            g.writeStringField("action", action);
            g.writeStringField("notes", notes);
            g.writeFieldName("platformContext");
            JsonNode context = platformContext == null ? null : CanonicalJson.MAPPER.readTree(platformContext);
            if (context == null || !context.isObject()) {
                g.writeNull();
            } else {
                g.writeTree(context);
            }
            g.writeStringField("conversionCursor", conversionCursor);
            g.writeStringField("conversionHref", conversionHref);
            g.writeStringField("createdAt", createdAt);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Row(id, createdAt, out.toString());
    }

    /** The rows of one page as the page query reads them (sql/followup-export-page.sql, column names as keys). */
    public static List<Row> rows(List<Map<String, Object>> columns) {
        List<Row> rows = new ArrayList<>(columns.size());
        for (Map<String, Object> c : columns) {
            rows.add(row(text(c, "follow_up_id"), text(c, "provider_id"), text(c, "provider_name"), text(c, "action"),
                    text(c, "notes"), text(c, "platform_context"), text(c, "conversion_cursor"), text(c, "conversion_href"),
                    text(c, "created_at_text")));
        }
        return rows;
    }

    private static String text(Map<String, Object> columns, String name) {
        Object value = columns.get(name);
        return value == null ? null : value.toString();
    }

    /** {@code {"followUps": [row, ...]}} as UTF-8 bytes. */
    public static byte[] webhookBody(List<Row> rows) {
        StringBuilder body = new StringBuilder(rows.size() * 320 + 16).append("{\"followUps\": [");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                body.append(", ");
            }
            body.append(rows.get(i).json());
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The rows as NDJSON, LF after every line. */
    public static byte[] ndjson(List<Row> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 320);
        for (Row row : rows) {
            out.append(row.json()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String idempotencyKey(List<Row> rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Row row : rows) {
                sha.update((row.followUpId() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
