package com.smplat.providerautomation.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.alerts.DeliveryTargets;
import com.smplat.providerautomation.alerts.MailServer;
import com.smplat.providerautomation.alerts.NotificationDelivery;
import com.smplat.providerautomation.exports.ExportOutcome;
import com.smplat.providerautomation.exports.FollowUpExportRequest;
import com.smplat.providerautomation.exports.RunHistoryExportRequest;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The domain metrics on {@code /actuator/prometheus} move after real runs: replay batches against a WireMock provider,
 * alert runs and deliveries to WireMock (Slack) and GreenMail, exports to files. Counters are compared before and after
 * (the context, and so the registry, is shared with other tests); database gauges are awaited past their cache.
 */
@ServiceTest
class DomainMetricsServiceTest {
    private static final Duration GAUGE_CACHE = Duration.ofSeconds(25);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    NotificationDelivery delivery;

    @TempDir
    Path dir;

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(port);
    }

    @Test
    void replayEntriesCountByProviderAndOutcomeAndTheDueBacklogIsAGauge() {
        ProviderOrderFixtures fixtures = new ProviderOrderFixtures(jdbc);
        String providerId = ProviderOrderFixtures.uniqueId("prov-metrics");
        String path = "/" + providerId + "/orders";
        fixtures.providerWithOrderEndpoint(providerId, ProviderStub.baseUrl() + path, "{\"amount\": \"{{requestedAmount}}\"}");
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\": true}")));
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.amount", equalTo("66.0")))
                .willReturn(aResponse().withStatus(503)));
        String anHourAgo = Instant.now().minusSeconds(3600).toString();
        fixtures.providerOrder(providerId, "svc-metrics", null, "{\"scheduledReplays\": [{\"id\": \"m-ok\", \"scheduledFor\": \""
                + anHourAgo + "\", \"requestedAmount\": 10}, {\"id\": \"m-fail\", \"scheduledFor\": \"" + anHourAgo
                + "\", \"requestedAmount\": 66}]}");

        await().atMost(GAUGE_CACHE).untilAsserted(() -> {
            PrometheusScrape due = scrape();
            assertThat(due.value("provider_automation_replay_backlog_entries")).isGreaterThanOrEqualTo(2);
            assertThat(due.value("provider_automation_replay_oldest_due_age_seconds")).isGreaterThanOrEqualTo(3500);
        });
        PrometheusScrape before = scrape();

        producer.requestBodyAndHeaders("direct:replay-batch", null, Map.of("replayTrigger", "manual", "limit", 500));

        PrometheusScrape after = scrape();
        String entries = "provider_automation_replay_entries_total";
        assertThat(after.value(entries, Map.of("provider", providerId, "outcome", "succeeded"))).isEqualTo(1);
        assertThat(after.value(entries, Map.of("provider", providerId, "outcome", "failed"))).isEqualTo(1);
        assertThat(after.value("provider_automation_replay_batch_duration_seconds_count"))
                .isEqualTo(before.value("provider_automation_replay_batch_duration_seconds_count") + 1);
        assertThat(after.has("provider_automation_replay_batch_duration_seconds_bucket")).as("a histogram").isTrue();
        await().atMost(GAUGE_CACHE).untilAsserted(() ->
                assertThat(scrape().value("provider_automation_replay_oldest_due_age_seconds")).isLessThan(3500));
    }

    @Test
    void alertRunsRaisedAlertsAndPlaybookPausesAreCounted() {
        ProviderOrderFixtures fixtures = new ProviderOrderFixtures(jdbc);
        String providerId = ProviderOrderFixtures.uniqueId("prov-metrics-alerting");
        fixtures.provider(providerId, "Alerting " + providerId, "{}");
        String failedReplays = "{\"replays\": [{\"id\": \"r1\", \"status\": \"failed\"}, {\"id\": \"r2\", \"status\": \"failed\"}]}";
        fixtures.providerOrder(providerId, "svc-alert", BigDecimal.TEN, failedReplays);
        fixtures.providerOrder(providerId, "svc-alert", BigDecimal.TEN, failedReplays);
        PrometheusScrape before = scrape();

        ApiClient api = new ApiClient(port);
        ApiClient.Reply run = api.send(api.request("/api/v1/fulfillment/providers/automation/alerts/run")
                .header("X-API-Key", ServiceTest.API_KEY).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(run.status()).as(run.body()).isEqualTo(200);

        PrometheusScrape after = scrape();
        String status = run.json().get("summary").get("status").asText();
        assertThat(after.value("provider_automation_alert_runs_total", Map.of("status", status)))
                .isEqualTo(before.value("provider_automation_alert_runs_total", Map.of("status", status)) + 1);
        String raised = "provider_automation_alerts_raised_total";
        assertThat(after.value(raised, Map.of("kind", "automation")))
                .isEqualTo(before.value(raised, Map.of("kind", "automation")) + run.json().get("summary").get("alerts").asInt())
                .isGreaterThan(before.value(raised, Map.of("kind", "automation")));
        assertThat(after.text().lines().filter(line -> line.startsWith(raised + "{")).anyMatch(line -> line.contains("kind=\"load\"")))
                .as("registered at zero").isTrue();
        String actions = "provider_automation_playbook_actions_total";
        assertThat(after.value(actions, Map.of("action", "pause"))).isEqualTo(before.value(actions, Map.of("action", "pause")) + 1);
        // the pause recorded a follow-up just now; moved out of the way of the export tests' "a minute ago" rows
        jdbc.update("UPDATE provider_guardrail_followup SET created_at = created_at - interval '1 hour' WHERE provider_id = ?",
                providerId);
    }

    @Test
    void notificationsCountByChannelAndOutcome() {
        String hook = "/" + ProviderOrderFixtures.uniqueId("slack-metrics");
        String refusingHook = hook + "-refused";
        ProviderStub.server().stubFor(post(urlPathEqualTo(hook)).willReturn(aResponse().withStatus(200).withBody("ok")));
        ProviderStub.server().stubFor(post(urlPathEqualTo(refusingHook)).willReturn(aResponse().withStatus(400)));
        MailServer mail = new MailServer();
        mail.start();
        String metric = "provider_automation_notifications_total";
        PrometheusScrape before = scrape();
        try {
            delivery.deliver(slack(ProviderStub.baseUrl() + hook), true, "s", "b", "{\"text\": \"t\"}");
            delivery.deliver(slack(ProviderStub.baseUrl() + refusingHook), true, "s", "b", "{\"text\": \"t\"}");
            delivery.deliver(new DeliveryTargets(Optional.empty(), false, Optional.empty(), List.of("ops@metrics.example",
                    "oncall@metrics.example"), List.of(), Optional.of("127.0.0.1"), mail.port(), Optional.empty(),
                    Optional.empty(), false, Optional.of("alerts@sender.example"), 1, 0), true, "s", "b", null);
        } finally {
            mail.stop();
        }

        PrometheusScrape after = scrape();
        for (var expected : Map.of(List.of("slack", "delivered"), 1, List.of("slack", "failed"), 1,
                List.of("email", "delivered"), 2, List.of("email", "failed"), 0).entrySet()) {
            Map<String, String> labels = Map.of("channel", expected.getKey().get(0), "outcome", expected.getKey().get(1));
            assertThat(after.value(metric, labels)).as(labels.toString())
                    .isEqualTo(before.value(metric, labels) + expected.getValue());
        }
    }

    private static DeliveryTargets slack(String url) {
        return new DeliveryTargets(Optional.of(url), false, Optional.empty(), List.of(), List.of(), Optional.empty(),
                587, Optional.empty(), Optional.empty(), true, Optional.empty(), 1, 0);
    }

    @Test
    void exportRowsPagesAndBytesMovePerPageAndRunsCountByPipelineAndStatus() {
        String providerId = ProviderOrderFixtures.uniqueId("gf-metrics");
        for (int i = 0; i < 5; i++) {
            jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, created_at) VALUES (?, 'pause', ?)",
                    providerId, Timestamp.from(Instant.now().minusSeconds(600 - i)));
        }
        PrometheusScrape before = scrape();
        Map<String, String> followUps = Map.of("pipeline", "follow-ups");

        ExportOutcome outcome = producer.requestBody("direct:followup-export", new FollowUpExportRequest("command", 100, null, providerId,
                FollowUpExportRequest.Sink.file, dir.resolve("out.ndjson"), null, null, FollowUpExportRequest.CursorStoreKind.none, null, 2, 0, 0, 5,
                null, null, null, null), ExportOutcome.class);
        assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
        String rejected = producer.requestBody("direct:followup-export", new FollowUpExportRequest("command", 100, null, providerId,
                FollowUpExportRequest.Sink.webhook, null, "http://127.0.0.1:1/closed", null, FollowUpExportRequest.CursorStoreKind.none, null, 2, 0, 0, 5,
                null, null, null, null), ExportOutcome.class).category();
        assertThat(rejected).isEqualTo("sink");
        String report = producer.requestBody("direct:run-history-export", new RunHistoryExportRequest("command", null, null, 5, "json",
                dir.resolve("runs.json"), null, 15_000, 1000), String.class);

        PrometheusScrape after = scrape();
        assertThat(after.value("provider_automation_export_rows_total", followUps) - before.value("provider_automation_export_rows_total", followUps))
                .isEqualTo(5);
        assertThat(after.value("provider_automation_export_pages_total", followUps) - before.value("provider_automation_export_pages_total", followUps))
                .as("pages of 2").isEqualTo(3);
        assertThat(after.value("provider_automation_export_bytes_total", followUps) - before.value("provider_automation_export_bytes_total", followUps))
                .isEqualTo((double) dir.resolve("out.ndjson").toFile().length());
        String runs = "provider_automation_export_runs_total";
        assertThat(after.value(runs, Map.of("pipeline", "follow-ups", "status", "succeeded")))
                .isEqualTo(before.value(runs, Map.of("pipeline", "follow-ups", "status", "succeeded")) + 1);
        assertThat(after.value(runs, Map.of("pipeline", "follow-ups", "status", "failed")))
                .isEqualTo(before.value(runs, Map.of("pipeline", "follow-ups", "status", "failed")) + 1);
        Map<String, String> runHistory = Map.of("pipeline", "run-history");
        assertThat(after.value(runs, Map.of("pipeline", "run-history", "status", "succeeded")))
                .isEqualTo(before.value(runs, Map.of("pipeline", "run-history", "status", "succeeded")) + 1);
        assertThat(after.value("provider_automation_export_rows_total", runHistory)
                - before.value("provider_automation_export_rows_total", runHistory))
                .as(report).isEqualTo(Double.parseDouble(report.replaceAll(".*\"rows\": (\\d+).*", "$1")));
    }

    /**
     * A triggered run moves the shared unfiltered cursor; it is put back afterwards, because other tests' managed runs
     * expect their rows (created a minute ago) after it.
     */
    @Test
    void aManagedExportRunSetsTheLastSuccessAndTheCursorLagFromTheDatabase() {
        String cursorRow = "SELECT cursor, last_follow_up_id, provider_id, rows, updated_at FROM export_cursors"
                + " WHERE pipeline = 'guardrail-followups' AND provider_scope = ''";
        List<Map<String, Object>> saved = jdbc.queryForList(cursorRow);
        jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, created_at) VALUES ('prov-metrics-lag', 'pause', now() - interval '1 minute')");
        double startedAt = Instant.now().getEpochSecond() - 1;
        ApiClient api = new ApiClient(port);
        try {
            ApiClient.Reply accepted = api.send(api.request("/api/v1/reporting/guardrails/followups/export/run")
                    .header("Authorization", "Bearer " + ServiceTest.TRIGGER_TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            String runId = accepted.json().get("runId").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> !"running".equals(jdbc.queryForObject(
                    "SELECT status FROM export_runs WHERE run_id = CAST(? AS uuid)", String.class, runId)));

            await().atMost(GAUGE_CACHE).untilAsserted(() -> {
                PrometheusScrape gauges = scrape();
                assertThat(gauges.value("provider_automation_export_last_success_timestamp_seconds", Map.of("pipeline", "follow-ups")))
                        .isGreaterThanOrEqualTo(startedAt);
                assertThat(gauges.value("provider_automation_export_cursor_lag_seconds", Map.of("pipeline", "follow-ups")))
                        .isGreaterThanOrEqualTo(0).isLessThan(Double.POSITIVE_INFINITY);
            });
        } finally {
            jdbc.update("DELETE FROM export_cursors WHERE pipeline = 'guardrail-followups' AND provider_scope = ''");
            saved.forEach(row -> jdbc.update("""
                    INSERT INTO export_cursors (pipeline, provider_scope, cursor, last_follow_up_id, provider_id, rows, updated_at)
                    VALUES ('guardrail-followups', '', ?, ?, ?, ?, ?)""", row.get("cursor"), row.get("last_follow_up_id"),
                    row.get("provider_id"), row.get("rows"), row.get("updated_at")));
        }
    }

    @Test
    void theSchedulerGaugeSaysTheClusteredSchedulerRuns() {
        assertThat(scrape().value("provider_automation_scheduler_running")).isEqualTo(1);
    }
}
