package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The template variables of a provider call (replay-and-history.md 2.2). Layers are applied lowest first, so a
 * higher layer wins on the same name: identity over the resolved amount over the provider's automation variables
 * over the provider order's own values over the payload's scalar keys.
 */
public final class TemplateVariables {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TemplateVariables() {
    }

    public static Map<String, JsonNode> forReplay(Provider provider, ProviderOrder order, BigDecimal resolvedAmount) {
        Map<String, JsonNode> variables = new HashMap<>();
        putScalars(variables, order.payload());
        orderValues(variables, order, true);
        putScalars(variables, automation(provider));
        if (resolvedAmount != null) {
            variables.put("requestedAmount", NODES.numberNode(resolvedAmount));
        }
        identity(variables, order);
        return variables;
    }

    public static Map<String, JsonNode> forRefill(Provider provider, ProviderOrder order, BigDecimal amount,
                                                  String providerOrderReference) {
        Map<String, JsonNode> variables = new HashMap<>();
        putScalars(variables, order.payload());
        orderValues(variables, order, false);
        putScalars(variables, automation(provider));
        if (amount != null) {
            variables.put("amount", NODES.numberNode(amount));
            variables.put("requestedAmount", NODES.numberNode(amount));
        }
        identity(variables, order);
        variables.put("providerOrderId", NODES.textNode(providerOrderReference));
        return variables;
    }

    public static Map<String, JsonNode> forBalance(Provider provider) {
        Map<String, JsonNode> variables = new HashMap<>();
        putScalars(variables, automation(provider));
        return variables;
    }

    private static JsonNode automation(Provider provider) {
        return provider.metadata() == null ? null : provider.metadata().get("automation");
    }

    private static void identity(Map<String, JsonNode> variables, ProviderOrder order) {
        variables.put("orderId", NODES.textNode(order.orderId().toString()));
        variables.put("orderItemId", NODES.textNode(order.orderItemId().toString()));
        variables.put("serviceId", NODES.textNode(order.serviceId()));
        variables.put("serviceAction", order.serviceAction() == null ? NODES.nullNode() : NODES.textNode(order.serviceAction()));
    }

    private static void orderValues(Map<String, JsonNode> variables, ProviderOrder order, boolean withRules) {
        if (order.currency() != null && !order.currency().isEmpty()) {
            variables.put("currency", NODES.textNode(order.currency()));
        }
        if (order.providerName() != null && !order.providerName().isEmpty()) {
            variables.put("providerName", NODES.textNode(order.providerName()));
        }
        JsonNode rules = order.payload().get("serviceRules");
        if (withRules && rules != null && !rules.isNull()) {
            variables.put("serviceRules", rules);
        }
    }

    /** Every string, number or boolean member; objects, arrays and nulls are not variables. */
    private static void putScalars(Map<String, JsonNode> variables, JsonNode source) {
        if (!(source instanceof ObjectNode object)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual() || value.isNumber() || value.isBoolean()) {
                variables.put(field.getKey(), value);
            }
        }
    }
}
