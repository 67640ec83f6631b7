package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders provider call templates (replay-and-history.md 2.3): the URL, header values and every string leaf of
 * the body. A string that is exactly one known placeholder becomes the variable itself (so a body field can carry
 * an object or array); otherwise every {@code {{name}}} of a known variable is replaced by its text form and
 * unknown placeholders stay as written.
 */
public final class TemplateRenderer {
    private static final Pattern WHOLE = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");
    private static final Pattern EMBEDDED = Pattern.compile("\\{\\{([^{}\\s]+)}}");

    private TemplateRenderer() {
    }

    /** Renders a string template to text (URL, header values). */
    public static String renderText(String template, Map<String, JsonNode> variables) {
        JsonNode rendered = renderString(template, variables);
        return rendered.isTextual() ? rendered.asText() : textForm(rendered);
    }

    /** Renders a JSON template: string leaves are rendered, keys and other leaves pass through. */
    public static JsonNode render(JsonNode template, Map<String, JsonNode> variables) {
        if (template == null) {
            return null;
        }
        if (template.isTextual()) {
            return renderString(template.asText(), variables);
        }
        if (template instanceof ObjectNode object) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                result.set(field.getKey(), render(field.getValue(), variables));
            }
            return result;
        }
        if (template instanceof ArrayNode array) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> result.add(render(element, variables)));
            return result;
        }
        return template;
    }

    private static JsonNode renderString(String template, Map<String, JsonNode> variables) {
        Matcher whole = WHOLE.matcher(template.strip());
        if (whole.matches() && variables.containsKey(whole.group(1))) {
            JsonNode value = variables.get(whole.group(1));
            if (value != null && value.isContainerNode()) {
                return value.deepCopy();
            }
            return JsonNodeFactory.instance.textNode(textForm(value));
        }
        Matcher embedded = EMBEDDED.matcher(template);
        StringBuilder result = new StringBuilder();
        while (embedded.find()) {
            String name = embedded.group(1);
            String replacement = variables.containsKey(name) ? textForm(variables.get(name)) : embedded.group();
            embedded.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        embedded.appendTail(result);
        return JsonNodeFactory.instance.textNode(result.toString());
    }

    /**
     * A variable's text: strings as they are, integers in plain decimal, decimals with at least one fraction digit
     * ({@code 150.0}), booleans as {@code true}/{@code false}, structures as compact JSON, null as empty.
     */
    public static String textForm(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return decimalText(value.decimalValue());
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "true" : "false";
        }
        return Json.write(value);
    }

    static String decimalText(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
