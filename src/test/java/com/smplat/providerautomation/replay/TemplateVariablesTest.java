package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TemplateVariablesTest {
    private static final UUID ORDER = UUID.fromString("5a1d0c9e-7c55-4d0e-9a63-2b9d0f7e8a11");
    private static final UUID ITEM = UUID.fromString("8e2f7b61-1a3c-4f7d-b0c2-6d5e4f3a2b19");

    private static ProviderOrder order(String payload) throws Exception {
        return new ProviderOrder(UUID.randomUUID(), ORDER, ITEM, "prov", "Prov Name", "svc", null,
                new BigDecimal("150.00"), "USD", (ObjectNode) Json.MAPPER.readTree(payload));
    }

    private static Provider provider(String automation) throws Exception {
        return new Provider("prov", "Prov", Json.MAPPER.readTree("{\"automation\": " + automation + "}"));
    }

    @Test
    void higherLayersWinOnTheSameName() throws Exception {
        ProviderOrder order = order("""
                {"orderId": "payload-order", "requestedAmount": 1, "apiKey": "payload-key", "currency": "EUR",
                 "quantity": 500, "nested": {"x": 1}, "serviceRules": [{"id": "r"}]}""");
        Map<String, JsonNode> variables = TemplateVariables.forReplay(
                provider("{\"apiKey\": \"k-123\", \"requestedAmount\": 999, \"endpoints\": {}}"), order, new BigDecimal("150.0"));
        assertThat(variables.get("orderId").asText()).as("identity beats payload").isEqualTo(ORDER.toString());
        assertThat(variables.get("requestedAmount").decimalValue()).as("resolved amount beats provider variable")
                .isEqualByComparingTo("150.0");
        assertThat(variables.get("apiKey").asText()).as("provider variable beats payload").isEqualTo("k-123");
        assertThat(variables.get("currency").asText()).as("provider order column beats payload").isEqualTo("USD");
        assertThat(variables.get("quantity").asInt()).isEqualTo(500);
        assertThat(variables).doesNotContainKey("nested").doesNotContainKey("endpoints");
        assertThat(variables.get("serviceRules").isArray()).isTrue();
        assertThat(variables.get("serviceAction").isNull()).isTrue();
    }

    @Test
    void withoutAResolvedAmountThereIsNoAmountFromTheReplayLayer() throws Exception {
        Map<String, JsonNode> variables = TemplateVariables.forReplay(provider("{}"), order("{}"), null);
        assertThat(variables).doesNotContainKey("requestedAmount");
    }

    @Test
    void refillAddsReferenceAndBothAmountNamesButNoRules() throws Exception {
        Map<String, JsonNode> variables = TemplateVariables.forRefill(provider("{}"), order("{\"serviceRules\": []}"),
                new BigDecimal("40.0"), "remote-1");
        assertThat(variables.get("providerOrderId").asText()).isEqualTo("remote-1");
        assertThat(variables.get("amount").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(variables.get("requestedAmount").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(variables).doesNotContainKey("serviceRules");
    }

    @Test
    void balanceSeesOnlyProviderVariables() throws Exception {
        assertThat(TemplateVariables.forBalance(provider("{\"apiKey\": \"k\", \"flag\": true, \"obj\": {}}")))
                .containsOnlyKeys("apiKey", "flag");
    }
}
