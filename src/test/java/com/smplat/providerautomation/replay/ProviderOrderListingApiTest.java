package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ApiClient.Reply;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The provider order listings of replay-and-history.md 7.7, over real HTTP. Every test uses its own ids. */
@ServiceTest
class ProviderOrderListingApiTest {
    private static final String BASE = "/api/v1/fulfillment/providers/";

    /** The example document of 7.7, with its order ids as placeholders. */
    private static final String EXAMPLE_PAYLOAD = """
            {
              "orderId": "%1$s", "orderItemId": "%2$s", "requestedAmount": 150, "providerOrderId": "remote-123",
              "providerCostAmount": 90, "guardrails": {"minimumMarginPercent": 20, "warningMarginPercent": 40},
              "serviceRules": [{"id": "rule-replay", "label": "Replay safeguard",
                                "conditions": [{"kind": "channel", "channels": ["storefront"]}],
                                "overrides": {"providerId": "prov-replay"}}],
              "providerResponse": {"data": {"order_id": "remote-replay"}},
              "replays": [
                {"id": "9b6c2f0e-3d3a-4d52-8f0e-1f2d3c4b5a69", "requestedAmount": 150.0, "currency": "USD",
                 "performedAt": "2025-01-10T12:00:00Z", "status": "executed",
                 "response": {"data": {"order_id": "remote-replay"}}, "ruleIds": ["rule-replay"],
                 "ruleMetadata": {"rule-replay": {"id": "rule-replay", "label": "Replay safeguard"}}},
                {"id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "requestedAmount": 20.0, "currency": "USD",
                 "performedAt": "2025-01-10T13:00:00Z", "status": "failed",
                 "response": {"error": "Server error 502 for url https://provider.example/orders"}}
              ],
              "scheduledReplays": [
                {"id": "sched-1", "requestedAmount": 20.0, "currency": "USD", "scheduledFor": "2025-01-10T12:55:00Z",
                 "status": "failed", "performedAt": "2025-01-10T13:00:00Z",
                 "response": {"error": "Server error 502 for url https://provider.example/orders"}},
                {"id": "sched-2", "requestedAmount": null, "currency": "USD", "scheduledFor": "2025-01-11T09:00:00Z",
                 "status": "scheduled"}
              ],
              "refills": [
                {"id": "refill-entry", "amount": 40.0, "currency": "USD", "performedAt": "2025-01-09T10:00:00Z",
                 "response": {"status": "accepted"}}
              ]
            }""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private String provider(String id) {
        jdbc.update("INSERT INTO fulfillment_providers (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", id, "Provider " + id);
        return id;
    }

    private static String uniqueProvider() {
        return "prov-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An order with one item: {orderId, orderItemId}. */
    private UUID[] order() {
        UUID order = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        jdbc.update("INSERT INTO orders (id) VALUES (?)", order);
        jdbc.update("INSERT INTO order_items (id, order_id) VALUES (?, ?)", item, order);
        return new UUID[] {order, item};
    }

    private UUID providerOrder(UUID id, String providerId, UUID[] order, String createdAt, String payload) {
        jdbc.update("""
                INSERT INTO fulfillment_provider_orders (id, order_id, order_item_id, provider_id, provider_name, service_id,
                    service_action, amount, currency, payload, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'Replay Provider', 'svc-replay', 'replay_action', 150.00, 'USD', CAST(? AS jsonb),
                    CAST(? AS timestamptz), CAST(? AS timestamptz) + interval '1 day')""",
                id, order[0], order[1], providerId, payload, createdAt, createdAt);
        return id;
    }

    private UUID providerOrder(String providerId, UUID[] order, String createdAt, String payload) {
        return providerOrder(UUID.randomUUID(), providerId, order, createdAt, payload);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(element -> ids.add(element.get("id").asText()));
        return ids;
    }

    @Test
    void theExampleDocumentRendersAsAProviderOrderView() throws Exception {
        String providerId = provider(uniqueProvider());
        UUID[] order = order();
        String payload = EXAMPLE_PAYLOAD.formatted(order[0], order[1]);
        UUID id = providerOrder(providerId, order, "2025-01-09T09:00:00Z", payload);

        for (String path : new String[] {BASE + providerId + "/orders", BASE + "orders/by-order/" + order[0]}) {
            Reply reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.json()).as(path).hasSize(1);
            assertThat(reply.body()).as("decimals as stored").contains("\"requestedAmount\":150.0,").doesNotContain("E+");
            JsonNode view = reply.json().get(0);
            assertThat(view.fieldNames()).toIterable().containsExactly("id", "providerId", "providerName", "serviceId",
                    "serviceAction", "orderId", "orderItemId", "amount", "currency", "providerOrderId", "payload",
                    "createdAt", "updatedAt", "refills", "replays", "scheduledReplays");
            assertThat(view.get("id").asText()).isEqualTo(id.toString());
            assertThat(view.get("providerId").asText()).isEqualTo(providerId);
            assertThat(view.get("providerName").asText()).isEqualTo("Replay Provider");
            assertThat(view.get("serviceId").asText()).isEqualTo("svc-replay");
            assertThat(view.get("serviceAction").asText()).isEqualTo("replay_action");
            assertThat(view.get("orderId").asText()).isEqualTo(order[0].toString());
            assertThat(view.get("orderItemId").asText()).isEqualTo(order[1].toString());
            assertThat(view.get("amount").isNumber()).isTrue();
            assertThat(view.get("amount").decimalValue()).isEqualByComparingTo("150");
            assertThat(view.get("currency").asText()).isEqualTo("USD");
            assertThat(view.get("providerOrderId").asText()).isEqualTo("remote-123");
            assertThat(view.get("payload")).isEqualTo(Json.MAPPER.readTree(payload));
            assertThat(Instant.parse(view.get("createdAt").asText())).isEqualTo("2025-01-09T09:00:00Z");
            assertThat(Instant.parse(view.get("updatedAt").asText())).isEqualTo("2025-01-10T09:00:00Z");

            JsonNode replays = view.get("replays");
            assertThat(ids(replays)).containsExactly("9b6c2f0e-3d3a-4d52-8f0e-1f2d3c4b5a69", "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
            assertThat(replays.get(0).get("status").asText()).isEqualTo("executed");
            assertThat(replays.get(0).get("ruleIds").get(0).asText()).isEqualTo("rule-replay");
            assertThat(replays.get(0).get("scheduledFor").isNull()).isTrue();
            assertThat(replays.get(1).get("status").asText()).isEqualTo("failed");
            assertThat(replays.get(1).get("requestedAmount").decimalValue()).isEqualByComparingTo("20");
            assertThat(replays.get(1).get("response").get("error").asText()).startsWith("Server error 502");
            assertThat(replays.get(1).get("ruleIds").isNull()).isTrue();
            assertThat(replays.get(1).get("ruleMetadata").isNull()).isTrue();

            JsonNode scheduled = view.get("scheduledReplays");
            assertThat(ids(scheduled)).containsExactly("sched-1", "sched-2");
            assertThat(scheduled.get(0).get("status").asText()).isEqualTo("failed");
            assertThat(Instant.parse(scheduled.get(0).get("performedAt").asText())).isEqualTo("2025-01-10T13:00:00Z");
            assertThat(scheduled.get(1).get("status").asText()).isEqualTo("scheduled");
            assertThat(Instant.parse(scheduled.get(1).get("scheduledFor").asText())).isEqualTo("2025-01-11T09:00:00Z");
            assertThat(scheduled.get(1).get("performedAt").isNull()).isTrue();
            assertThat(scheduled.get(1).get("response").isNull()).isTrue();
            assertThat(scheduled.get(1).get("requestedAmount").isNull()).isTrue();

            JsonNode refills = view.get("refills");
            assertThat(ids(refills)).containsExactly("refill-entry");
            assertThat(refills.get(0).fieldNames()).toIterable().containsExactly("id", "amount", "currency", "performedAt", "response");
            assertThat(refills.get(0).get("response").get("status").asText()).isEqualTo("accepted");
        }
    }

    @Test
    void newestFirstWithIdsBreakingTiesAndLimits() {
        String providerId = provider(uniqueProvider());
        UUID[] order = order();
        UUID oldest = providerOrder(providerId, order, "2025-01-01T00:00:00Z", "{}");
        UUID middle = providerOrder(providerId, order, "2025-01-02T00:00:00Z", "{}");
        List<UUID> tied = new ArrayList<>(List.of(
                providerOrder(providerId, order, "2025-01-03T00:00:00Z", "{}"),
                providerOrder(providerId, order, "2025-01-03T00:00:00Z", "{}")));
        // Postgres orders uuids by their bytes, which is the order of their lower-case text
        tied.sort(Comparator.comparing(UUID::toString).reversed());
        List<String> expected = List.of(tied.get(0).toString(), tied.get(1).toString(), middle.toString(), oldest.toString());

        assertThat(ids(api.get(BASE + providerId + "/orders").json())).containsExactlyElementsOf(expected);
        assertThat(ids(api.get(BASE + providerId + "/orders?limit=2").json())).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(ids(api.get(BASE + "orders/by-order/" + order[0]).json())).containsExactlyElementsOf(expected);
        assertThat(ids(api.get(BASE + "orders/by-order/" + order[0] + "?limit=3").json())).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(api.get(BASE + providerId + "/orders?limit=250").status()).isEqualTo(200);
        assertThat(api.get(BASE + "orders/by-order/" + order[0] + "?limit=500").status()).isEqualTo(200);
    }

    @Test
    void defaultLimitsAre25PerProviderAnd100PerOrder() {
        String providerId = provider(uniqueProvider());
        UUID[] order = order();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            rows.add(new Object[] {UUID.randomUUID(), order[0], order[1], providerId, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i).toString()});
        }
        jdbc.batchUpdate("""
                INSERT INTO fulfillment_provider_orders (id, order_id, order_item_id, provider_id, service_id, created_at)
                VALUES (?, ?, ?, ?, 'svc', CAST(? AS timestamptz))""", rows);

        JsonNode byProvider = api.get(BASE + providerId + "/orders").json();
        assertThat(byProvider).hasSize(25);
        assertThat(byProvider.get(0).get("id").asText()).isEqualTo(rows.get(100)[0].toString());
        assertThat(api.get(BASE + "orders/by-order/" + order[0]).json()).hasSize(100);
        assertThat(api.get(BASE + "orders/by-order/" + order[0] + "?limit=101").json()).hasSize(101);
    }

    @Test
    void unknownProviderIs404AndAProviderWithoutOrdersIsEmpty() {
        Reply missing = api.get(BASE + uniqueProvider() + "/orders");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asText()).isEqualTo("Provider not found");

        Reply empty = api.get(BASE + provider(uniqueProvider()) + "/orders");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().isArray()).isTrue();
        assertThat(empty.json()).isEmpty();
    }

    @Test
    void unknownOrderIsAnEmptyList() {
        Reply reply = api.get(BASE + "orders/by-order/" + UUID.randomUUID());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().strip()).isEqualTo("[]");
    }

    @Test
    void badValuesAre422BeforeAnyLookup() {
        String unknownProvider = uniqueProvider();
        for (String limit : new String[] {"0", "251", "abc", "-1", "1.5"}) {
            Reply reply = api.get(BASE + unknownProvider + "/orders?limit=" + limit);
            assertThat(reply.status()).as("limit=%s", limit).isEqualTo(422);
            assertThat(reply.json().get("detail").asText()).isEqualTo("limit must be an integer between 1 and 250");
        }
        String order = BASE + "orders/by-order/" + UUID.randomUUID();
        for (String limit : new String[] {"0", "501", "abc"}) {
            Reply reply = api.get(order + "?limit=" + limit);
            assertThat(reply.status()).as("limit=%s", limit).isEqualTo(422);
            assertThat(reply.json().get("detail").asText()).isEqualTo("limit must be an integer between 1 and 500");
        }
        for (String orderId : new String[] {"not-a-uuid", "12345", UUID.randomUUID().toString().replace("-", "")}) {
            Reply reply = api.get(BASE + "orders/by-order/" + orderId);
            assertThat(reply.status()).as(orderId).isEqualTo(422);
            assertThat(reply.json().get("detail").asText()).isEqualTo("orderId must be a UUID");
        }
    }

    @Test
    void malformedElementsAreLeftOutOfTheTypedListsOnly() throws Exception {
        String providerId = provider(uniqueProvider());
        UUID[] order = order();
        String payload = """
                {"provider_order_id": 4711,
                 "replays": [{"status": "executed"}, {"id": "kept-replay", "performedAt": "2025-01-10T12:00:00"},
                             "not an object", {"id": "string-response", "response": "ok"}, {"id": "odd", "status": "weird"}],
                 "scheduled_replays": [{"id": "weird-schedule", "status": "weird"}, {"id": "kept-schedule"},
                                       {"scheduledFor": "2025-01-10T12:00:00Z"}],
                 "refills": [{"id": "no-time", "response": {}}, {"id": "kept-refill", "performedAt": "2025-01-09T10:00:00Z"},
                             {"id": "array-response", "performedAt": "2025-01-09T10:00:00Z", "response": [1]}]}""";
        providerOrder(providerId, order, "2025-01-09T09:00:00Z", payload);
        providerOrder(providerId, order, "2025-01-08T09:00:00Z", "null");
        jdbc.update("UPDATE fulfillment_provider_orders SET payload = NULL, amount = NULL WHERE provider_id = ? AND created_at < '2025-01-09'",
                providerId);

        Reply reply = api.get(BASE + providerId + "/orders");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode view = reply.json().get(0);
        assertThat(view.get("payload")).isEqualTo(Json.MAPPER.readTree(payload));
        assertThat(ids(view.get("replays"))).containsExactly("kept-replay");
        assertThat(view.get("replays").get(0).get("status").asText()).as("no status means executed").isEqualTo("executed");
        assertThat(Instant.parse(view.get("replays").get(0).get("performedAt").asText())).isEqualTo("2025-01-10T12:00:00Z");
        assertThat(ids(view.get("scheduledReplays"))).as("falls back to scheduled_replays").containsExactly("kept-schedule");
        assertThat(view.get("scheduledReplays").get(0).get("status").asText()).isEqualTo("scheduled");
        assertThat(ids(view.get("refills"))).containsExactly("kept-refill");
        assertThat(view.get("providerOrderId").asText()).as("falls back to provider_order_id").isEqualTo("4711");

        JsonNode bare = reply.json().get(1);
        assertThat(bare.get("payload").isNull()).isTrue();
        assertThat(bare.get("amount").isNull()).isTrue();
        assertThat(bare.get("providerOrderId").isNull()).isTrue();
        assertThat(bare.get("replays")).isEmpty();
        assertThat(bare.get("scheduledReplays")).isEmpty();
        assertThat(bare.get("refills")).isEmpty();
    }

    @Test
    void theLiteralByOrderPathIsNotTakenForAProviderId() {
        // a provider literally named "orders" must neither shadow orders/by-order/... nor be shadowed by it
        String providerId = provider("orders");
        UUID[] order = order();
        UUID own = providerOrder(providerId, order, "2025-01-09T09:00:00Z", "{}");
        UUID other = providerOrder(provider(uniqueProvider()), order, "2025-01-10T09:00:00Z", "{}");

        assertThat(ids(api.get(BASE + "orders/by-order/" + order[0]).json())).containsExactly(other.toString(), own.toString());
        assertThat(ids(api.get(BASE + "orders/orders").json())).contains(own.toString()).doesNotContain(other.toString());
        assertThat(api.get(BASE + "orders/by-order/not-a-uuid").status()).as("validated, not looked up").isEqualTo(422);
        assertThat(api.get(BASE + "automation/status").status()).isEqualTo(200);
    }
}
