package com.smplat.providerautomation;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against an OpenAPI 3.0 schema of the served document: type, nullable, required, properties,
 * additionalProperties, items, enum, oneOf, anyOf, allOf, the uuid and date-time formats, numeric ranges, lengths and patterns.
 * It covers what the document uses; a keyword it does not know is ignored, so keep it in step with the document.
 */
final class JsonSchemaCheck {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String COMPONENTS = "#/components/schemas/";

    private final OpenAPI document;

    JsonSchemaCheck(OpenAPI document) {
        this.document = document;
    }

    @SuppressWarnings("rawtypes")
    void check(Schema schema, JsonNode value, String at, List<String> problems) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(COMPONENTS.length());
            Schema target = document.getComponents().getSchemas().get(name);
            if (target == null) {
                problems.add(at + ": unknown schema " + schema.get$ref());
            } else {
                check(target, value, at, problems);
            }
            return;
        }
        if (value.isNull()) {
            if ((schema.getType() != null || schema.getAllOf() != null) && !Boolean.TRUE.equals(schema.getNullable())) {
                problems.add(at + ": null, but the schema is not nullable");
            }
            return;
        }
        if (schema.getOneOf() != null) {
            checkOneOf(schema, value, at, problems);
        }
        if (schema.getAnyOf() != null) {
            List<String> reasons = new ArrayList<>();
            boolean any = false;
            for (Object alternative : schema.getAnyOf()) {
                List<String> own = new ArrayList<>();
                check((Schema) alternative, value, at, own);
                any |= own.isEmpty();
                reasons.addAll(own);
            }
            if (!any) {
                problems.add(at + ": matches none of the anyOf alternatives " + reasons);
            }
        }
        if (schema.getAllOf() != null) {
            for (Object part : schema.getAllOf()) {
                check((Schema) part, value, at, problems);
            }
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()
                && schema.getEnum().stream().noneMatch(allowed -> String.valueOf(allowed).equals(value.asText()))) {
            problems.add(at + ": " + value + " is not one of " + schema.getEnum());
        }
        String type = schema.getType();
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> checkObject(schema, value, at, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": expected an array, got " + kind(value));
                } else {
                    for (int i = 0; i < value.size(); i++) {
                        check(schema.getItems(), value.get(i), at + "[" + i + "]", problems);
                    }
                }
            }
            case "string" -> checkString(schema, value, at, problems);
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + ": expected an integer, got " + kind(value));
                } else {
                    checkRange(schema, value.decimalValue(), at, problems);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + ": expected a number, got " + kind(value));
                } else {
                    checkRange(schema, value.decimalValue(), at, problems);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + ": expected a boolean, got " + kind(value));
                }
            }
            default -> problems.add(at + ": unknown schema type " + type);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void checkObject(Schema schema, JsonNode value, String at, List<String> problems) {
        if (!value.isObject()) {
            problems.add(at + ": expected an object, got " + kind(value));
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (String name : required) {
            if (!value.has(name)) {
                problems.add(at + ": required member '" + name + "' is missing");
            }
        }
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        for (Iterator<Map.Entry<String, JsonNode>> members = value.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            Schema property = properties.get(member.getKey());
            if (property != null) {
                check(property, member.getValue(), at + "." + member.getKey(), problems);
            } else if (schema.getAdditionalProperties() instanceof Schema additional) {
                check(additional, member.getValue(), at + "." + member.getKey(), problems);
            } else if (Boolean.FALSE.equals(schema.getAdditionalProperties())) {
                problems.add(at + ": member '" + member.getKey() + "' is not declared");
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private void checkString(Schema schema, JsonNode value, String at, List<String> problems) {
        if (!value.isTextual()) {
            problems.add(at + ": expected a string, got " + kind(value));
            return;
        }
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        if (schema.getMaxLength() != null && length > schema.getMaxLength()) {
            problems.add(at + ": longer than " + schema.getMaxLength());
        }
        if (schema.getMinLength() != null && length < schema.getMinLength()) {
            problems.add(at + ": shorter than " + schema.getMinLength());
        }
        if (schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher(text).find()) {
            problems.add(at + ": '" + text + "' does not match " + schema.getPattern());
        }
        if ("uuid".equals(schema.getFormat()) && !UUID.matcher(text).matches()) {
            problems.add(at + ": '" + text + "' is not a uuid");
        }
        if ("date-time".equals(schema.getFormat())) {
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(at + ": '" + text + "' is not a date-time");
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void checkRange(Schema schema, BigDecimal number, String at, List<String> problems) {
        if (schema.getMinimum() != null && number.compareTo(schema.getMinimum()) < 0) {
            problems.add(at + ": " + number + " is below " + schema.getMinimum());
        }
        if (schema.getMaximum() != null && number.compareTo(schema.getMaximum()) > 0) {
            problems.add(at + ": " + number + " is above " + schema.getMaximum());
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void checkOneOf(Schema schema, JsonNode value, String at, List<String> problems) {
        int matching = 0;
        List<String> reasons = new ArrayList<>();
        for (Schema alternative : (List<Schema>) schema.getOneOf()) {
            List<String> own = new ArrayList<>();
            check(alternative, value, at, own);
            matching += own.isEmpty() ? 1 : 0;
            reasons.addAll(own);
        }
        if (matching != 1) {
            problems.add(at + ": matches " + matching + " of the oneOf alternatives " + reasons);
        }
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + OpenApiContract.abbreviate(value.toString());
    }
}
