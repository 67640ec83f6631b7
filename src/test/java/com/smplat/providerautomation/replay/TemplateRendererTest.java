package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Map<String, JsonNode> variables() throws Exception {
        Map<String, JsonNode> variables = new HashMap<>();
        variables.put("serviceId", NODES.textNode("svc-1"));
        variables.put("quantity", NODES.numberNode(1000));
        variables.put("requestedAmount", NODES.numberNode(new BigDecimal("150.0")));
        variables.put("drip", NODES.booleanNode(true));
        variables.put("serviceAction", NODES.nullNode());
        variables.put("serviceRules", Json.MAPPER.readTree("[{\"id\": \"r1\"}]"));
        return variables;
    }

    @Test
    void wholeValuePlaceholderCarriesStructuresAndTextForms() throws Exception {
        JsonNode rendered = TemplateRenderer.render(Json.MAPPER.readTree("""
                {"rules": " {{ serviceRules }} ", "qty": "{{quantity}}", "amount": "{{requestedAmount}}",
                 "action": "{{serviceAction}}", "flag": "{{drip}}", "unknown": "{{nope}}", "keep": 7,
                 "nested": [{"service": "{{serviceId}}"}]}"""), variables());
        assertThat(rendered.get("rules").isArray()).isTrue();
        assertThat(rendered.get("rules").get(0).get("id").asText()).isEqualTo("r1");
        assertThat(rendered.get("qty").asText()).isEqualTo("1000");
        assertThat(rendered.get("amount").asText()).isEqualTo("150.0");
        assertThat(rendered.get("action").asText()).isEmpty();
        assertThat(rendered.get("flag").asText()).isEqualTo("true");
        assertThat(rendered.get("unknown").asText()).isEqualTo("{{nope}}");
        assertThat(rendered.get("keep").asInt()).isEqualTo(7);
        assertThat(rendered.get("nested").get(0).get("service").asText()).isEqualTo("svc-1");
    }

    @Test
    void embeddedPlaceholdersUseTextFormsAndCompactJson() throws Exception {
        String url = TemplateRenderer.renderText(
                "https://p.example/{{serviceId}}/orders?q={{quantity}}&a={{requestedAmount}}&r={{serviceRules}}&x={{ serviceId }}&u={{nope}}",
                variables());
        assertThat(url).isEqualTo("https://p.example/svc-1/orders?q=1000&a=150.0&r=[{\"id\":\"r1\"}]&x={{ serviceId }}&u={{nope}}");
    }

    @Test
    void numbersRenderIntegersPlainAndDecimalsWithAFractionDigit() {
        assertThat(TemplateRenderer.textForm(NODES.numberNode(new BigDecimal("150")))).isEqualTo("150.0");
        assertThat(TemplateRenderer.textForm(NODES.numberNode(new BigDecimal("12.50")))).isEqualTo("12.5");
        assertThat(TemplateRenderer.textForm(NODES.numberNode(new BigDecimal("0.0")))).isEqualTo("0.0");
        assertThat(TemplateRenderer.textForm(NODES.numberNode(new BigDecimal("1E+2")))).isEqualTo("100.0");
        assertThat(TemplateRenderer.textForm(NODES.numberNode(42L))).isEqualTo("42");
        assertThat(TemplateRenderer.textForm(NODES.booleanNode(false))).isEqualTo("false");
    }
}
