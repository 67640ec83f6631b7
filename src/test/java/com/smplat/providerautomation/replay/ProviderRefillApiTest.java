package com.smplat.providerautomation.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ApiClient.Reply;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /{providerId}/orders/{providerOrderId}/refill} (replay-and-history.md 7.8) against a WireMock provider. */
@ServiceTest
class ProviderRefillApiTest {
    private static final String BASE = "/api/v1/fulfillment/providers/";
    private static final String PAYLOAD = """
            {"providerOrderId": "remote-123", "orderId": "ignored", "requestedAmount": 99, "custom": {"keep": [1, 2.50]},
             "providerResponse": {"order": "remote-123"},
             "replays": [{"id": "old-replay", "status": "executed", "requestedAmount": 10.0}],
             "refills": [{"id": "old-refill", "amount": 5.0, "currency": "USD", "performedAt": "2025-01-09T10:00:00Z",
                          "response": {"status": "accepted"}}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    ProviderOrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new ProviderOrderFixtures(jdbc);
    }

    /** A provider with a refill endpoint on its own stub path, answering {@code status} with {@code body}. */
    private String refillProvider(int status, String body) {
        String providerId = ProviderOrderFixtures.uniqueId("refill");
        fixtures.provider(providerId, "Refill " + providerId, """
                {"automation": {"apiKey": "k-%1$s", "endpoints": {"refill": {"method": "post",
                  "url": "%2$s/%1$s/orders/{{providerOrderId}}/refill",
                  "headers": {"X-Api-Key": "{{apiKey}}", "X-Amount": "{{amount}}"},
                  "payload": {"order": "{{providerOrderId}}", "quantity": "{{amount}}", "requested": "{{requestedAmount}}",
                              "label": "refill {{amount}} {{currency}} for {{orderId}}", "service": "{{serviceId}}"}}}}}"""
                .formatted(providerId, ProviderStub.baseUrl()));
        ProviderStub.server().stubFor(post(urlPathMatching("/" + providerId + "/.*"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
        return providerId;
    }

    private String refillProvider() {
        return refillProvider(200, "{\"refill\": \"r-1\", \"status\": \"accepted\"}");
    }

    private List<LoggedRequest> received(String providerId) {
        return ProviderStub.server().findAll(anyRequestedFor(urlPathMatching("/" + providerId + "/.*")));
    }

    private static String path(LoggedRequest request) {
        return URI.create(request.getUrl()).getPath();
    }

    private Reply refill(String providerId, Object providerOrderId, String body) {
        return api.postJson(BASE + providerId + "/orders/" + providerOrderId + "/refill", body);
    }

    private UUID orderIdOf(UUID providerOrderId) {
        return jdbc.queryForObject("SELECT order_id FROM fulfillment_provider_orders WHERE id = ?", UUID.class, providerOrderId);
    }

    private List<Map<String, Object>> timeline(UUID providerOrderId) {
        return jdbc.queryForList("""
                SELECT event_type::text AS event_type, actor_type::text AS actor_type, actor_id, actor_label, notes,
                       metadata::text AS metadata
                  FROM order_state_events WHERE order_id = ?""", orderIdOf(providerOrderId));
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    /** The row as it was: same payload, same updated_at, no timeline event. */
    private void assertUntouched(UUID providerOrderId, String payloadBefore, Object updatedAtBefore) {
        assertThat(fixtures.payloadText(providerOrderId)).isEqualTo(payloadBefore);
        assertThat(updatedAt(providerOrderId)).isEqualTo(updatedAtBefore);
        assertThat(timeline(providerOrderId)).isEmpty();
    }

    private Object updatedAt(UUID providerOrderId) {
        return jdbc.queryForObject("SELECT updated_at FROM fulfillment_provider_orders WHERE id = ?", Object.class, providerOrderId);
    }

    private static void assertDetail(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void aRefillCallsTheProviderAppendsAnEntryAndRecordsTheTimeline() throws Exception {
        String providerId = refillProvider();
        UUID id = fixtures.providerOrder(providerId, "svc-refill", new BigDecimal("150.00"), PAYLOAD);
        ObjectNode before = json(fixtures.payloadText(id));
        Instant start = Timestamps.now();

        Reply reply = refill(providerId, id, """
                {"amount": 40, "note": "customer asked", "actorLabel": "Ops Jane", "unknown": true}""");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode view = reply.json();
        assertThat(view.fieldNames()).toIterable().containsExactly("id", "amount", "currency", "performedAt", "response");
        assertThat(UUID.fromString(view.get("id").asText())).isNotNull();
        assertThat(view.get("amount").decimalValue()).isEqualByComparingTo("40");
        assertThat(view.get("currency").asText()).isEqualTo("USD");
        Instant performedAt = Instant.parse(view.get("performedAt").asText());
        assertThat(performedAt).isBetween(start, Timestamps.now());
        assertThat(view.get("response")).isEqualTo(json("{\"refill\": \"r-1\", \"status\": \"accepted\"}"));

        // what the provider received: the rendered method, URL, headers and body
        List<LoggedRequest> requests = received(providerId);
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(path(request)).isEqualTo("/" + providerId + "/orders/remote-123/refill");
        assertThat(request.getHeader("X-Api-Key")).isEqualTo("k-" + providerId);
        assertThat(request.getHeader("X-Amount")).isEqualTo("40.0");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(json(request.getBodyAsString())).isEqualTo(json("""
                {"order": "remote-123", "quantity": "40.0", "requested": "40.0",
                 "label": "refill 40.0 USD for %s", "service": "svc-refill"}""".formatted(orderIdOf(id))));

        // the payload: one more refill entry, every other key as it was
        ObjectNode after = json(fixtures.payloadText(id));
        ArrayNode refills = (ArrayNode) after.remove("refills");
        ArrayNode refillsBefore = (ArrayNode) before.remove("refills");
        assertThat(after).isEqualTo(before);
        assertThat(refills).hasSize(2);
        assertThat(refills.get(0)).isEqualTo(refillsBefore.get(0));
        JsonNode entry = refills.get(1);
        assertThat(entry.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "amount", "currency", "performedAt", "response");
        assertThat(entry.get("id")).isEqualTo(view.get("id"));
        assertThat(entry.get("amount").decimalValue()).isEqualByComparingTo("40");
        assertThat(entry.get("currency").asText()).isEqualTo("USD");
        assertThat(Instant.parse(entry.get("performedAt").asText())).isEqualTo(performedAt);
        assertThat(entry.get("response")).isEqualTo(view.get("response"));

        // the timeline event
        List<Map<String, Object>> events = timeline(id);
        assertThat(events).hasSize(1);
        Map<String, Object> event = events.get(0);
        assertThat(event).containsEntry("event_type", "refill_completed").containsEntry("actor_type", "operator")
                .containsEntry("actor_id", id.toString()).containsEntry("actor_label", "Ops Jane")
                .containsEntry("notes", "customer asked");
        JsonNode metadata = json((String) event.get("metadata"));
        assertThat(metadata.fieldNames()).toIterable().containsExactlyInAnyOrder("providerId", "providerName", "providerOrderId",
                "orderId", "orderItemId", "serviceId", "serviceAction", "timelineEntryId", "performedAt", "amount", "currency",
                "response");
        assertThat(metadata.get("providerId").asText()).isEqualTo(providerId);
        assertThat(metadata.get("providerName").asText()).isEqualTo("Provider " + providerId);
        assertThat(metadata.get("providerOrderId").asText()).isEqualTo(id.toString());
        assertThat(metadata.get("orderId").asText()).isEqualTo(orderIdOf(id).toString());
        assertThat(metadata.get("serviceId").asText()).isEqualTo("svc-refill");
        assertThat(metadata.get("serviceAction").asText()).isEqualTo("replay_action");
        assertThat(metadata.get("timelineEntryId")).isEqualTo(view.get("id"));
        assertThat(metadata.get("amount").decimalValue()).isEqualByComparingTo("40");
        assertThat(metadata.get("currency").asText()).isEqualTo("USD");
        assertThat(Instant.parse(metadata.get("performedAt").asText())).isEqualTo(performedAt);
        assertThat(metadata.get("response")).isEqualTo(view.get("response"));
    }

    @Test
    void withoutABodyAmountTheColumnIsUsedAndAnIntegerReferenceCounts() throws Exception {
        String providerId = refillProvider();
        UUID id = fixtures.providerOrder(providerId, "svc-refill", new BigDecimal("150.00"), """
                {"providerOrderId": " ", "provider_order_id": 98765, "requestedAmount": 7, "refills": "not a list"}""");

        Reply reply = refill(providerId, id, "{}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).contains("\"amount\":150.0");
        LoggedRequest request = received(providerId).get(0);
        assertThat(path(request)).isEqualTo("/" + providerId + "/orders/98765/refill");
        assertThat(json(request.getBodyAsString()).get("quantity").asText()).isEqualTo("150.0");
        JsonNode refills = json(fixtures.payloadText(id)).get("refills");
        assertThat(refills.isArray()).as("a non-array value is replaced by a new list").isTrue();
        assertThat(refills).hasSize(1);
        assertThat(refills.get(0).get("amount").decimalValue()).isEqualByComparingTo("150");
        Map<String, Object> event = timeline(id).get(0);
        assertThat(event.get("actor_label")).isNull();
        assertThat(event.get("notes")).isNull();
    }

    @Test
    void withNoAmountAnywhereTheRefillAmountIsNull() throws Exception {
        String providerId = refillProvider();
        UUID id = fixtures.providerOrder(providerId, "svc-refill", null, "{\"providerOrderId\": \"remote-9\", \"requestedAmount\": 7}");

        Reply reply = refill(providerId, id, "{\"amount\": null}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("amount").isNull()).as("no payload fallback").isTrue();
        assertThat(json(received(providerId).get(0).getBodyAsString()).get("quantity").asText())
                .as("an unknown placeholder stays as written").isEqualTo("{{amount}}");
        assertThat(json(fixtures.payloadText(id)).get("refills").get(0).get("amount").isNull()).isTrue();
        assertThat(json((String) timeline(id).get(0).get("metadata")).has("amount")).isFalse();
    }

    @Test
    void invalidRequestsAre422BeforeAnyLookup() {
        String providerId = refillProvider();
        UUID id = fixtures.providerOrder(providerId, "svc-refill", new BigDecimal("150.00"), PAYLOAD);
        String payload = fixtures.payloadText(id);
        Object updatedAt = updatedAt(id);

        assertDetail(refill(providerId, "not-a-uuid", "{}"), 422, "providerOrderId must be a UUID");
        assertDetail(refill("no-such-provider", "not-a-uuid", "{}"), 422, "providerOrderId must be a UUID");
        assertDetail(refill(providerId, id, "[]"), 422, "Request body must be a JSON object");
        assertDetail(refill(providerId, id, ""), 422, "Request body must be a JSON object");
        assertDetail(refill(providerId, id, "{\"amount\":"), 422, "Malformed JSON body");
        assertDetail(refill(providerId, id, "{\"amount\": -0.01}"), 422, "amount must be greater than or equal to 0");
        assertDetail(refill(providerId, id, "{\"amount\": \"lots\"}"), 422, "amount must be a number");
        assertDetail(refill(providerId, id, "{\"note\": \"" + "n".repeat(501) + "\"}"), 422,
                "note must be a string of at most 500 characters");
        assertDetail(refill(providerId, id, "{\"note\": 1}"), 422, "note must be a string of at most 500 characters");
        assertDetail(refill(providerId, id, "{\"actorLabel\": {}}"), 422, "actorLabel must be a string of at most 255 characters");
        assertDetail(refill("no-such-provider", UUID.randomUUID(), "{\"amount\": -1}"), 422,
                "amount must be greater than or equal to 0");

        assertThat(received(providerId)).isEmpty();
        assertUntouched(id, payload, updatedAt);
    }

    @Test
    void unknownProviderOrOrderIs404() {
        String providerId = refillProvider();
        String otherProvider = refillProvider();
        UUID id = fixtures.providerOrder(providerId, "svc-refill", new BigDecimal("150.00"), PAYLOAD);
        String payload = fixtures.payloadText(id);
        Object updatedAt = updatedAt(id);

        assertDetail(refill("no-such-provider", id, "{}"), 404, "Provider not found");
        assertDetail(refill("no-such-provider", UUID.randomUUID(), "{}"), 404, "Provider not found");
        assertDetail(refill(providerId, UUID.randomUUID(), "{}"), 404, "Provider order not found");
        assertDetail(refill(otherProvider, id, "{}"), 404, "Provider order not found");

        assertThat(received(providerId)).isEmpty();
        assertThat(received(otherProvider)).isEmpty();
        assertUntouched(id, payload, updatedAt);
    }

    @Test
    void aMissingRefillEndpointIs400AndComesBeforeTheReference() {
        String providerId = fixtures.providerWithOrderEndpoint(ProviderOrderFixtures.uniqueId("refill"),
                ProviderStub.baseUrl() + "/unused/order", null);
        UUID withReference = fixtures.providerOrder(providerId, "svc-refill", new BigDecimal("150.00"), PAYLOAD);
        UUID withoutReference = fixtures.providerOrder(providerId, "svc-refill", new BigDecimal("150.00"), "{}");

        for (UUID id : List.of(withReference, withoutReference)) {
            String payload = fixtures.payloadText(id);
            Object updatedAt = updatedAt(id);
            assertDetail(refill(providerId, id, "{\"amount\": 5}"), 400, "Refill endpoint is not configured for provider");
            assertUntouched(id, payload, updatedAt);
        }
    }

    @Test
    void aMissingProviderOrderReferenceIs400WithoutACall() {
        String providerId = refillProvider();
        UUID id = fixtures.providerOrder(providerId, "svc-refill", new BigDecimal("150.00"), """
                {"providerOrderId": "  ", "provider_order_id": null, "providerOrderID": 1.5, "orderId": false, "other": "x"}""");
        String payload = fixtures.payloadText(id);
        Object updatedAt = updatedAt(id);

        assertDetail(refill(providerId, id, "{}"), 400, "Provider order identifier is missing; cannot trigger refill");

        assertThat(received(providerId)).isEmpty();
        assertUntouched(id, payload, updatedAt);
    }

    @Test
    void aProviderErrorIs400NamingStatusAndUrlAndPersistsNothing() {
        String providerId = refillProvider(500, "{\"error\": \"boom\"}");
        UUID id = fixtures.providerOrder(providerId, "svc-refill", new BigDecimal("150.00"), PAYLOAD);
        String payload = fixtures.payloadText(id);
        Object updatedAt = updatedAt(id);

        Reply reply = refill(providerId, id, "{\"amount\": 40, \"note\": \"n\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("500")
                .contains(ProviderStub.baseUrl() + "/" + providerId + "/orders/remote-123/refill");
        assertThat(received(providerId)).hasSize(1);
        assertUntouched(id, payload, updatedAt);
    }
}
