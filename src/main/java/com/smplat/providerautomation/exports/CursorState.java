package com.smplat.providerautomation.exports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.support.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The GF cursor (exports.md 3.7): the position of the last delivered row, its provider scope, the rows of the run
 * that wrote it and when. Reads every accepted form (object, bare JSON string, plain-text timestamp); anything else is
 * a configuration error.
 */
public record CursorState(String cursor, String lastFollowUpId, String providerId, long rows, String updatedAt) {
    public static final String NIL_UUID = "00000000-0000-0000-0000-000000000000";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The cursor file's content, or a {@code config} failure naming {@code what} (never the content). */
    public static CursorState parse(byte[] content, String what) {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw ExportFailure.config(what + " is empty");
        }
        char first = text.charAt(0);
        if (first == '{' || first == '"' || first == '[') {
            JsonNode json;
            try {
                json = CanonicalJson.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw ExportFailure.config(what + " is not valid JSON");
            }
            if (json.isTextual()) {
                return new CursorState(timestamp(json.asText(), what), null, null, 0, null);
            }
            if (!json.isObject() || !json.has("cursor")) {
                throw ExportFailure.config(what + " is not a cursor object");
            }
            JsonNode cursor = json.get("cursor");
            if (!cursor.isNull() && !cursor.isTextual()) {
                throw ExportFailure.config(what + " has a cursor that is not a string");
            }
            String lastId = optionalText(json.get("lastFollowUpId"), what, "lastFollowUpId");
            if (lastId != null) {
                if (!UUID_TEXT.matcher(lastId).matches()) {
                    throw ExportFailure.config(what + " has an invalid lastFollowUpId");
                }
                lastId = lastId.toLowerCase(Locale.ROOT);
            }
            String providerId = optionalText(json.get("providerId"), what, "providerId");
            long rows = json.path("rows").isIntegralNumber() ? json.get("rows").asLong() : 0;
            String updatedAt = json.path("updatedAt").isTextual() ? json.get("updatedAt").asText() : null;
            return new CursorState(cursor.isNull() ? null : timestamp(cursor.asText(), what), cursor.isNull() ? null : lastId,
                    providerId, rows, updatedAt);
        }
        return new CursorState(timestamp(text, what), null, null, 0, null);
    }

    private static String optionalText(JsonNode node, String what, String member) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ExportFailure.config(what + " has a " + member + " that is not a string");
        }
        return node.asText();
    }

    private static String timestamp(String text, String what) {
        return Timestamps.parse(text).map(Timestamps::canonical)
                .orElseThrow(() -> ExportFailure.config(what + " holds an invalid timestamp"));
    }

    public Instant cursorInstant() {
        return cursor == null ? null : Timestamps.parse(cursor).orElseThrow();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cursor", cursor);
        map.put("lastFollowUpId", lastFollowUpId);
        map.put("providerId", providerId);
        map.put("rows", rows);
        map.put("updatedAt", updatedAt);
        return map;
    }

    /** The pretty-printed cursor file. */
    public byte[] toFileBytes() {
        return CanonicalJson.pretty(toMap()).getBytes(StandardCharsets.UTF_8);
    }
}
