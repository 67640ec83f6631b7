package com.smplat.providerautomation.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.smplat.providerautomation.config.EmbeddedPostgresServer;
import com.smplat.providerautomation.support.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Three service processes from the built jar on one PostgreSQL, with a WireMock provider and Slack: the cluster's
 * promises (docs/operations.md) under real concurrency, SIGTERM, SIGKILL and a database restart. The tests run in
 * order on one cluster; each uses its own provider orders.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final Path WORK = Path.of("target", "cluster-it");
    private static final int CLAIM_TIMEOUT_SECONDS = 20;
    private static final String TRIGGER_TOKEN = "cluster-trigger-token";
    private static final String EXPORT = "/api/v1/reporting/guardrails/followups/export";
    private static final Pattern BATCH_LOG = Pattern.compile("Replay batch \\S+ finished: processed (\\d+)");

    private int postgresPort;
    private EmbeddedPostgresServer postgres;
    private WireMockServer stub;
    private JdbcTemplate jdbc;
    private final List<ServiceProcess> instances = new ArrayList<>();
    private Map<String, String> env;

    @BeforeAll
    void startCluster() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        postgresPort = ServiceProcess.freePort();
        postgres = EmbeddedPostgresServer.start(WORK.resolve("postgres"), postgresPort);
        jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.target().jdbcUrl(), "postgres", ""));
        stub = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(100)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(50));
        stub.start();
        stub.stubFor(post(urlPathEqualTo("/fast/orders")).willReturn(json().withFixedDelay(20)));
        stub.stubFor(post(urlPathEqualTo("/slow/orders")).willReturn(json().withFixedDelay(300)));
        stub.stubFor(post(urlPathEqualTo("/slack")).willReturn(aResponse().withStatus(200).withBody("ok").withFixedDelay(6000)));
        stub.stubFor(post(urlPathEqualTo("/warehouse")).willReturn(json().withFixedDelay(150)));

        Map<String, String> env = Map.ofEntries(
                Map.entry("DATABASE_URL", postgres.target().jdbcUrl()),
                Map.entry("DATABASE_USER", "postgres"),
                Map.entry("ENVIRONMENT", "development"),
                Map.entry("PROVIDER_REPLAY_WORKER_ENABLED", "true"),
                Map.entry("PROVIDER_REPLAY_WORKER_CRON", "0/2 * * * * ?"),
                Map.entry("PROVIDER_REPLAY_WORKER_LIMIT", "250"),
                Map.entry("PROVIDER_REPLAY_WORKER_CONCURRENCY", "8"),
                Map.entry("PROVIDER_REPLAY_CLAIM_TIMEOUT_SECONDS", String.valueOf(CLAIM_TIMEOUT_SECONDS)),
                Map.entry("PROVIDER_AUTOMATION_ALERT_WORKER_ENABLED", "true"),
                Map.entry("PROVIDER_AUTOMATION_ALERT_INTERVAL_SECONDS", "60"),
                Map.entry("PROVIDER_AUTOMATION_ALERT_COOLDOWN_SECONDS", "0"),
                Map.entry("PROVIDER_AUTOMATION_ALERT_SLACK_WEBHOOK_URL", stub.baseUrl() + "/slack"),
                Map.entry("GUARDRAIL_EXPORT_TRIGGER_TOKEN", TRIGGER_TOKEN),
                Map.entry("ANALYTICS_GUARDRAIL_WEBHOOK", stub.baseUrl() + "/warehouse"),
                Map.entry("GUARDRAIL_EXPORT_SINK", "webhook"),
                Map.entry("GUARDRAIL_EXPORT_PAGE_SIZE", "50"),
                Map.entry("GUARDRAIL_EXPORT_LIMIT", "1000000"),
                Map.entry("GUARDRAIL_EXPORT_SETTLE_SECONDS", "0"));
        this.env = env;
        // the schema, and the demo data whose guardrail failures give every alert run something to send
        ProcessBuilder seed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ServiceProcess.JAR.toAbsolutePath().toString(), "seed-demo")
                .redirectErrorStream(true).redirectOutput(WORK.resolve("seed-demo.log").toFile());
        seed.environment().putAll(env);
        assertThat(seed.start().waitFor()).as(Files.readString(WORK.resolve("seed-demo.log"))).isZero();
        for (String name : List.of("a", "b", "c")) {
            instances.add(ServiceProcess.start(name, WORK, env));
        }
        for (ServiceProcess instance : instances) {
            instance.awaitReady(Duration.ofSeconds(180));
        }
        jdbc.update("""
                INSERT INTO fulfillment_providers (id, name, metadata_json, status, health_status)
                SELECT id, 'Cluster ' || id, json_build_object('automation', json_build_object('endpoints', json_build_object(
                           'order', json_build_object('method', 'POST', 'url', ? || '/' || id || '/orders',
                                                      'payload', json_build_object('order', '{{orderId}}'))))),
                       'active', 'healthy'
                  FROM unnest(ARRAY['fast', 'slow']) AS id""", stub.baseUrl());
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (ServiceProcess instance : instances) {
            instance.close();
        }
        if (stub != null) {
            stub.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"accepted\": true}");
    }

    /** {@code count} provider orders of {@code providerId}, each with one entry due a minute ago. */
    private void dueEntries(String providerId, int count) {
        jdbc.update("""
                WITH ids AS (SELECT gen_random_uuid() AS order_id, gen_random_uuid() AS item_id, gen_random_uuid() AS po_id
                               FROM generate_series(1, ?)),
                     o AS (INSERT INTO orders (id, status, total_price, currency) SELECT order_id, 'processing', 10, 'EUR' FROM ids),
                     i AS (INSERT INTO order_items (id, order_id, product_id, quantity, unit_price, total_price)
                           SELECT item_id, order_id, 'cluster', 1, 10, 10 FROM ids)
                INSERT INTO fulfillment_provider_orders (id, order_id, order_item_id, provider_id, provider_name, service_id,
                                                         service_action, amount, currency, payload)
                SELECT po_id, order_id, item_id, ?, 'Cluster', 'svc', 'follow', 10, 'EUR',
                       jsonb_build_object('scheduledReplays', jsonb_build_array(jsonb_build_object(
                           'id', gen_random_uuid(), 'status', 'scheduled', 'requestedAmount', 10,
                           'scheduledFor', to_char((now() - interval '1 minute') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))))
                  FROM ids""", count, providerId);
    }

    /** Entry statuses of a provider's orders: status -> count. */
    private Map<String, Long> statuses(String providerId) {
        return jdbc.queryForList("""
                SELECT e ->> 'status' AS status FROM fulfillment_provider_orders po,
                       jsonb_array_elements(po.payload -> 'scheduledReplays') e WHERE po.provider_id = ?""", String.class, providerId)
                .stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** How often the stub was called for each order id (the template sends it as {@code order}). */
    private Map<String, Long> callsPerOrder(String providerId) {
        return stub.findAll(postRequestedFor(urlPathEqualTo("/" + providerId + "/orders"))).stream()
                .map(LoggedRequest::getBodyAsString).map(body -> {
                    try {
                        return Json.MAPPER.readTree(body).get("order").asText();
                    } catch (IOException e) {
                        throw new AssertionError(body, e);
                    }
                })
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static int processedIn(ServiceProcess instance) {
        Matcher matcher = BATCH_LOG.matcher(instance.log());
        int processed = 0;
        while (matcher.find()) {
            processed += Integer.parseInt(matcher.group(1));
        }
        return processed;
    }

    @Test
    @Order(1)
    void twoThousandDueEntriesRunExactlyOnceSpreadOverTheInstances() {
        dueEntries("fast", 2000);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> statuses("fast").getOrDefault("executed", 0L) == 2000);

        assertThat(statuses("fast")).containsExactly(Map.entry("executed", 2000L));
        Map<String, Long> calls = callsPerOrder("fast");
        assertThat(calls).hasSize(2000);
        assertThat(calls.values()).containsOnly(1L);
        assertThat(instances.stream().filter(instance -> processedIn(instance) > 0).count())
                .as("instances that ran part of the backlog").isGreaterThan(1);
        assertThat(instances.stream().mapToInt(ClusterIT::processedIn).sum()).isGreaterThanOrEqualTo(2000);
    }

    @Test
    @Order(2)
    void eachFiringOfTheReplayScheduleRunsOnOneInstance() {
        Instant from = Instant.now();
        await().pollDelay(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(10)).until(() -> true);
        // a firing that ran twice would end two batches within the same 2-second slot, or skip one as already running
        List<Long> slots = jdbc.queryForList("""
                SELECT floor(extract(epoch FROM created_at) / 2)::bigint FROM provider_automation_runs
                 WHERE run_type = 'replay' AND created_at >= ?""", Long.class, Timestamp.from(from));
        assertThat(slots).as("batches in 9 s of a 2-second schedule").hasSizeBetween(3, 6).doesNotHaveDuplicates();
        for (ServiceProcess instance : instances) {
            assertThat(instance.log()).doesNotContain("another batch is running");
        }
    }

    @Test
    @Order(3)
    void anInstanceStoppedMidBatchGivesBackItsClaimsAndNothingRunsTwice() throws Exception {
        dueEntries("slow", 400);
        ServiceProcess stopping = instances.get(1);
        CompletableFuture<HttpResponse<String>> manualRun = CompletableFuture.supplyAsync(() -> {
            try {
                return stopping.post("/api/v1/fulfillment/providers/automation/replay/run?limit=400");
            } catch (Exception e) {
                return null;
            }
        });
        String claimedByStopping = stopping.pid() + "@%";
        String claimedBy = """
                SELECT count(*) FROM fulfillment_provider_orders po, jsonb_array_elements(po.payload -> 'scheduledReplays') e
                 WHERE po.provider_id = 'slow' AND e ->> 'status' = 'in_progress' AND e ->> 'claimedBy' LIKE ?""";
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(claimedBy, Long.class, claimedByStopping) > 0);

        stopping.stop();
        manualRun.cancel(true);

        assertThat(jdbc.queryForObject(claimedBy, Long.class, claimedByStopping))
                .as("claims the stopped instance left behind").isZero();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> statuses("slow").getOrDefault("executed", 0L) == 400);
        assertThat(callsPerOrder("slow").values()).hasSize(400).containsOnly(1L);
    }

    @Test
    @Order(4)
    void whenTheAlertRunsHolderIsKilledAnotherInstanceRunsTheNextEvaluation() throws Exception {
        ServiceProcess holder = instances.get(2);
        ServiceProcess survivor = instances.get(0);
        String alertLockHeld = """
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                   AND objid::bigint = (hashtext('provider-automation:alert-run')::bigint & 4294967295)""";
        // start from a free lock, so the run started below is the one that takes it
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(alertLockHeld, Long.class) == 0);
        int slackBefore = stub.findAll(postRequestedFor(urlPathEqualTo("/slack"))).size();
        CompletableFuture.runAsync(() -> {
            try {
                holder.post("/api/v1/fulfillment/providers/automation/alerts/run");
            } catch (Exception e) {
                // the holder is killed mid-request
            }
        });
        // the run holds the cluster lock while its Slack post (6 s at the stub) is in flight
        await().atMost(Duration.ofSeconds(30)).until(() -> stub.findAll(postRequestedFor(urlPathEqualTo("/slack"))).size() > slackBefore);
        assertThat(jdbc.queryForObject(alertLockHeld, Long.class)).isEqualTo(1);
        holder.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(alertLockHeld, Long.class) == 0);
        Instant killedAt = Instant.now();

        // the lock went with the holder's connection: a manual run elsewhere is not refused
        HttpResponse<String> run = survivor.post("/api/v1/fulfillment/providers/automation/alerts/run");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        JsonNode summary = Json.MAPPER.readTree(run.body()).get("summary");
        assertThat(summary.get("status").asText()).isIn("success", "partial");
        Instant manualRunEnded = Instant.now();

        // and the schedule goes on without the holder: the next scheduled evaluation runs on a survivor
        await().atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM provider_automation_runs WHERE run_type = 'alert' AND created_at > ?",
                Long.class, Timestamp.from(manualRunEnded.plusSeconds(1))) > 0);
        assertThat(Duration.between(killedAt, Instant.now())).isLessThan(Duration.ofSeconds(100));
        // the replay schedule the dead node held is recovered without a burst of the firings it missed
        assertThat(jdbc.queryForList("""
                SELECT floor(extract(epoch FROM created_at) / 2)::bigint FROM provider_automation_runs
                 WHERE run_type = 'replay' AND created_at > ?""", Long.class, Timestamp.from(killedAt)))
                .as("replay batches after the kill, by 2-second slot").isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    @Order(5)
    void aDatabaseRestartMidBatchIsSurvivedWithoutARestartAndNothingRunsTwice() throws Exception {
        ServiceProcess instance = instances.get(0);
        long pid = instance.pid();
        stub.stubFor(post(urlPathEqualTo("/slow/orders")).willReturn(json().withFixedDelay(100)));
        stub.resetRequests();
        jdbc.update("DELETE FROM fulfillment_provider_orders WHERE provider_id = 'slow'");
        dueEntries("slow", 300);
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses("slow").getOrDefault("executed", 0L) >= 30);

        postgres.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> instance.readiness() != 200);
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        postgres = EmbeddedPostgresServer.start(WORK.resolve("postgres"), postgresPort);

        instance.awaitReady(Duration.ofSeconds(60));
        assertThat(instance.pid()).isEqualTo(pid);
        // claims cut off by the outage resolve after the claim timeout; every other entry runs
        await().atMost(Duration.ofSeconds(CLAIM_TIMEOUT_SECONDS + 90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Long> statuses = statuses("slow");
            return statuses.getOrDefault("executed", 0L) + statuses.getOrDefault("failed", 0L) == 300;
        });
        assertThat(callsPerOrder("slow").values()).as("provider calls per entry").containsOnly(1L);
        List<String> failures = jdbc.queryForList("""
                SELECT e -> 'response' ->> 'error' FROM fulfillment_provider_orders po,
                       jsonb_array_elements(po.payload -> 'scheduledReplays') e
                 WHERE po.provider_id = 'slow' AND e ->> 'status' = 'failed'""", String.class);
        assertThat(failures).as("only entries whose call the outage cut off fail").allSatisfy(
                error -> assertThat(error).contains("interrupted"));
        assertThat(instance.alive()).isTrue();
    }

    @Test
    @Order(6)
    void anInstanceStartedBeforeItsDatabaseWaitsForIt() throws Exception {
        int port = ServiceProcess.freePort();
        Map<String, String> env = Map.of("DATABASE_URL", "jdbc:postgresql://localhost:" + port + "/postgres",
                "DATABASE_USER", "postgres", "ENVIRONMENT", "development");
        try (ServiceProcess early = ServiceProcess.start("early", WORK, env)) {
            await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
            assertThat(early.alive()).as(early.log()).isTrue();
            assertThat(early.readiness()).isNotEqualTo(200);

            EmbeddedPostgresServer late = EmbeddedPostgresServer.start(WORK.resolve("late-postgres"), port);
            try {
                early.awaitReady(Duration.ofSeconds(90));
            } finally {
                early.stop();
                late.close();
            }
        }
    }

    @Test
    @Order(7)
    void aFollowUpExportKilledFiveTimesLosesNoRowAndRepeatsOnlyWholePages() throws Exception {
        jdbc.update("""
                INSERT INTO provider_guardrail_followup (provider_id, provider_name, action, notes, created_at)
                SELECT 'prov-export-' || (n % 7), 'Export Provider', 'escalate', 'row ' || n,
                       now() - interval '1 hour' + make_interval(secs => n / 10)
                  FROM generate_series(1, 3000) AS n""");
        for (int kill = 1; kill <= 5; kill++) {
            try (ServiceProcess runner = ServiceProcess.start("export-" + kill, WORK, env)) {
                runner.awaitReady(Duration.ofSeconds(120));
                assertThat(triggerExport(runner).statusCode()).isEqualTo(202);
                long killAfterMillis = 1000 + java.util.concurrent.ThreadLocalRandom.current().nextLong(3000);
                await().pollDelay(Duration.ofMillis(killAfterMillis)).atMost(Duration.ofMillis(killAfterMillis + 1000)).until(() -> true);
                runner.kill();
            }
        }
        Instant rerunStarted = Instant.now();
        ServiceProcess rerunner = instances.get(0);
        HttpResponse<String> rerun = triggerExport(rerunner);
        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(202);
        String runId = Json.MAPPER.readTree(rerun.body()).get("runId").asText();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !"running".equals(Json.MAPPER.readTree(rerunner.getWithToken(EXPORT + "/runs/" + runId, TRIGGER_TOKEN).body())
                        .get("status").asText()));
        assertThat(Json.MAPPER.readTree(rerunner.getWithToken(EXPORT + "/runs/" + runId, TRIGGER_TOKEN).body())
                .get("status").asText()).isEqualTo("succeeded");

        Map<String, String> bodyByKey = new java.util.HashMap<>();
        Map<String, String> keyByRow = new java.util.HashMap<>();
        List<String> violations = new ArrayList<>();
        for (LoggedRequest request : stub.findAll(postRequestedFor(urlPathEqualTo("/warehouse")))) {
            String key = request.getHeader("Idempotency-Key");
            String body = request.getBodyAsString();
            String earlier = bodyByKey.putIfAbsent(key, body);
            if (earlier != null && !earlier.equals(body)) {
                violations.add("key " + key + " sent with two different pages");
            }
            for (JsonNode row : Json.MAPPER.readTree(body).get("followUps")) {
                String other = keyByRow.putIfAbsent(row.get("followUpId").asText(), key);
                if (other != null && !other.equals(key)) {
                    violations.add("row " + row.get("followUpId").asText() + " sent under two keys");
                }
            }
        }
        assertThat(violations).as("duplicates outside a repeated Idempotency-Key").isEmpty();
        List<String> expected = jdbc.queryForList("SELECT id::text FROM provider_guardrail_followup WHERE created_at < ?",
                String.class, Timestamp.from(rerunStarted));
        assertThat(keyByRow.keySet()).as("rows delivered at least once").containsAll(expected);
    }

    private static HttpResponse<String> triggerExport(ServiceProcess instance) throws IOException, InterruptedException {
        return instance.postWithToken(EXPORT + "/run", TRIGGER_TOKEN);
    }

    @Test
    @Order(8)
    void anInstanceKilledMidBatchHasItsUnstartedClaimsRunElsewhereAndNothingRunsTwice() throws Exception {
        stub.stubFor(post(urlPathEqualTo("/doomed/orders")).willReturn(json().withFixedDelay(300)));
        jdbc.update("""
                INSERT INTO fulfillment_providers (id, name, metadata_json, status, health_status)
                VALUES ('doomed', 'Cluster doomed', json_build_object('automation', json_build_object('endpoints', json_build_object(
                        'order', json_build_object('method', 'POST', 'url', ? || '/doomed/orders',
                                                   'payload', json_build_object('order', '{{orderId}}'))))),
                        'active', 'healthy')""", stub.baseUrl());
        String entries = """
                SELECT po.order_id::text AS order_id, e ->> 'status' AS status, e ->> 'claimedBy' AS claimed_by,
                       e -> 'startedAt' AS started_at, e -> 'response' ->> 'error' AS error
                  FROM fulfillment_provider_orders po, jsonb_array_elements(po.payload -> 'scheduledReplays') e
                 WHERE po.provider_id = 'doomed'""";
        try (ServiceProcess second = ServiceProcess.start("second", WORK, env)) {
            second.awaitReady(Duration.ofSeconds(180));
            List<ServiceProcess> alive = List.of(instances.get(0), second);
            dueEntries("doomed", 300);
            // whichever instance's scheduled batch claims them is killed with calls in flight and claims taken ahead
            // of its workers; the other one survives
            ServiceProcess[] holder = new ServiceProcess[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<String, Long> unstartedByClaimant = jdbc.queryForList(entries).stream()
                        .filter(e -> "in_progress".equals(e.get("status")) && "null".equals(String.valueOf(e.get("started_at"))))
                        .collect(Collectors.groupingBy(e -> String.valueOf(e.get("claimed_by")).split("@")[0], Collectors.counting()));
                alive.stream().filter(p -> unstartedByClaimant.getOrDefault(String.valueOf(p.pid()), 0L) >= 20)
                        .findFirst().ifPresent(p -> holder[0] = p);
                return holder[0] != null;
            });
            holder[0].kill();
            String claimant = holder[0].pid() + "@";

            List<Map<String, Object>> atKill = jdbc.queryForList(entries).stream()
                    .filter(e -> "in_progress".equals(e.get("status")) && String.valueOf(e.get("claimed_by")).startsWith(claimant))
                    .toList();
            List<String> unstarted = atKill.stream().filter(e -> "null".equals(String.valueOf(e.get("started_at"))))
                    .map(e -> (String) e.get("order_id")).toList();
            List<String> started = atKill.stream().filter(e -> !"null".equals(String.valueOf(e.get("started_at"))))
                    .map(e -> (String) e.get("order_id")).toList();
            assertThat(unstarted).as("claims the killed instance never started").isNotEmpty();
            assertThat(started.size()).as("calls in flight: at most the worker count").isLessThanOrEqualTo(8);

            // after the claim timeout the survivor gives the unstarted claims back and runs them
            await().atMost(Duration.ofSeconds(CLAIM_TIMEOUT_SECONDS + 90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !statuses("doomed").containsKey("in_progress") && !statuses("doomed").containsKey("scheduled"));
            Map<String, Map<String, Object>> after = jdbc.queryForList(entries).stream()
                    .collect(Collectors.toMap(e -> (String) e.get("order_id"), Function.identity()));
            for (String order : unstarted) {
                assertThat(after.get(order).get("status")).as("unstarted claim of order " + order).isEqualTo("executed");
            }
            for (String order : started) {
                assertThat(after.get(order).get("status")).as("started claim of order " + order).isEqualTo("failed");
                assertThat(after.get(order).get("error")).isEqualTo("interrupted");
            }
            assertThat(statuses("doomed").getOrDefault("executed", 0L)).isEqualTo(300L - started.size());
            Map<String, Long> calls = callsPerOrder("doomed");
            assertThat(calls.values()).as("calls per order").containsOnly(1L);
            assertThat(calls.keySet()).containsAll(unstarted);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
