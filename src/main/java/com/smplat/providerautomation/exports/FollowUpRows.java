package com.smplat.providerautomation.exports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The follow-up row (exports.md 3.2) as its canonical JSON line, the webhook envelope, and the page's Idempotency-Key
 * (3.6): lower-case hex SHA-256 of each row's {@code followUpId} followed by LF. Rows are UTF-8 bytes from the start,
 * since every sink writes bytes (docs/benchmarks.md: the export's hot path).
 */
public final class FollowUpRows {
    private static final JsonFactory FACTORY = CanonicalJson.MAPPER.getFactory();
    private static final CanonicalJson.Spaced SPACED = new CanonicalJson.Spaced();
    private static final byte[] ENVELOPE_START = "{\"followUps\": [".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEPARATOR = ", ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ENVELOPE_END = "]}".getBytes(StandardCharsets.UTF_8);

    /** One exported row: its position and its JSON text as UTF-8. */
    public record Row(String followUpId, String createdAt, byte[] json) {
    }

    private FollowUpRows() {
    }

    public static Row row(String id, String providerId, String providerName, String action, String notes,
                          String platformContext, String conversionCursor, String conversionHref, String createdAt) {
        ByteArrayBuilder out = new ByteArrayBuilder(384);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(SPACED);
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
        return new Row(id, createdAt, out.toByteArray());
    }

    /** {@code {"followUps": [row, ...]}} as UTF-8 bytes. */
    public static byte[] webhookBody(List<Row> rows) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(size(rows) + 2 * rows.size() + 16);
        body.writeBytes(ENVELOPE_START);
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                body.writeBytes(SEPARATOR);
            }
            body.writeBytes(rows.get(i).json());
        }
        body.writeBytes(ENVELOPE_END);
        return body.toByteArray();
    }

    /** The rows as NDJSON, LF after every line. */
    public static byte[] ndjson(List<Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size(rows) + rows.size());
        for (Row row : rows) {
            out.writeBytes(row.json());
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static int size(List<Row> rows) {
        int size = 0;
        for (Row row : rows) {
            size += row.json().length;
        }
        return size;
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
