package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplayRulesAndAmountsTest {

    private static ProviderOrder order(BigDecimal amount, String payload) throws Exception {
        return new ProviderOrder(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "p", null, "s", null, amount, "USD",
                (ObjectNode) Json.MAPPER.readTree(payload));
    }

    @Test
    void amountPrecedenceIsOverrideThenColumnThenPayload() throws Exception {
        ProviderOrder withAll = order(new BigDecimal("150.00"), "{\"requestedAmount\": \"99.5\"}");
        assertThat(Amounts.resolve(BigDecimal.ZERO, withAll)).as("zero is a real override").isEqualTo(new BigDecimal("0.0"));
        assertThat(Amounts.resolve(null, withAll)).isEqualTo(new BigDecimal("150.0"));
        assertThat(Amounts.resolve(null, order(null, "{\"requestedAmount\": \"99.5\"}"))).isEqualTo(new BigDecimal("99.5"));
        assertThat(Amounts.resolve(null, order(null, "{\"requestedAmount\": 80}"))).isEqualTo(new BigDecimal("80.0"));
        assertThat(Amounts.resolve(null, order(null, "{\"requestedAmount\": \"lots\"}"))).isNull();
        assertThat(Amounts.resolve(null, order(null, "{\"requestedAmount\": true}"))).isNull();
    }

    @Test
    void ruleContextKeepsValidRulesInOrderWithSnapshots() throws Exception {
        RuleContext rules = RuleContext.of(Json.MAPPER.readTree("""
                {"serviceRules": [
                  {"id": " rule-a ", "label": " Margin ", "description": "  ", "priority": 2.9,
                   "conditions": [{"kind": "channel"}, "not-an-object"], "overrides": {"providerId": "p"}, "extra": 1},
                  {"id": ""}, {"label": "no id"}, "text",
                  {"id": "rule-b", "conditions": ["x"], "overrides": "not-an-object"},
                  {"id": "rule-a", "label": "Later wins"}]}"""));
        assertThat(rules.ruleIds()).extracting(n -> n.asText()).containsExactly("rule-a", "rule-b", "rule-a");
        assertThat(Json.write(rules.ruleMetadata().get("rule-b"))).isEqualTo("{\"id\":\"rule-b\"}");
        assertThat(rules.ruleMetadata().get("rule-a").get("label").asText()).isEqualTo("Later wins");
        RuleContext first = RuleContext.of(Json.MAPPER.readTree("""
                {"serviceRules": [{"id": " rule-a ", "label": " Margin ", "description": "  ", "priority": 2.9,
                  "conditions": [{"kind": "channel"}, "not-an-object"], "overrides": {"providerId": "p"}, "extra": 1}]}"""));
        assertThat(Json.write(first.ruleMetadata().get("rule-a"))).isEqualTo(
                "{\"id\":\"rule-a\",\"label\":\"Margin\",\"priority\":2,\"conditions\":[{\"kind\":\"channel\"}],\"overrides\":{\"providerId\":\"p\"}}");
    }

    @Test
    void noRulesMeansNoKeysOnTheEntry() throws Exception {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        RuleContext.of(Json.MAPPER.readTree("{\"serviceRules\": \"nope\"}")).addTo(entry);
        assertThat(entry.isEmpty()).isTrue();
    }

    @Test
    void appendStartsANewArrayWhenTheValueIsNotOne() throws Exception {
        ObjectNode payload = (ObjectNode) Json.MAPPER.readTree("{\"replays\": {\"bad\": true}, \"keep\": 1}");
        ReplayEntries.append(payload, "replays", Json.MAPPER.createObjectNode().put("id", "x"));
        ReplayEntries.append(payload, "refills", Json.MAPPER.createObjectNode().put("id", "y"));
        assertThat(Json.write(payload)).isEqualTo("{\"replays\":[{\"id\":\"x\"}],\"keep\":1,\"refills\":[{\"id\":\"y\"}]}");
    }
}
