package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ruleIds} and {@code ruleMetadata} from a payload's {@code serviceRules} (replay-and-history.md 1.4, 3.3):
 * the rules with a non-blank string id, in order, and a snapshot of each (later duplicates win in the map).
 */
public record RuleContext(ArrayNode ruleIds, ObjectNode ruleMetadata) {

    public static RuleContext of(JsonNode payload) {
        ArrayNode ids = JsonNodeFactory.instance.arrayNode();
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        JsonNode rules = payload == null ? null : payload.get("serviceRules");
        if (rules instanceof ArrayNode list) {
            for (JsonNode rule : list) {
                JsonNode id = rule.get("id");
                if (rule.isObject() && id != null && id.isTextual() && !id.asText().isBlank()) {
                    String trimmed = id.asText().strip();
                    ids.add(trimmed);
                    metadata.set(trimmed, snapshot(trimmed, (ObjectNode) rule));
                }
            }
        }
        return new RuleContext(ids, metadata);
    }

    static ObjectNode snapshot(String id, ObjectNode rule) {
        ObjectNode snapshot = JsonNodeFactory.instance.objectNode();
        snapshot.put("id", id);
        trimmedText(rule.get("label")).ifPresent(label -> snapshot.put("label", label));
        trimmedText(rule.get("description")).ifPresent(description -> snapshot.put("description", description));
        JsonNode priority = rule.get("priority");
        if (priority != null && priority.isNumber()) {
            snapshot.put("priority", priority.decimalValue().toBigInteger());
        }
        if (rule.get("conditions") instanceof ArrayNode conditions) {
            ArrayNode objects = JsonNodeFactory.instance.arrayNode();
            conditions.forEach(condition -> {
                if (condition.isObject()) {
                    objects.add(condition.deepCopy());
                }
            });
            if (!objects.isEmpty()) {
                snapshot.set("conditions", objects);
            }
        }
        if (rule.get("overrides") instanceof ObjectNode overrides) {
            snapshot.set("overrides", overrides.deepCopy());
        }
        return snapshot;
    }

    private static java.util.Optional<String> trimmedText(JsonNode value) {
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? java.util.Optional.of(value.asText().strip()) : java.util.Optional.empty();
    }

    /** Adds {@code ruleIds} and {@code ruleMetadata} to an entry, each only when non-empty. */
    public void addTo(ObjectNode entry) {
        if (!ruleIds.isEmpty()) {
            entry.set("ruleIds", ruleIds.deepCopy());
        }
        if (!ruleMetadata.isEmpty()) {
            entry.set("ruleMetadata", ruleMetadata.deepCopy());
        }
    }
}
