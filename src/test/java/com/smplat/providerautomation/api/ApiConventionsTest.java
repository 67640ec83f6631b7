package com.smplat.providerautomation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ApiClient.Reply;
import com.smplat.providerautomation.ServiceTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST conventions every endpoint shares, checked over real HTTP against the running service. */
@ServiceTest
class ApiConventionsTest {
    private static final String STATUS = "/api/v1/fulfillment/providers/automation/status";
    private static final String HISTORY = "/api/v1/fulfillment/providers/automation/status/history";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void protectedEndpointsAnswer401WithoutTheKey() {
        Reply missing = api.send(api.request(STATUS).GET());
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("detail").asText()).isEqualTo("Invalid API key");
        assertThat(missing.raw().headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));

        assertThat(api.send(api.request(STATUS).header("X-API-Key", "wrong").GET()).status()).isEqualTo(401);
        assertThat(api.send(api.request(HISTORY + "?limit=0").GET()).status())
                .as("authentication comes before validation").isEqualTo(401);
    }

    @Test
    void theKeyIsAcceptedAsHeaderOrBearerToken() {
        assertThat(api.get(STATUS).status()).isEqualTo(200);
        Reply bearer = api.send(api.request(STATUS).header("Authorization", "Bearer " + ServiceTest.API_KEY).GET());
        assertThat(bearer.status()).isEqualTo(200);
    }

    @Test
    void validationErrorsAre422WithADetail() {
        for (String limit : new String[] {"0", "101", "-1", "abc", "1.5", "10%27%3B--"}) {
            Reply reply = api.get(HISTORY + "?limit=" + limit);
            assertThat(reply.status()).as("limit=%s", limit).isEqualTo(422);
            assertThat(reply.json().get("detail").asText()).isEqualTo("limit must be an integer between 1 and 100");
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at com.");
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerJson() {
        Reply unknown = api.get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("Not found");

        Reply outsideApi = api.send(api.request("/no/such/page").GET());
        assertThat(outsideApi.status()).isEqualTo(404);
        assertThat(outsideApi.json().has("detail")).isTrue();

        Reply wrongMethod = api.send(api.request(STATUS).header("X-API-Key", ServiceTest.API_KEY).DELETE());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("detail").asText()).isEqualTo("Method not allowed");
    }

    @Test
    void nonJsonBodiesAre415NotServerErrors() {
        Reply form = api.send(api.request("/sandbox/providers/demo-alpha/orders")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{not a form")));
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().get("detail").asText()).isEqualTo("Content-Type must be application/json");
    }

    @Test
    void responsesDoNotEchoRequestHeaders() {
        Reply reply = api.send(api.request(STATUS).header("X-API-Key", ServiceTest.API_KEY)
                .header("User-Agent", "echo-check").header("X-Trace", "abc").GET());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw().headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-API-Key")
                || h.equalsIgnoreCase("User-Agent") || h.equalsIgnoreCase("X-Trace"));
    }

    @Test
    void healthProbesAndMetricsAreServed() {
        Reply health = api.send(api.request("/actuator/health").GET());
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(api.send(api.request("/actuator/health/liveness").GET()).json().get("status").asText()).isEqualTo("UP");
        Reply readiness = api.send(api.request("/actuator/health/readiness").GET());
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().get("components").has("db")).isTrue();
        assertThat(readiness.json().get("components").get("scheduler").get("details").get("clustered").asBoolean()).isTrue();

        api.get(STATUS);
        Reply metrics = api.send(api.request("/actuator/prometheus").GET());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("routeId=\"automation-status\"");
    }

    @Test
    void aJsonAnswerIsLabelledJsonWhateverTheRequestBodyWas() {
        // found by ApiFuzzServiceTest: the JSON binding kept the request's Content-Type on the answer
        for (String type : new String[] {"text/plain", ""}) {
            Reply reply = api.send(api.request(STATUS).header("X-API-Key", ServiceTest.API_KEY).header("Content-Type", type)
                    .method("GET", HttpRequest.BodyPublishers.ofString("1.5")));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.raw().headers().firstValue("Content-Type")).as(type).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        }
    }

    @Test
    void aGetWhoseBodyIsNotUtf8IsRefusedWith422() {
        // found by ApiFuzzServiceTest: such a GET was a 500 with an empty text/plain body
        Reply reply = api.send(api.request(STATUS).header("X-API-Key", ServiceTest.API_KEY).header("Content-Type", "application/json")
                .method("GET", HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'})));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Request body must be valid UTF-8");
    }

    @Test
    void openApiDocumentListsTheRestEndpoints() {
        Reply doc = api.send(api.request("/api-doc").GET());
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("openapi").asText()).startsWith("3.");
        assertThat(doc.json().get("paths").has(HISTORY)).isTrue();
    }

    @Test
    void sandboxProviderAnswersAndOneProviderAlwaysFails() {
        Reply ok = api.send(api.request("/sandbox/providers/demo-alpha/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\": 500}")));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("order").asText()).startsWith("sbx-");
        Reply again = api.send(api.request("/sandbox/providers/demo-alpha/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\": 500}")));
        assertThat(again.json().get("order")).as("deterministic").isEqualTo(ok.json().get("order"));

        Reply failing = api.send(api.request("/sandbox/providers/demo-gamma/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(failing.status()).isEqualTo(502);

        Reply balance = api.send(api.request("/sandbox/providers/demo-beta/balance").GET());
        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.json().get("balance").isNumber()).isTrue();
    }
}
