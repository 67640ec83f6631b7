package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderCallsTest {

    @Test
    void endpointLookupFailsWithTheSpecMessages() throws Exception {
        assertThatThrownBy(() -> ProviderEndpoint.lookup(null, EndpointKind.ORDER))
                .isInstanceOf(ServiceException.class).hasMessage("Order endpoint is not configured for provider");
        assertThatThrownBy(() -> ProviderEndpoint.lookup(Json.MAPPER.readTree("{\"automation\": {\"endpoints\": []}}"), EndpointKind.REFILL))
                .hasMessage("Refill endpoint is not configured for provider");
        assertThatThrownBy(() -> ProviderEndpoint.lookup(Json.MAPPER.readTree("{\"automation\": {\"endpoints\": {\"balance\": 1}}}"), EndpointKind.BALANCE))
                .hasMessage("Balance endpoint is not configured for provider");
        assertThatThrownBy(() -> ProviderEndpoint.lookup(Json.MAPPER.readTree("{\"automation\": {\"endpoints\": {\"order\": {\"url\": \" \"}}}}"), EndpointKind.ORDER))
                .hasMessage("Endpoint URL is not configured");
    }

    @Test
    void endpointDefaultsAreAppliedAndMethodUpperCased() throws Exception {
        ProviderEndpoint order = ProviderEndpoint.lookup(Json.MAPPER.readTree(
                "{\"automation\": {\"endpoints\": {\"order\": {\"url\": \"https://x\", \"method\": \"put\", \"timeoutSeconds\": 0}}}}"),
                EndpointKind.ORDER);
        assertThat(order.method()).isEqualTo("PUT");
        assertThat(order.timeoutMillis()).isEqualTo(10_000);
        ProviderEndpoint balance = ProviderEndpoint.lookup(Json.MAPPER.readTree(
                "{\"automation\": {\"endpoints\": {\"balance\": {\"url\": \"https://x\", \"timeoutSeconds\": 2.5}}}}"),
                EndpointKind.BALANCE);
        assertThat(balance.method()).isEqualTo("POST");
        assertThat(balance.timeoutMillis()).isEqualTo(2_500);
    }

    @Test
    void requestHasABodyOnlyForAnObjectPayload() throws Exception {
        ProviderEndpoint endpoint = ProviderEndpoint.lookup(Json.MAPPER.readTree(
                "{\"automation\": {\"endpoints\": {\"order\": {\"url\": \"https://p.example/{{id}}\", \"payload\": [1],"
                        + " \"headers\": {\"X-Key\": \"{{id}}\", \"X-Num\": 5}}}}}"), EndpointKind.ORDER);
        ProviderRequest request = ProviderRequest.render(endpoint, Map.of("id", Json.MAPPER.getNodeFactory().textNode("abc")));
        assertThat(request.body()).isNull();
        assertThat(request.url()).isEqualTo("https://p.example/abc");
        assertThat(request.headers()).containsEntry("X-Key", "abc").containsEntry("X-Num", "5");
        assertThat(request.toString()).doesNotContain("X-Key");
        assertThat(new ProviderRequest("POST", "/relative", Map.of(), null, 1).hasUsableUrl()).isFalse();
        assertThat(new ProviderRequest("POST", "ftp://x/y", Map.of(), null, 1).hasUsableUrl()).isFalse();
    }

    @Test
    void responsesAreAlwaysObjects() {
        assertThat(ProviderCallOutcome.of(201, "application/json; charset=utf-8", "{\"a\": 1}", "u").response().get("a").asInt()).isEqualTo(1);
        assertThat(Json.write(ProviderCallOutcome.of(200, "application/json", "[1, 2]", "u").response())).isEqualTo("{\"data\":[1,2]}");
        assertThat(Json.write(ProviderCallOutcome.of(200, "application/json", "not json", "u").response())).isEqualTo("{\"text\":\"not json\"}");
        assertThat(Json.write(ProviderCallOutcome.of(200, "text/plain", "{\"a\": 1}", "u").response())).isEqualTo("{\"text\":\"{\\\"a\\\": 1}\"}");
        assertThat(Json.write(ProviderCallOutcome.of(204, null, null, "u").response())).isEqualTo("{\"text\":\"\"}");
    }

    @Test
    void nonSuccessStatusesAreFailuresNamingStatusAndUrl() {
        assertThat(ProviderCallOutcome.of(502, "application/json", "{}", "https://p/orders").error())
                .isEqualTo("Server error 502 for url https://p/orders");
        assertThat(ProviderCallOutcome.of(404, null, "", "https://p/orders").error()).contains("404").contains("https://p/orders");
        assertThat(ProviderCallOutcome.of(302, null, "", "https://p/orders").error()).contains("302");
    }
}
