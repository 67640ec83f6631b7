package com.smplat.providerautomation.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.config.AlertSettings;
import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.history.AutomationSnapshot;
import com.smplat.providerautomation.history.RunHistoryRepository;
import com.smplat.providerautomation.support.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The alert run's stage rules (alerts.md 8.4, 9, 11.1) with a chosen snapshot and delivery and the real database for
 * the playbook, cooldown state and history.
 */
@ServiceTest
class AlertRunStagesTest {
    private static final int COOLDOWN = 100;

    @Autowired
    GuardrailPlaybook playbook;

    @Autowired
    NotificationStateRepository notificationState;

    @Autowired
    RunHistoryRepository history;

    @Autowired
    JdbcTemplate jdbc;

    String providerId;
    List<AutomationSnapshot.ProviderSnapshot> snapshot;
    RuntimeException snapshotFailure;
    RuntimeException loadFailure;
    List<ObjectNode> loadAlerts;
    DeliveryReport deliveryReport;
    final List<Boolean> dispatched = new ArrayList<>();

    private final AlertSettings settings = AlertSettings.from(EnvSource.of(Map.of(
            "PROVIDER_AUTOMATION_ALERT_COOLDOWN_SECONDS", String.valueOf(COOLDOWN),
            "FRONTEND_URL", "https://admin.example.com")));

    @BeforeEach
    void oneProvider() {
        providerId = ProviderOrderFixtures.uniqueId("prov-stage");
        loadAlerts = List.of();
        snapshotFailure = null;
        loadFailure = null;
        deliveryReport = report(true, List.of());
        dispatched.clear();
    }

    private static DeliveryReport report(boolean delivered, List<ObjectNode> errors) {
        ObjectNode delivery = Json.MAPPER.createObjectNode().put("dispatched", true);
        return new DeliveryReport(delivery, errors, delivered);
    }

    private void telemetry(int fails, int warns, int replayFailed) {
        ObjectNode telemetry = (ObjectNode) Json.MAPPER.valueToTree(Map.of(
                "totalOrders", 10,
                "replays", Map.of("total", 10, "executed", 10 - replayFailed, "failed", replayFailed, "scheduled", 0),
                "guardrails", Map.of("evaluated", 10, "pass", 10 - fails - warns, "warn", warns, "fail", fails),
                "guardrailHitsByService", Map.of(),
                "ruleOverridesByService", Map.of()));
        snapshot = List.of(new AutomationSnapshot.ProviderSnapshot(providerId, "Stage Provider", telemetry));
    }

    private JsonNode run() {
        AutomationSnapshot source = new AutomationSnapshot(null) {
            @Override
            public List<ProviderSnapshot> providers(int limitPerProvider) {
                if (snapshotFailure != null) {
                    throw snapshotFailure;
                }
                return snapshot;
            }
        };
        AlertRun run = new AlertRun(settings, source, playbook, notificationState, history);
        return run.run(new AlertRun.Stages() {
            @Override
            public List<ObjectNode> loadAlerts(Instant now) {
                if (loadFailure != null) {
                    throw loadFailure;
                }
                return loadAlerts;
            }

            @Override
            public Optional<JsonNode> workflowTelemetry() {
                return Optional.empty();
            }

            @Override
            public DeliveryReport deliver(boolean due, AlertMessages.Content content) {
                dispatched.add(due);
                return deliveryReport;
            }

            @Override
            public void postFollowUp(JsonNode actionEntry, boolean nowPaused) {
            }
        }).get("summary");
    }

    private void lastNotifiedSecondsAgo(String fingerprint, int seconds) {
        jdbc.update("UPDATE provider_alert_notification_state SET last_notified_at = now() - make_interval(secs => ?) WHERE fingerprint = ?",
                seconds, fingerprint);
    }

    @Test
    void anAlertIsNotifiedAgainExactlyWhenTheCooldownHasPassed() {
        telemetry(0, 5, 0);
        String fingerprint = "automation|" + providerId + "|guardrail-warn";
        JsonNode first = run();
        assertThat(first.get("alertsSent").asInt()).isEqualTo(1);
        assertThat(first.get("alertsSuppressed").asInt()).isZero();

        JsonNode second = run();
        assertThat(second.get("alertsSuppressed").asInt()).isEqualTo(1);
        assertThat(second.get("alertsSent").asInt()).isZero();
        assertThat(second.get("alertsDigest")).as("suppression never hides data").hasSize(1);
        assertThat(dispatched).containsExactly(true, false);

        lastNotifiedSecondsAgo(fingerprint, COOLDOWN - 1);
        assertThat(run().get("alertsSuppressed").asInt()).as("at K - 1 s").isEqualTo(1);
        lastNotifiedSecondsAgo(fingerprint, COOLDOWN);
        assertThat(run().get("alertsSent").asInt()).as("at K s").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT notify_count FROM provider_alert_notification_state WHERE fingerprint = ?",
                Integer.class, fingerprint)).isEqualTo(2);
    }

    @Test
    void anEscalationIsANewFingerprintAndNotifiedAtOnce() {
        telemetry(0, 5, 0);
        run();
        telemetry(3, 5, 0);
        JsonNode escalated = run();
        assertThat(escalated.get("alertsSent").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_alert_notification_state WHERE provider_id = ?",
                Integer.class, providerId)).isEqualTo(2);
        assertThat(escalated.get("autoPaused").asInt()).as("a fail breach pauses").isGreaterThanOrEqualTo(1);
    }

    @Test
    void warnOnlyAlertsNeverPause() {
        telemetry(0, 7, 2);
        JsonNode summary = run();
        assertThat(summary.get("alerts").asInt()).isEqualTo(1);
        assertThat(summary.get("autoPausedProviders").toString()).doesNotContain(providerId);
    }

    @Test
    void nothingIsRememberedWhenNoChannelDelivered() {
        telemetry(0, 5, 0);
        deliveryReport = report(false, List.of(AlertRun.error("slack", "http-500")));
        JsonNode summary = run();
        assertThat(summary.get("status").asText()).isEqualTo("partial");
        assertThat(run().get("alertsSent").asInt()).as("tried again on the next run").isEqualTo(1);
    }

    @Test
    void oneFailedChannelMakesThePartialStatusButStillCountsAsDelivered() {
        telemetry(0, 5, 0);
        deliveryReport = report(true, List.of(AlertRun.error("slack", "http-500")));
        JsonNode summary = run();
        assertThat(summary.get("status").asText()).isEqualTo("partial");
        assertThat(summary.get("errors").get(0).get("code").asText()).isEqualTo("http-500");
        assertThat(run().get("alertsSuppressed").asInt()).isEqualTo(1);
    }

    @Test
    void aFailedSnapshotSkipsThePlaybookAndResumesNothing() {
        telemetry(3, 0, 0);
        run();
        assertThat(jdbc.queryForObject("SELECT is_paused FROM provider_guardrail_status WHERE provider_id = ?", Boolean.class, providerId))
                .isTrue();
        snapshotFailure = new IllegalStateException("database went away");
        JsonNode summary = run();
        assertThat(summary.get("status").asText()).isEqualTo("partial");
        assertThat(summary.get("errors").get(0).get("stage").asText()).isEqualTo("snapshot");
        assertThat(summary.get("errors").get(0).get("code").asText()).isEqualTo("internal-error");
        assertThat(summary.get("errors").toString()).doesNotContain("database went away");
        assertThat(summary.get("alerts").asInt()).isZero();
        assertThat(summary.get("autoResumed").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT is_paused FROM provider_guardrail_status WHERE provider_id = ?", Boolean.class, providerId))
                .isTrue();

        loadFailure = new IllegalStateException("load query failed");
        JsonNode failed = run();
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("loadAlertsDigest")).isEmpty();
    }

    @Test
    void loadAlertsGetAbsoluteLinksAndTheirOwnFingerprints() throws Exception {
        telemetry(0, 0, 0);
        loadAlerts = List.of((ObjectNode) Json.MAPPER.readTree("""
                {"providerId": "%s", "providerName": "Stage Provider", "presetId": "preset-x", "presetLabel": "X",
                 "serviceId": "svc", "serviceAction": null, "currency": "USD", "shortWindowDays": 7, "longWindowDays": 90,
                 "shortShare": 0.8, "longShare": 0.2, "shareDelta": 0.6, "shortEngagements": 12, "longEngagements": 20,
                 "shortAmountTotal": 10.0, "longAmountTotal": 20.0,
                 "links": {"merchandising": "/admin/merchandising?presetId=preset-x"}}""".formatted(providerId)));
        JsonNode summary = run();
        assertThat(summary.get("loadAlerts").asInt()).isEqualTo(1);
        assertThat(summary.get("loadAlertsSent").asInt()).isEqualTo(1);
        assertThat(summary.get("loadAlertsDigest").get(0).get("links").get("merchandising").asText())
                .isEqualTo("https://admin.example.com/admin/merchandising?presetId=preset-x");
        assertThat(run().get("loadAlertsSuppressed").asInt()).isEqualTo(1);
    }
}
