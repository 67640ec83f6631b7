package com.smplat.providerautomation.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceTest
class AutomationSnapshotApiTest {
    private static final String SNAPSHOT = "/api/v1/fulfillment/providers/automation/snapshot";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AutomationSnapshot automationSnapshot;

    ApiClient api;
    final List<String> providerIds = new ArrayList<>();
    final List<UUID> orderIds = new ArrayList<>();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** Other test classes share the database: remove exactly what this test added. */
    @AfterEach
    void removeTestRows() {
        orderIds.forEach(id -> jdbc.update("DELETE FROM orders WHERE id = ?", id));
        providerIds.forEach(id -> jdbc.update("DELETE FROM fulfillment_providers WHERE id = ?", id));
    }

    private void provider(String id, String name) {
        jdbc.update("INSERT INTO fulfillment_providers (id, name) VALUES (?, ?)", id, name);
        providerIds.add(id);
    }

    /** A provider order (with its order and order item), created at {@code createdAt}. */
    private void providerOrder(String providerId, String serviceId, String amount, String payload, String createdAt) {
        UUID orderId = UUID.randomUUID();
        UUID itemId = UUID.randomUUID();
        Timestamp created = Timestamp.from(Instant.parse(createdAt));
        jdbc.update("INSERT INTO orders (id, created_at) VALUES (?, ?)", orderId, created);
        orderIds.add(orderId);
        jdbc.update("INSERT INTO order_items (id, order_id, created_at) VALUES (?, ?, ?)", itemId, orderId, created);
        jdbc.update("""
                INSERT INTO fulfillment_provider_orders (order_id, order_item_id, provider_id, service_id, amount, payload, created_at)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?)""",
                orderId, itemId, providerId, serviceId, amount == null ? null : new BigDecimal(amount), payload, created);
    }

    private JsonNode snapshot(String query) {
        ApiClient.Reply reply = api.get(SNAPSHOT + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode entry(JsonNode snapshot, String providerId) {
        return StreamSupport.stream(snapshot.get("providers").spliterator(), false)
                .filter(provider -> provider.get("id").asText().equals(providerId))
                .findFirst().orElseThrow(() -> new AssertionError("no snapshot entry for " + providerId));
    }

    private static List<String> ids(JsonNode snapshot) {
        return StreamSupport.stream(snapshot.get("providers").spliterator(), false).map(p -> p.get("id").asText()).toList();
    }

    @Test
    void theSpecExampleProviderGetsExactlyTheSpecTelemetry() throws Exception {
        provider("prov-snapshot", "Snapshot Provider");
        providerOrder("prov-snapshot", "svc-snapshot", "100.00", """
                {"providerCostAmount": "75", "guardrails": {"minimumMarginPercent": 20, "warningMarginPercent": 30},
                 "replays": [{"status": "executed"}, {"status": "failed"}],
                 "scheduledReplays": [{"status": "scheduled"}],
                 "serviceRules": [{"id": "rule-margin", "label": "Margin override"}, {"id": "rule-drip", "label": "Drip failover"}]}""",
                "2025-01-10T12:00:00Z");

        JsonNode snapshot = snapshot("");
        JsonNode entry = entry(snapshot, "prov-snapshot");
        assertThat(entry).isEqualTo(Json.MAPPER.readTree("""
                {"id": "prov-snapshot", "name": "Snapshot Provider",
                 "telemetry": {
                   "totalOrders": 1,
                   "replays": {"total": 2, "executed": 1, "failed": 1, "scheduled": 1},
                   "guardrails": {"evaluated": 1, "pass": 0, "warn": 1, "fail": 0},
                   "guardrailHitsByService": {"svc-snapshot": {"evaluated": 1, "pass": 0, "warn": 1, "fail": 0}},
                   "ruleOverridesByService": {"svc-snapshot": {"totalOverrides": 2, "rules": {
                     "rule-margin": {"id": "rule-margin", "label": "Margin override", "count": 1},
                     "rule-drip": {"id": "rule-drip", "label": "Drip failover", "count": 1}}}}}}"""));
        assertThat(snapshot.fieldNames()).toIterable().containsExactly("aggregated", "providers");
        assertThat(entry.fieldNames()).toIterable().containsExactly("id", "name", "telemetry");
        assertThat(entry.get("telemetry").fieldNames()).toIterable()
                .containsExactly("totalOrders", "replays", "guardrails", "guardrailHitsByService", "ruleOverridesByService");
        assertThat(entry.get("telemetry").get("ruleOverridesByService").get("svc-snapshot").get("rules").fieldNames())
                .toIterable().containsExactly("rule-margin", "rule-drip");
        assertThat(snapshot.get("aggregated").fieldNames()).toIterable()
                .containsExactly("totalOrders", "replays", "guardrails", "guardrailHitsByService", "ruleOverridesByService");
        assertThat(entry(snapshot, "xyz").get("name").asText()).isEqualTo("XYZ Growth Network");
    }

    @Test
    void eachProviderIsSampledToItsNewestOrders() {
        String failedReplay = "{\"replays\": [{\"status\": \"failed\"}]}";
        String executedReplay = "{\"replays\": [{\"status\": \"executed\"}]}";
        provider("snap-limit", "Snapshot Limit");
        providerOrder("snap-limit", "svc-limit", "10.00", failedReplay, "2025-01-01T00:00:00Z");
        providerOrder("snap-limit", "svc-limit", "10.00", executedReplay, "2025-01-03T00:00:00Z");
        providerOrder("snap-limit", "svc-limit", "10.00", executedReplay, "2025-01-02T00:00:00Z");
        provider("snap-limit-other", "Snapshot Limit Other");
        providerOrder("snap-limit-other", "svc-other", "10.00", failedReplay, "2025-01-04T00:00:00Z");

        JsonNode two = entry(snapshot("?limitPerProvider=2"), "snap-limit").get("telemetry");
        assertThat(two.get("totalOrders").asInt()).isEqualTo(2);
        assertThat(two.get("replays").get("failed").asInt()).as("the oldest order is pushed out").isZero();
        assertThat(two.get("replays").get("executed").asInt()).isEqualTo(2);

        JsonNode defaults = snapshot("");
        assertThat(entry(defaults, "snap-limit").get("telemetry").get("totalOrders").asInt()).isEqualTo(3);
        assertThat(entry(defaults, "snap-limit").get("telemetry").get("replays").get("failed").asInt()).isEqualTo(1);

        JsonNode one = snapshot("?limitPerProvider=1");
        assertThat(entry(one, "snap-limit").get("telemetry").get("replays").get("executed").asInt()).isEqualTo(1);
        assertThat(entry(one, "snap-limit-other").get("telemetry").get("totalOrders").asInt()).as("limit is per provider").isEqualTo(1);
        assertThat(snapshot("?limitPerProvider=250").get("providers")).isNotEmpty();
    }

    @Test
    void everyCatalogProviderIsListedByNameThenIdAndUnknownProvidersAreLeftOut() {
        provider("snap-order-b", "Snapshot Same Name");
        provider("snap-order-a", "Snapshot Same Name");
        provider("snap-order-c", "Snapshot Alpha");
        provider("snap-order-d", "snapshot lower case");
        jdbc.update("UPDATE fulfillment_providers SET status = 'inactive' WHERE id = 'snap-order-c'");
        providerOrder("snap-ghost", "svc-ghost", "10.00", "{\"replays\": [{\"status\": \"failed\"}]}", "2025-01-05T00:00:00Z");

        JsonNode snapshot = snapshot("?limitPerProvider=5");
        List<Map<String, Object>> catalog = jdbc.queryForList("SELECT id, name FROM fulfillment_providers");
        List<String> expected = catalog.stream()
                .sorted(Comparator.comparing((Map<String, Object> row) -> (String) row.get("name"))
                        .thenComparing(row -> (String) row.get("id")))
                .map(row -> (String) row.get("id")).toList();
        assertThat(ids(snapshot)).as("code point order of name, then id").containsExactlyElementsOf(expected);
        assertThat(ids(snapshot)).containsSubsequence("snap-order-c", "snap-order-a", "snap-order-b", "snap-order-d");
        assertThat(ids(snapshot)).doesNotContain("snap-ghost");
        assertThat(entry(snapshot, "snap-order-a").get("telemetry").get("totalOrders").asInt()).isZero();
    }

    @Test
    void theBeanServesTheSameEntriesToOtherCapabilities() {
        provider("snap-bean", "Snapshot Bean");
        providerOrder("snap-bean", "svc-bean", "0", "{\"providerCostAmount\": 1, \"guardrails\": {}}", "2025-01-06T00:00:00Z");

        List<AutomationSnapshot.ProviderSnapshot> entries = automationSnapshot.providers(25);
        JsonNode served = snapshot("");
        assertThat(entries.stream().map(AutomationSnapshot.ProviderSnapshot::id).toList()).isEqualTo(ids(served));
        AutomationSnapshot.ProviderSnapshot bean = entries.stream().filter(e -> e.id().equals("snap-bean")).findFirst().orElseThrow();
        assertThat(bean.name()).isEqualTo("Snapshot Bean");
        assertThat(bean.telemetry()).isEqualTo(entry(served, "snap-bean").get("telemetry"));
        assertThat(bean.telemetry().get("guardrails").get("evaluated").asInt()).as("a zero price is idle").isEqualTo(1);
        assertThat(bean.telemetry().get("guardrailHitsByService").get("svc-bean").get("pass").asInt()).isZero();
    }

    @Test
    void aLimitOutside1To250IsRejectedBeforeAnyRead() {
        for (String bad : List.of("0", "251", "abc", "-1", "2.5")) {
            ApiClient.Reply reply = api.get(SNAPSHOT + "?limitPerProvider=" + bad);
            assertThat(reply.status()).as(bad).isEqualTo(422);
            assertThat(reply.json().get("detail").asText()).isEqualTo("limitPerProvider must be an integer between 1 and 250");
        }
    }
}
