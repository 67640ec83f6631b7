package com.smplat.providerautomation.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.AdvisoryLocks;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduled batch against a real database and a real provider stub. Each test first takes the pending entries
 * other tests left (seed-demo data included) out of the way, so counts are this test's own.
 */
@ServiceTest
class ReplayBatchTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    CamelContext camel;

    @Autowired
    AdvisoryLocks locks;

    ProviderOrderFixtures fixtures;
    String providerId;
    String path;

    @BeforeEach
    void onlyThisTestsEntriesArePending() {
        jdbc.update("UPDATE fulfillment_provider_orders SET payload = payload - 'scheduledReplays' WHERE "
                + ReplayBatchRepository.HAS_OPEN_ENTRIES);
        fixtures = new ProviderOrderFixtures(jdbc);
        providerId = ProviderOrderFixtures.uniqueId("prov-batch");
        path = "/" + providerId + "/orders";
        fixtures.providerWithOrderEndpoint(providerId, ProviderStub.baseUrl() + path,
                "{\"amount\": \"{{requestedAmount}}\", \"order\": \"{{orderId}}\"}");
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\": true}")));
    }

    private UUID order(BigDecimal amount, String scheduledReplays) {
        return fixtures.providerOrder(providerId, "svc-batch", amount,
                "{\"requestedAmount\": \"33.5\", \"serviceRules\": [{\"id\": \"rule-b\", \"label\": \"Batch rule\"}],"
                        + " \"scheduledReplays\": " + scheduledReplays + "}");
    }

    private JsonNode batch(String trigger, Integer limit) throws Exception {
        Object result = producer.requestBodyAndHeaders("direct:replay-batch", null,
                limit == null ? Map.of("replayTrigger", trigger) : Map.of("replayTrigger", trigger, "limit", limit));
        return Json.MAPPER.valueToTree(result);
    }

    private JsonNode payload(UUID id) throws Exception {
        return Json.MAPPER.readTree(fixtures.payloadText(id));
    }

    private static String ago(int minutes) {
        return Instant.now().minusSeconds(60L * minutes).toString();
    }

    @Test
    void dueEntriesRunOldestFirstUpToTheLimitAndTheRunIsRecorded() throws Exception {
        UUID first = order(new BigDecimal("150.00"), "[{\"id\": \"s-old\", \"status\": \"scheduled\", \"scheduledFor\": \"" + ago(30)
                + "\", \"requestedAmount\": null, \"currency\": \"USD\"}]");
        UUID second = order(null, "[{\"id\": \"s-newer\", \"scheduledFor\": \"" + ago(5) + "\", \"requestedAmount\": \"12.5\"},"
                + " {\"id\": \"s-future\", \"status\": \"scheduled\", \"scheduledFor\": \"2099-01-01T00:00:00Z\"}]");
        UUID third = order(null, "[{\"id\": \"s-untimed\", \"status\": \"scheduled\", \"requestedAmount\": 0},"
                + " {\"status\": \"scheduled\"}, {\"id\": \"s-done\", \"status\": \"executed\"}]");

        JsonNode run = batch("manual", 2);

        JsonNode summary = run.get("summary");
        assertThat(summary.get("processed").asInt()).isEqualTo(2);
        assertThat(summary.get("succeeded").asInt()).isEqualTo(2);
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(summary.get("scheduledBacklog").asInt()).as("s-newer and s-future; no-id entries never count").isEqualTo(2);
        assertThat(Instant.parse(summary.get("nextScheduledAt").asText())).isBefore(Instant.now());
        assertThat(summary.get("concurrency").asInt()).isEqualTo(8);
        assertThat(run.get("metadata").isNull()).isTrue();

        JsonNode untimed = payload(third).get("scheduledReplays").get(0);
        assertThat(untimed.get("status").asText()).isEqualTo("executed");
        assertThat(untimed.has("claimedAt")).isFalse();
        assertThat(untimed.get("response").get("requestedAmount").decimalValue()).as("0 is an override").isEqualByComparingTo("0");
        assertThat(untimed.get("ruleMetadata").get("rule-b").get("label").asText()).as("back-filled").isEqualTo("Batch rule");
        JsonNode old = payload(first).get("scheduledReplays").get(0);
        assertThat(old.get("status").asText()).isEqualTo("executed");
        assertThat(old.get("response").get("requestedAmount").decimalValue()).as("amount column").isEqualByComparingTo("150.0");
        assertThat(payload(first).get("providerResponse").get("accepted").asBoolean()).isTrue();
        assertThat(payload(first).get("replays").get(0).get("id").asText()).isEqualTo(old.get("response").get("id").asText());
        assertThat(payload(second).get("scheduledReplays").get(0).has("status")).as("still pending").isFalse();

        ProviderStub.server().verify(2, postRequestedFor(urlPathEqualTo(path)));
        ProviderStub.server().verify(1, postRequestedFor(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.amount", equalTo("0.0"))));

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT status, backlog_total, next_scheduled_at, summary::text AS summary FROM provider_automation_runs
                 WHERE run_type = 'replay' ORDER BY created_at DESC, seq DESC LIMIT 1""");
        assertThat(row.get("status")).isEqualTo("success");
        assertThat(row.get("backlog_total")).isEqualTo(2);
        assertThat(Json.MAPPER.readTree((String) row.get("summary"))).isEqualTo(summary);
        String events = jdbc.queryForObject("""
                SELECT string_agg(e.metadata->>'trigger' || ':' || (e.metadata->>'scheduleId'), ',') FROM order_state_events e
                  JOIN fulfillment_provider_orders po ON po.order_id = e.order_id WHERE po.id IN (?, ?)""", String.class, first, third);
        assertThat(events).contains("scheduled_replay:s-old").contains("scheduled_replay:s-untimed");

        JsonNode status = new ApiClient(port).get("/api/v1/fulfillment/providers/automation/status").json();
        assertThat(status.get("replay").get("ranAt")).isEqualTo(run.get("ranAt"));
    }

    @Test
    void anOutOfRangeTimeAHugeAmountOrAnUnstorableAnswerFailsOnlyItsEntry() throws Exception {
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.amount", equalTo("77.0")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"reference\": \"a\\u0000b\"}")));
        UUID ancient = order(null, "[{\"id\": \"ancient\", \"scheduledFor\": \"-4714-01-01T00:00:00Z\"},"
                + " {\"id\": \"far\", \"scheduledFor\": \"+999999999-12-31T23:59:59Z\"}]");
        UUID huge = order(null, "[{\"id\": \"huge\", \"scheduledFor\": \"" + ago(3) + "\", \"requestedAmount\": \"1e1000000\"}]");
        UUID unstorable = order(null, "[{\"id\": \"nul-answer\", \"scheduledFor\": \"" + ago(2) + "\", \"requestedAmount\": 77}]");
        UUID fine = order(null, "[{\"id\": \"fine\", \"scheduledFor\": \"" + ago(1) + "\"}]");
        int runsBefore = jdbc.queryForObject("SELECT count(*) FROM provider_automation_runs", Integer.class);

        JsonNode run = batch("manual", 10);

        JsonNode summary = run.get("summary");
        assertThat(summary.get("processed").asInt()).isEqualTo(5);
        assertThat(summary.get("failed").asInt()).isEqualTo(4);
        assertThat(summary.get("succeeded").asInt()).isEqualTo(1);
        assertThat(summary.has("nextScheduledAt")).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_automation_runs", Integer.class)).isEqualTo(runsBefore + 1);
        JsonNode ancientEntries = payload(ancient).get("scheduledReplays");
        assertThat(ancientEntries.get(0).get("response").get("error").asText()).isEqualTo("Invalid scheduledFor on scheduled replay");
        assertThat(ancientEntries.get(1).get("response").get("error").asText()).isEqualTo("Invalid scheduledFor on scheduled replay");
        assertThat(payload(huge).get("scheduledReplays").get(0).get("response").get("error").asText())
                .isEqualTo("Invalid requestedAmount on scheduled replay");
        JsonNode unstored = payload(unstorable).get("scheduledReplays").get(0);
        assertThat(unstored.get("status").asText()).isEqualTo("failed");
        assertThat(unstored.get("response").get("error").asText())
                .matches("Provider called, but its answer was not recorded: database error \\(reference [0-9a-f-]{36}\\)");
        assertThat(payload(fine).get("scheduledReplays").get(0).get("status").asText()).isEqualTo("executed");
    }

    @Test
    void aBatchThatBreaksRecordsACategoryAndAReferenceNeverTheSqlOrThePostgresMessage() throws Exception {
        order(null, "[{\"id\": \"before-break\", \"scheduledFor\": \"" + ago(1) + "\"}]");
        // the database refuses the batch's success record with a message naming a table and a value
        jdbc.execute("""
                CREATE FUNCTION refuse_replay_success() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.run_type = 'replay' AND NEW.status = 'success' THEN
                    RAISE EXCEPTION 'secret_table_name value out of range';
                  END IF;
                  RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER refuse_replay_success BEFORE INSERT ON provider_automation_runs"
                + " FOR EACH ROW EXECUTE FUNCTION refuse_replay_success()");
        try {
            assertThatThrownBy(() -> batch("manual", 10)).isInstanceOf(CamelExecutionException.class);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_replay_success ON provider_automation_runs");
            jdbc.execute("DROP FUNCTION refuse_replay_success()");
        }

        String stored = jdbc.queryForObject("SELECT summary->>'error' FROM provider_automation_runs WHERE run_type = 'replay'"
                + " ORDER BY created_at DESC, seq DESC LIMIT 1", String.class);
        assertThat(stored).matches("database error \\(reference [0-9a-f-]{36}\\)");
        ApiClient api = new ApiClient(port);
        for (String view : List.of("/status", "/status/history", "/snapshot")) {
            String body = api.get("/api/v1/fulfillment/providers/automation" + view).body();
            assertThat(body).doesNotContain("secret_table_name").doesNotContain("INSERT").doesNotContain("PSQLException");
        }
        assertThat(api.get("/api/v1/fulfillment/providers/automation/status").json().get("replay").get("summary").get("error")
                .asText()).isEqualTo(stored);
        // the shared database's latest replay run is a whole one again, as later tests reading /status expect
        batch("manual", 10);
    }

    @Test
    void invalidEntriesAndProviderFailuresFailTheEntryNotTheBatch() throws Exception {
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.amount", equalTo("66.0")))
                .willReturn(aResponse().withStatus(503)));
        UUID invalid = order(null, "[{\"id\": \"bad-time\", \"scheduledFor\": \"next tuesday\"},"
                + " {\"id\": \"bad-amount\", \"scheduledFor\": \"" + ago(3) + "\", \"requestedAmount\": \"-4\"}]");
        UUID failing = order(null, "[{\"id\": \"provider-down\", \"scheduledFor\": \"" + ago(2) + "\", \"requestedAmount\": 66}]");
        UUID fine = order(null, "[{\"id\": \"fine\", \"scheduledFor\": \"" + ago(1) + "\"}]");

        JsonNode summary = batch("manual", 10).get("summary");

        assertThat(summary.get("processed").asInt()).isEqualTo(4);
        assertThat(summary.get("failed").asInt()).isEqualTo(3);
        assertThat(summary.get("succeeded").asInt()).isEqualTo(1);
        assertThat(summary.get("scheduledBacklog").asInt()).isZero();
        assertThat(summary.has("nextScheduledAt")).isFalse();

        JsonNode invalidPayload = payload(invalid);
        assertThat(invalidPayload.get("scheduledReplays").get(0).get("response").get("error").asText())
                .isEqualTo("Invalid scheduledFor on scheduled replay");
        assertThat(invalidPayload.get("scheduledReplays").get(1).get("response").get("error").asText())
                .isEqualTo("Invalid requestedAmount on scheduled replay");
        assertThat(invalidPayload.get("replays")).hasSize(2);
        assertThat(invalidPayload.get("replays").get(1).get("requestedAmount").isNull()).isTrue();
        assertThat(invalidPayload.get("replays").get(1).get("status").asText()).isEqualTo("failed");
        assertThat(invalidPayload.has("providerResponse")).isFalse();

        JsonNode failed = payload(failing);
        assertThat(failed.get("scheduledReplays").get(0).get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("replays").get(0).get("response").get("error").asText())
                .isEqualTo("Server error 503 for url " + ProviderStub.baseUrl() + path);
        assertThat(failed.get("replays").get(0).get("requestedAmount").decimalValue()).isEqualByComparingTo("66.0");
        assertThat(payload(fine).get("scheduledReplays").get(0).get("status").asText()).isEqualTo("executed");
        assertThat(payload(fine).get("replays").get(0).get("requestedAmount").decimalValue())
                .as("payload.requestedAmount string").isEqualByComparingTo("33.5");
        ProviderStub.server().verify(2, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void aScheduledFiringWhileDisabledIsSkippedAndRecordsNothing() throws Exception {
        order(null, "[{\"id\": \"waiting\", \"scheduledFor\": \"" + ago(1) + "\"}]");
        int runs = jdbc.queryForObject("SELECT count(*) FROM provider_automation_runs", Integer.class);

        JsonNode skipped = batch("schedule", null);

        assertThat(Json.write(skipped)).isEqualTo("{\"processed\":0,\"succeeded\":0,\"failed\":0,\"skipped\":true,\"reason\":\"disabled\"}");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_automation_runs", Integer.class)).isEqualTo(runs);
        ProviderStub.server().verify(0, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void theClusteredScheduleFires() {
        NotifyBuilder firings = new NotifyBuilder(camel).fromRoute("replay-batch-schedule").whenDone(2).create();
        assertThat(firings.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM qrtz_cron_triggers WHERE trigger_name = 'replay-batch'", Integer.class))
                .as("the trigger lives in the JDBC job store").isEqualTo(1);
    }

    @Test
    void aNegativeLimitDoesNothingButIsRecorded() throws Exception {
        UUID waiting = order(null, "[{\"id\": \"waiting\", \"scheduledFor\": \"" + ago(1) + "\"}]");
        JsonNode run = batch("command", -1);
        assertThat(Json.write(run.get("summary"))).isEqualTo("{\"processed\":0,\"succeeded\":0,\"failed\":0}");
        assertThat(payload(waiting).get("scheduledReplays").get(0).has("status")).isFalse();
    }

    @Test
    void whileABatchHoldsTheLockOthersAreRefusedOrFail() throws Exception {
        try (AdvisoryLocks.Lease held = locks.tryAcquire(ReplayBatches.PIPELINE_LOCK).orElseThrow()) {
            ApiClient.Reply manual = new ApiClient(port).send(new ApiClient(port)
                    .request("/api/v1/fulfillment/providers/automation/replay/run")
                    .header("X-API-Key", ServiceTest.API_KEY).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(manual.status()).isEqualTo(409);
            assertThat(manual.json().get("detail").asText()).isEqualTo("Replay batch already running");
            assertThatThrownBy(() -> batch("command", null)).isInstanceOf(CamelExecutionException.class)
                    .hasRootCauseMessage("a replay batch is already running");
        }
    }

    @Test
    void aClaimThatOutlivedItsWorkerBecomesInterruptedAndIsNeverResent() throws Exception {
        UUID stale = order(null, "[{\"id\": \"stuck\", \"status\": \"in_progress\", \"claimedAt\": \"" + ago(60)
                + "\", \"claimedBy\": \"dead-worker\", \"scheduledFor\": \"" + ago(61) + "\"}]");
        UUID live = order(null, "[{\"id\": \"busy\", \"status\": \"in_progress\", \"claimedAt\": \"" + ago(1)
                + "\", \"claimedBy\": \"live-worker\"}, {\"id\": \"queued\", \"scheduledFor\": \"" + ago(2) + "\"}]");

        JsonNode summary = batch("manual", 10).get("summary");

        JsonNode entry = payload(stale).get("scheduledReplays").get(0);
        assertThat(entry.get("status").asText()).isEqualTo("failed");
        assertThat(entry.get("response").get("error").asText()).isEqualTo("interrupted");
        assertThat(entry.has("claimedBy")).isFalse();
        assertThat(payload(stale).get("replays").get(0).get("status").asText()).isEqualTo("failed");
        assertThat(payload(live).get("scheduledReplays").get(1).has("status"))
                .as("one worker per provider order: the live claim keeps others off it").isFalse();
        assertThat(summary.get("processed").asInt()).isZero();
        ProviderStub.server().verify(0, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void twoBatchesAtOnceExecuteEveryEntryExactlyOnce() throws Exception {
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            orders.add(order(null, "[{\"id\": \"e" + i + "a\", \"scheduledFor\": \"" + ago(10) + "\"},"
                    + " {\"id\": \"e" + i + "b\", \"scheduledFor\": \"" + ago(9) + "\"}]"));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<JsonNode>> batches = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            batches.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return batch("unlocked", 500);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        int processed = 0;
        for (CompletableFuture<JsonNode> run : batches) {
            processed += run.get(120, TimeUnit.SECONDS).get("summary").get("processed").asInt();
        }

        assertThat(processed).isEqualTo(200);
        ProviderStub.server().verify(200, postRequestedFor(urlPathEqualTo(path)));
        for (UUID id : orders) {
            JsonNode payload = payload(id);
            assertThat(payload.get("replays")).hasSize(2);
            payload.get("scheduledReplays").forEach(e -> assertThat(e.get("status").asText()).isEqualTo("executed"));
        }
    }

    @Test
    void aPayloadChangeMadeDuringTheProviderCallIsKeptAndTheLaterEntriesStillRun() throws Exception {
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\": true}")));
        UUID id = order(null, "[{\"id\": \"w-1\", \"scheduledFor\": \"" + ago(10) + "\"},"
                + " {\"id\": \"w-2\", \"scheduledFor\": \"" + ago(9) + "\"}]");
        CompletableFuture<JsonNode> run = CompletableFuture.supplyAsync(() -> {
            try {
                return batch("manual", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(path))).isEmpty());
        // an operator's write while the first call is in flight: the batch's copy of the row is now stale
        jdbc.update("UPDATE fulfillment_provider_orders SET payload = payload || '{\"operatorNote\": \"checked\"}'::jsonb,"
                + " updated_at = now() WHERE id = ?", id);
        JsonNode summary = run.get(60, TimeUnit.SECONDS).get("summary");

        assertThat(summary.get("succeeded").asInt()).isEqualTo(2);
        JsonNode payload = payload(id);
        assertThat(payload.get("operatorNote").asText()).isEqualTo("checked");
        assertThat(payload.get("replays")).hasSize(2);
        payload.get("scheduledReplays").forEach(e -> assertThat(e.get("status").asText()).isEqualTo("executed"));
        ProviderStub.server().verify(2, postRequestedFor(urlPathEqualTo(path)));
    }
}
