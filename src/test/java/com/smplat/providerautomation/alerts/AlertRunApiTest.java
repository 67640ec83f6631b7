package com.smplat.providerautomation.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.AdvisoryLocks;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole alert runs against the real database (the shared test context configures no Slack or SMTP, so delivery
 * is "skipped"; the delivery routes have their own tests against GreenMail and WireMock).
 */
@ServiceTest
class AlertRunApiTest {
    private static final String RUN = "/api/v1/fulfillment/providers/automation/alerts/run";
    private static final String FAILED_REPLAYS = """
            {"replays": [{"id": "r1", "status": "failed"}, {"id": "r2", "status": "failed"}, {"id": "r3", "status": "executed"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    AdvisoryLocks locks;

    ApiClient api;
    ProviderOrderFixtures fixtures;
    String providerId;

    @BeforeEach
    void failingProvider() {
        api = new ApiClient(port);
        fixtures = new ProviderOrderFixtures(jdbc);
        providerId = ProviderOrderFixtures.uniqueId("prov-alerting");
        fixtures.provider(providerId, "Alerting " + providerId, "{}");
        fixtures.providerOrder(providerId, "svc-alert", BigDecimal.TEN, FAILED_REPLAYS);
        fixtures.providerOrder(providerId, "svc-alert", BigDecimal.TEN, FAILED_REPLAYS);
    }

    private JsonNode runNow() {
        ApiClient.Reply reply = api.send(api.request(RUN).header("X-API-Key", ServiceTest.API_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode find(JsonNode list, String providerId) {
        for (JsonNode entry : list) {
            if (providerId.equals(entry.path("providerId").asText())) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void aBreachingProviderAlertsIsPausedAndResumedWhenItClears() throws Exception {
        JsonNode run = runNow();
        JsonNode summary = run.get("summary");
        assertThat(run.get("metadata").isNull()).isTrue();
        JsonNode alert = find(summary.get("alertsDigest"), providerId);
        assertThat(alert).isNotNull();
        assertThat(Json.MAPPER.convertValue(alert.get("reasons"), String[].class)).containsExactly("4/6 replay failures");
        JsonNode paused = find(summary.get("autoPausedProviders"), providerId);
        assertThat(paused.get("notes").asText()).isEqualTo("Auto pause triggered by provider automation alerts worker");
        assertThat(summary.get("notificationDelivery").get("email").get("status").asText()).isEqualTo("skipped");
        assertThat(summary.get("notificationDelivery").get("slack").get("status").asText()).isEqualTo("skipped");
        assertThat(summary.get("alertsSent").asInt()).isEqualTo(summary.get("alerts").asInt());
        assertThat(jdbc.queryForMap("SELECT is_paused, last_source FROM provider_guardrail_status WHERE provider_id = ?", providerId))
                .containsEntry("is_paused", true).containsEntry("last_source", "automation");

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT status, alerts_sent, metadata_json::text AS metadata FROM provider_automation_runs
                 WHERE run_type = 'alert' ORDER BY created_at DESC, seq DESC LIMIT 1""");
        assertThat(row.get("status")).isEqualTo(summary.get("status").asText());
        JsonNode metadata = Json.MAPPER.readTree((String) row.get("metadata"));
        assertThat(metadata.fieldNames()).toIterable()
                .contains("alertsDigest", "loadAlertsDigest", "autoPausedProviders", "autoResumedProviders");
        JsonNode status = api.get("/api/v1/fulfillment/providers/automation/status").json();
        assertThat(status.get("alerts").get("ranAt")).isEqualTo(run.get("ranAt"));

        JsonNode again = runNow().get("summary");
        assertThat(find(again.get("autoPausedProviders"), providerId)).as("already paused: never duplicated").isNull();

        jdbc.update("DELETE FROM fulfillment_provider_orders WHERE provider_id = ?", providerId);
        JsonNode cleared = runNow().get("summary");
        JsonNode resumed = find(cleared.get("autoResumedProviders"), providerId);
        assertThat(resumed.get("previousFollowUpId").asText()).isEqualTo(paused.get("followUpId").asText());
        assertThat(jdbc.queryForObject("SELECT is_paused FROM provider_guardrail_status WHERE provider_id = ?", Boolean.class, providerId))
                .isFalse();
    }

    @Test
    void aManualPauseIsNeverResumedByTheAutomation() {
        jdbc.update("DELETE FROM fulfillment_provider_orders WHERE provider_id = ?", providerId);
        api.postJson("/api/v1/reporting/guardrails/followups", "{\"providerId\": \"%s\", \"action\": \"pause\"}".formatted(providerId));
        JsonNode summary = runNow().get("summary");
        assertThat(find(summary.get("autoResumedProviders"), providerId)).isNull();
        assertThat(jdbc.queryForObject("SELECT is_paused FROM provider_guardrail_status WHERE provider_id = ?", Boolean.class, providerId))
                .isTrue();
    }

    @Test
    void aScheduledFiringWhileDisabledIsSkipped() throws Exception {
        Object result = producer.requestBodyAndHeader("direct:alert-run", null, "alertTrigger", "schedule");
        assertThat(Json.write(result)).isEqualTo("{\"alertsSent\":0,\"skipped\":true,\"reason\":\"disabled\"}");
    }

    @Test
    void oneRunAtATimeAcrossTheCluster() {
        try (AdvisoryLocks.Lease held = locks.tryAcquire(AlertRuns.PIPELINE_LOCK).orElseThrow()) {
            ApiClient.Reply reply = api.send(api.request(RUN).header("X-API-Key", ServiceTest.API_KEY)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.json().get("detail").asText()).isEqualTo("Alert evaluation already running");
            assertThatThrownBy(() -> producer.requestBodyAndHeader("direct:alert-run", null, "alertTrigger", "command"))
                    .isInstanceOf(CamelExecutionException.class);
        }
    }

    @Test
    void theFixedDelayTriggerLivesInTheClusteredJobStore() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM qrtz_simple_triggers WHERE trigger_name = 'alert-run'", Integer.class))
                .isEqualTo(1);
        assertThat(api.send(api.request("/actuator/health/readiness").GET()).json().get("components")
                .get("provider_automation_alerts").get("details").get("state").asText()).isEqualTo("disabled");
    }

    @Test
    void theRunNeedsTheOperatorKey() {
        assertThat(api.send(api.request(RUN).POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(401);
    }
}
