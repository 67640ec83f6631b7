package com.smplat.providerautomation.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /{providerId}/orders/{providerOrderId}/replay against a real provider stub and database. */
@ServiceTest
class ProviderOrderReplayApiTest {
    private static final String PAYLOAD_TEMPLATE = """
            {"order": "{{orderId}}", "service": "{{serviceId}}", "amount": "{{requestedAmount}}", "rules": "{{serviceRules}}",
             "link": "https://x/{{productSlug}}?q={{quantity}}"}""";
    private static final String ORDER_PAYLOAD = """
            {"productSlug": "ig-followers", "quantity": 1000, "requestedAmount": 150, "providerOrderId": "remote-123",
             "serviceRules": [{"id": "rule-replay", "label": "Replay safeguard",
                               "conditions": [{"kind": "channel", "channels": ["storefront"]}],
                               "overrides": {"providerId": "prov-replay"}}],
             "untouched": {"keep": [1, 2.50]}}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    ProviderOrderFixtures fixtures;
    String providerId;
    String path;
    UUID providerOrderId;

    @BeforeEach
    void providerWithOneOrder() {
        api = new ApiClient(port);
        fixtures = new ProviderOrderFixtures(jdbc);
        providerId = ProviderOrderFixtures.uniqueId("prov-replay");
        path = "/" + providerId + "/orders";
        fixtures.providerWithOrderEndpoint(providerId, ProviderStub.baseUrl() + path, PAYLOAD_TEMPLATE);
        providerOrderId = fixtures.providerOrder(providerId, "svc-replay", new BigDecimal("150.00"), ORDER_PAYLOAD);
    }

    private ApiClient.Reply replay(String body, String... headers) {
        HttpRequest.Builder request = api.request("/api/v1/fulfillment/providers/" + providerId + "/orders/" + providerOrderId + "/replay")
                .header("X-API-Key", ServiceTest.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return api.send(request);
    }

    private JsonNode payload() throws Exception {
        return Json.MAPPER.readTree(fixtures.payloadText(providerOrderId));
    }

    private int timelineEvents(String type) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM order_state_events e JOIN fulfillment_provider_orders po ON po.order_id = e.order_id
                 WHERE po.id = ? AND e.event_type = CAST(? AS order_state_event_type_enum)""", Integer.class, providerOrderId, type);
    }

    @Test
    void executesNowAndRecordsTheReplay() throws Exception {
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"order_id\": \"remote-replay\"}")));

        ApiClient.Reply reply = replay("{}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode view = reply.json();
        assertThat(view.get("status").asText()).isEqualTo("executed");
        assertThat(view.get("requestedAmount").decimalValue()).isEqualByComparingTo("150.0");
        assertThat(view.get("scheduledFor").isNull()).isTrue();
        assertThat(view.get("ruleIds").get(0).asText()).isEqualTo("rule-replay");
        assertThat(view.get("ruleMetadata").get("rule-replay").get("label").asText()).isEqualTo("Replay safeguard");

        ProviderStub.server().verify(1, postRequestedFor(urlPathEqualTo(path))
                .withHeader("X-Api-Key", equalTo("k-" + providerId))
                .withRequestBody(equalToJson("""
                        {"order": "${json-unit.any-string}", "service": "svc-replay", "amount": "150.0",
                         "rules": [{"id": "rule-replay", "label": "Replay safeguard",
                                    "conditions": [{"kind": "channel", "channels": ["storefront"]}],
                                    "overrides": {"providerId": "prov-replay"}}],
                         "link": "https://x/ig-followers?q=1000"}""")));

        JsonNode payload = payload();
        assertThat(payload.get("replays")).hasSize(1);
        assertThat(payload.get("replays").get(0).get("id").asText()).isEqualTo(view.get("id").asText());
        assertThat(payload.get("providerResponse").get("order_id").asText()).isEqualTo("remote-replay");
        assertThat(payload.get("providerOrderId").asText()).isEqualTo("remote-123");
        assertThat(payload.get("requestedAmount").asInt()).isEqualTo(150);
        assertThat(Json.write(payload.get("untouched"))).isEqualTo("{\"keep\":[1,2.50]}");
        assertThat(timelineEvents("replay_executed")).isEqualTo(1);
        String metadata = jdbc.queryForObject("""
                SELECT e.metadata::text FROM order_state_events e JOIN fulfillment_provider_orders po ON po.order_id = e.order_id
                 WHERE po.id = ?""", String.class, providerOrderId);
        JsonNode timeline = Json.MAPPER.readTree(metadata);
        assertThat(timeline.get("trigger").asText()).isEqualTo("admin_replay");
        assertThat(timeline.get("providerId").asText()).isEqualTo(providerId);
        assertThat(timeline.get("timelineEntryId").asText()).isEqualTo(view.get("id").asText());
    }

    @Test
    void theUrlIsSentExactlyAsRendered() {
        String queried = fixtures.providerWithOrderEndpoint(ProviderOrderFixtures.uniqueId("prov-query"),
                ProviderStub.baseUrl() + "/queried/orders?sig={{apiKey}}&service={{serviceId}}", null);
        UUID order = fixtures.providerOrder(queried, "svc-q", BigDecimal.ONE, "{}");
        ProviderStub.server().stubFor(post(urlPathEqualTo("/queried/orders")).willReturn(aResponse().withStatus(200)));
        String plain = fixtures.providerWithOrderEndpoint(ProviderOrderFixtures.uniqueId("prov-plain"),
                ProviderStub.baseUrl() + "/plain/" + providerId, null);
        UUID plainOrder = fixtures.providerOrder(plain, "svc", BigDecimal.ONE, "{}");
        ProviderStub.server().stubFor(post(urlPathEqualTo("/plain/" + providerId)).willReturn(aResponse().withStatus(200)));

        assertThat(api.postJson("/api/v1/fulfillment/providers/" + queried + "/orders/" + order + "/replay", "{}").status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/fulfillment/providers/" + plain + "/orders/" + plainOrder + "/replay", "{}").status()).isEqualTo(200);

        ProviderStub.server().verify(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                "/queried/orders?sig=k-" + queried + "&service=svc-q")));
        ProviderStub.server().verify(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/plain/" + providerId)));
    }

    @Test
    void zeroIsARealAmountOverride() {
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201).withBody("ok")));
        ApiClient.Reply reply = replay("{\"amount\": 0}");
        assertThat(reply.json().get("requestedAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(reply.json().get("response").get("text").asText()).isEqualTo("ok");
        ProviderStub.server().verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.amount", equalTo("0.0"))));
    }

    @Test
    void aProviderFailureIs400AndPersistsNothing() throws Exception {
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(502)));
        String before = fixtures.payloadText(providerOrderId);

        ApiClient.Reply reply = replay("{\"amount\": 20}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Server error 502 for url " + ProviderStub.baseUrl() + path);
        assertThat(fixtures.payloadText(providerOrderId)).isEqualTo(before);
        assertThat(timelineEvents("replay_executed")).isZero();
    }

    @Test
    void aFutureRunAtSchedulesWithoutCallingTheProvider() throws Exception {
        ApiClient.Reply reply = replay("{\"runAt\": \"2099-01-10T16:00:00+02:00\", \"amount\": 80}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("scheduled");
        assertThat(reply.json().get("scheduledFor").asText()).isEqualTo("2099-01-10T14:00:00.000000Z");
        assertThat(reply.json().get("performedAt").isNull()).isTrue();
        assertThat(reply.json().get("requestedAmount").decimalValue()).isEqualByComparingTo("80.0");
        JsonNode entry = payload().get("scheduledReplays").get(0);
        assertThat(entry.get("status").asText()).isEqualTo("scheduled");
        assertThat(entry.get("currency").asText()).isEqualTo("USD");
        assertThat(timelineEvents("replay_scheduled")).isEqualTo(1);
        ProviderStub.server().verify(0, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void aPastRunAtWithScheduleOnlyIsScheduledAnyway() throws Exception {
        ApiClient.Reply reply = replay("{\"runAt\": \"2020-01-01T00:00:00\", \"scheduleOnly\": true}");
        assertThat(reply.json().get("status").asText()).isEqualTo("scheduled");
        assertThat(reply.json().get("requestedAmount").isNull()).isTrue();
        assertThat(payload().get("scheduledReplays")).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstEntryWithoutASecondCall() throws Exception {
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"n\": 1}")));
        ApiClient.Reply first = replay("{\"amount\": 10}", "Idempotency-Key", "op-1");
        ApiClient.Reply second = replay("{\"amount\": 10}", "Idempotency-Key", "op-1");
        ApiClient.Reply other = replay("{\"amount\": 10}", "Idempotency-Key", "op-2");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(other.json().get("id")).isNotEqualTo(first.json().get("id"));
        ProviderStub.server().verify(2, postRequestedFor(urlPathEqualTo(path)));
        assertThat(payload().get("replays")).hasSize(2);
    }

    @Test
    void badRequestsAreRejectedBeforeAnyLookupOrCall() {
        String base = "/api/v1/fulfillment/providers/" + providerId + "/orders/";
        assertThat(api.postJson(base + "not-a-uuid/replay", "{}").status()).isEqualTo(422);
        assertThat(api.postJson(base + providerOrderId + "/replay", "{\"amount\": -1}").json().get("detail").asText())
                .isEqualTo("amount must be greater than or equal to 0");
        assertThat(api.postJson(base + providerOrderId + "/replay", "{\"scheduleOnly\": true}").json().get("detail").asText())
                .isEqualTo("runAt is required when scheduleOnly is true");
        assertThat(api.postJson(base + providerOrderId + "/replay", "{oops").status()).isEqualTo(422);
        assertThat(api.postJson(base + providerOrderId + "/replay", "[1]").status()).isEqualTo(422);
        assertThat(api.postJson(base + providerOrderId + "/replay", "").status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/fulfillment/providers/no-such-provider/orders/" + providerOrderId + "/replay", "{}")
                .json().get("detail").asText()).isEqualTo("Provider not found");
        assertThat(api.postJson(base + UUID.randomUUID() + "/replay", "{}").json().get("detail").asText())
                .isEqualTo("Provider order not found");
        ProviderStub.server().verify(0, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void anOrderOfAnotherProviderIsNotFound() {
        String other = fixtures.providerWithOrderEndpoint(ProviderOrderFixtures.uniqueId("other"), ProviderStub.baseUrl() + "/other", null);
        ApiClient.Reply reply = api.postJson("/api/v1/fulfillment/providers/" + other + "/orders/" + providerOrderId + "/replay", "{}");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Provider order not found");
    }

    @Test
    void aProviderWithoutAnOrderEndpointIs400() {
        String bare = fixtures.provider(ProviderOrderFixtures.uniqueId("bare"), "Bare", "{\"automation\": {\"endpoints\": {}}}");
        UUID order = fixtures.providerOrder(bare, "svc", BigDecimal.TEN, "{}");
        ApiClient.Reply reply = api.postJson("/api/v1/fulfillment/providers/" + bare + "/orders/" + order + "/replay", "{}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Order endpoint is not configured for provider");
    }
}
