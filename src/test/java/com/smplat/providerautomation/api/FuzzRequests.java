package com.smplat.providerautomation.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.OpenApiContract;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generates hostile requests for one operation of the served OpenAPI document (jqwik arbitraries): path, query and
 * header values, bodies built from the declared request schema with odd leaves, and bodies that are not JSON objects
 * at all. Half of the values are valid for their schema, so the hostile ones reach deep into the route.
 */
final class FuzzRequests {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One generated request; {@code body} is raw bytes so that invalid UTF-8 can be sent. */
    record Case(String method, String path, Map<String, String> headers, byte[] body) {
        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            Map<String, String> shown = new LinkedHashMap<>();
            headers.forEach((name, value) -> shown.put(name, value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + ")" : value));
            return method + " " + path + " " + shown + " " + OpenApiContract.abbreviate(text);
        }
    }

    private final OpenApiContract contract;

    FuzzRequests(OpenApiContract contract) {
        this.contract = contract;
    }

    /** Text a client should never send: control characters, odd Unicode, SQL, path tricks, very long text. */
    static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(24),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("null", "\u0000", "\ud800", "\udfff", "\u202etxt", "\ufeff", "\uffff", "👩‍👩‍👧‍👦", "Ω≈ç√",
                        "' OR 1=1;--", "%00", "..", "/", "\\", "${jndi:ldap://x}", "{{x}}", "true", "-0", "NaN"),
                Arbitraries.strings().alpha().ofMinLength(256).ofMaxLength(3000));
    }

    /** Numbers as JSON text: huge, tiny, negative, fractional, non-finite spellings. */
    static Arbitrary<String> hostileNumber() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e1000000", "-1e1000000", "1e-1000000", "1e131073", "9".repeat(400), "-0", "0.0000001",
                        "9999999999.995", "10000000000", "1E+2", "-1", "2147483648", "-9223372036854775809", "1.5"),
                Arbitraries.bigDecimals().ofScale(3).map(BigDecimal::toPlainString),
                Arbitraries.longs().map(String::valueOf));
    }

    static Arbitrary<String> hostileDate() {
        return Arbitraries.of("-4714-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "0000-12-31T23:59:59Z", "2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01", "now", "",
                "2026-01-01T00:00:00+25:00", "9999-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00Z");
    }

    Arbitrary<Case> cases(String method, String template, io.swagger.v3.oas.models.Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        Arbitrary<Map<String, String>> values = Arbitraries.just(new LinkedHashMap<>());
        for (Parameter parameter : parameters) {
            values = values.flatMap(map -> parameterValue(parameter).map(value -> {
                Map<String, String> next = new LinkedHashMap<>(map);
                next.put(parameter.getIn() + ":" + parameter.getName(), value);
                return next;
            }));
        }
        Arbitrary<byte[]> body = operation.getRequestBody() == null
                ? Arbitraries.oneOf(Arbitraries.just((byte[]) null), body(null))
                : body(operation.getRequestBody().getContent().get("application/json").getSchema());
        boolean triggerToken = operation.getSecurity() != null && operation.getSecurity().toString().contains("exportTriggerToken");
        return net.jqwik.api.Combinators.combine(values, body, credentials(triggerToken), contentType(), extraHeader())
                .as((parameterValues, bytes, auth, type, extra) -> build(method, template, parameterValues, bytes, auth, type, extra));
    }

    private Case build(String method, String template, Map<String, String> values, byte[] body, Map<String, String> auth,
                       String contentType, Map<String, String> extra) {
        String path = template;
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>(auth);
        headers.putAll(extra);
        for (Map.Entry<String, String> value : values.entrySet()) {
            String[] where = value.getKey().split(":", 2);
            if (value.getValue() == null) {
                continue;
            }
            switch (where[0]) {
                case "path" -> path = path.replace("{" + where[1] + "}", percentEncode(value.getValue()));
                case "query" -> query.append(query.isEmpty() ? "?" : "&").append(where[1]).append('=').append(percentEncode(value.getValue()));
                default -> headers.put(where[1], value.getValue());
            }
        }
        if (contentType != null && body != null) {
            headers.put("Content-Type", contentType);
        }
        return new Case(method, path + query, headers, body);
    }

    private static Arbitrary<String> parameterValue(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        Arbitrary<String> valid;
        if ("integer".equals(schema.getType())) {
            int min = schema.getMinimum().intValue();
            int max = schema.getMaximum().intValue();
            valid = Arbitraries.integers().between(min, max).map(String::valueOf);
            Arbitrary<String> invalid = Arbitraries.oneOf(hostileNumber(), hostileText(),
                    Arbitraries.of(String.valueOf(min - 1), String.valueOf(max + 1), "", "null", " 1", "1 ", "+1", "0x1"));
            return Arbitraries.oneOf(valid, invalid, Arbitraries.just((String) null));
        }
        if ("uuid".equals(schema.getFormat())) {
            valid = Arbitraries.create(() -> UUID.randomUUID().toString());
        } else if ("header".equals(parameter.getIn())) {
            // header values: printable ASCII only (the HTTP client refuses others), sometimes far too long
            valid = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40);
            return Arbitraries.oneOf(valid, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(200).ofMaxLength(2000),
                    Arbitraries.just((String) null));
        } else {
            valid = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20).map(id -> "fuzz-" + id);
        }
        return Arbitraries.oneOf(valid, hostileText().filter(text -> !text.isEmpty()));
    }

    private static Arbitrary<Map<String, String>> credentials(boolean triggerToken) {
        String good = triggerToken ? ServiceTest.TRIGGER_TOKEN : ServiceTest.API_KEY;
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(triggerToken ? 1 : 8, Arbitraries.just(Map.of(triggerToken ? "Authorization" : "X-API-Key",
                        triggerToken ? "Bearer " + good : good))),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Map.of("Authorization", "Bearer " + good))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Map.of(), Map.of("X-API-Key", "wrong"), Map.of("Authorization", "Basic eDp5"),
                        Map.of("Authorization", "Bearer"), Map.of("X-API-Key", "k".repeat(5000)))));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                        "application/xml", "application/json; charset=ISO-8859-1", "application/problem+json", "*/*", "json", "")));
    }

    private static Arbitrary<Map<String, String>> extraHeader() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.just(Map.of())),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(4000, 20000).map(length -> Map.of("X-Fuzz", "h".repeat(length)))));
    }

    /** A body for the declared schema (or any JSON when none is declared), or something that is not such a body. */
    private Arbitrary<byte[]> body(Schema<?> schema) {
        Arbitrary<byte[]> shaped = value(schema, 0).map(node -> Json.write(node).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> notAnObject = Arbitraries.of("\"x\"", "1", "[]", "null", "true", "{", "{\"a\":}", "", " ", "{}{}",
                "[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000))
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> notUtf8 = Arbitraries.of(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'}, new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'});
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(7, shaped), net.jqwik.api.Tuple.of(2, notAnObject),
                net.jqwik.api.Tuple.of(1, notUtf8));
    }

    /** A JSON value for the schema: each member valid or hostile, sometimes absent or null, sometimes an extra one. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Arbitrary<JsonNode> value(Schema<?> schema, int depth) {
        Schema resolved = resolve(schema);
        Arbitrary<JsonNode> hostile = Arbitraries.oneOf(
                hostileText().map(NODES::textNode),
                hostileNumber().map(text -> Json.MAPPER.getNodeFactory().rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(text))),
                hostileDate().map(NODES::textNode),
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode()));
        if (resolved == null || depth > 2) {
            return hostile;
        }
        Arbitrary<JsonNode> valid;
        if (resolved.getProperties() != null) {
            Arbitrary<ObjectNode> object = Arbitraries.just(NODES.objectNode());
            for (Map.Entry<String, Schema> member : ((Map<String, Schema>) resolved.getProperties()).entrySet()) {
                Arbitrary<JsonNode> memberValue = Arbitraries.oneOf(value(member.getValue(), depth + 1), Arbitraries.just((JsonNode) null));
                object = object.flatMap(node -> memberValue.map(v -> {
                    ObjectNode copy = node.deepCopy();
                    if (v != null) {
                        copy.set(member.getKey(), v);
                    }
                    return copy;
                }));
            }
            Arbitrary<JsonNode> withExtraMember = object.flatMap(node -> hostileText().map(name -> {
                ObjectNode copy = node.deepCopy();
                copy.put(name.isEmpty() ? "extra" : name, "unexpected");
                return (JsonNode) copy;
            }));
            valid = Arbitraries.oneOf(object.map(node -> (JsonNode) node), withExtraMember);
        } else if (resolved.getOneOf() != null) {
            valid = Arbitraries.oneOf(((List<Schema>) resolved.getOneOf()).stream().map(alternative -> value(alternative, depth + 1)).toList());
        } else {
            valid = switch (String.valueOf(resolved.getType())) {
                case "string" -> "date-time".equals(resolved.getFormat())
                        ? Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L).map(s -> NODES.textNode(java.time.Instant.ofEpochSecond(s).toString()))
                        : Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(NODES::textNode);
                case "number", "integer" -> Arbitraries.integers().between(0, 1000).map(n -> (JsonNode) NODES.numberNode(n));
                case "boolean" -> Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false));
                default -> Arbitraries.just(NODES.objectNode());
            };
        }
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, valid), net.jqwik.api.Tuple.of(2, hostile));
    }

    @SuppressWarnings("rawtypes")
    private Schema resolve(Schema schema) {
        if (schema != null && schema.get$ref() != null) {
            return contract.document().getComponents().getSchemas().get(schema.get$ref().substring("#/components/schemas/".length()));
        }
        if (schema != null && schema.getAllOf() != null && schema.getAllOf().size() == 1) {
            return resolve((Schema) schema.getAllOf().get(0));
        }
        return schema;
    }

    /** Percent-encodes every byte but the unreserved characters (RFC 3986), so any text can travel in a path. */
    static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return encoded.toString();
    }
}
