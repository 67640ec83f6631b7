package com.smplat.providerautomation.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** One configured Jackson mapper for code that builds or reads JSON outside a Camel data format. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // keep stored decimals as written: 150.0 stays 150.0 (not 150 or 1.5E+2)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not serialisable as JSON", e);
        }
    }

    /** Stored JSON text as a tree; null for null or unparseable text, so one damaged row cannot fail a read. */
    public static JsonNode readOrNull(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * A request body that must be a JSON object; an empty body, malformed JSON or another JSON value is a 422, and
     * so is any text in it (member names included) that PostgreSQL could not store or an operator could not read:
     * NUL, other control characters than tab and line breaks, and unpaired surrogates.
     */
    public static ObjectNode requestObject(String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ServiceException.invalid("Malformed JSON body");
        }
        if (!(json instanceof ObjectNode object)) {
            throw ServiceException.invalid("Request body must be a JSON object");
        }
        if (!storableText(object)) {
            throw ServiceException.invalid("Request body must not contain NUL or other control characters (tab and line"
                    + " breaks excepted) nor unpaired surrogates");
        }
        return object;
    }

    private static boolean storableText(JsonNode node) {
        if (node.isTextual()) {
            return storableText(node.textValue());
        }
        for (var member : node.properties()) {
            if (!storableText(member.getKey()) || !storableText(member.getValue())) {
                return false;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!storableText(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** No NUL, no control character other than tab, line feed and carriage return, no unpaired surrogate. */
    public static boolean storableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
