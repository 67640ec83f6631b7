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
import com.smplat.providerautomation.FreshEmbeddedDatabase;
import com.smplat.providerautomation.config.EmbeddedPostgresServer;
import com.smplat.providerautomation.support.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * SIGTERM while a replay batch waits on a slow provider, on the service's own embedded PostgreSQL: the call in
 * flight completes and its outcome is recorded, Camel stops before the pool and the pool before the database, and
 * the process exits within the 30 s an orchestrator grants.
 */
@Tag("cluster")
class GracefulShutdownIT {
    private static final Path WORK = Path.of("target", "shutdown-it");
    private static final Duration GRACE = Duration.ofSeconds(30);

    @Test
    void aSigtermDrainsTheCallInFlightRecordsItAndStopsTheDatabaseLastWithinTheGrace() throws Exception {
        FreshEmbeddedDatabase.deleteRecursively(WORK);
        Path dataDir = WORK.resolve("postgres").toAbsolutePath();
        int postgresPort = ServiceProcess.freePort();
        WireMockServer provider = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        provider.start();
        provider.stubFor(post(urlPathEqualTo("/slow/orders")).willReturn(aResponse().withStatus(200).withFixedDelay(6000)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\": true}")));
        try (ServiceProcess service = ServiceProcess.start("service", WORK, Map.of(
                "ENVIRONMENT", "development",
                "EMBEDDED_POSTGRES_DIR", dataDir.toString(),
                "EMBEDDED_POSTGRES_PORT", String.valueOf(postgresPort),
                "PROVIDER_REPLAY_WORKER_ENABLED", "false"))) {
            service.awaitReady(Duration.ofSeconds(180));
            JdbcTemplate jdbc = jdbc(postgresPort);
            jdbc.update("""
                    INSERT INTO fulfillment_providers (id, name, metadata_json, status, health_status)
                    VALUES ('slow', 'Slow', json_build_object('automation', json_build_object('endpoints', json_build_object(
                            'order', json_build_object('method', 'POST', 'url', ? || '/slow/orders', 'timeoutSeconds', 20,
                                                       'payload', json_build_object('order', '{{orderId}}'))))),
                            'active', 'healthy')""", provider.baseUrl());
            jdbc.update("""
                    WITH o AS (INSERT INTO orders (id, status, total_price, currency)
                               VALUES (gen_random_uuid(), 'processing', 10, 'EUR') RETURNING id),
                         i AS (INSERT INTO order_items (id, order_id, product_id, quantity, unit_price, total_price)
                               SELECT gen_random_uuid(), id, 'shutdown', 1, 10, 10 FROM o RETURNING id, order_id)
                    INSERT INTO fulfillment_provider_orders (id, order_id, order_item_id, provider_id, provider_name, service_id,
                                                             service_action, amount, currency, payload)
                    SELECT gen_random_uuid(), order_id, id, 'slow', 'Slow', 'svc', 'follow', 10, 'EUR',
                           '{"scheduledReplays": [{"id": "in-flight", "status": "scheduled", "requestedAmount": 10,
                                                   "scheduledFor": "2020-01-01T00:00:00Z"}]}'::jsonb
                      FROM i""");
            CompletableFuture<HttpResponse<String>> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return service.post("/api/v1/fulfillment/providers/automation/replay/run?limit=1");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !provider.findAll(postRequestedFor(urlPathEqualTo("/slow/orders"))).isEmpty());

            long start = System.nanoTime();
            service.stop();
            Duration shutdown = Duration.ofNanos(System.nanoTime() - start);

            assertThat(shutdown).as("SIGTERM to exit").isLessThan(GRACE);
            HttpResponse<String> answer = run.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(answer.body()).path("summary").path("succeeded").asInt()).isEqualTo(1);
            // Camel stops its components (Quartz) once its exchanges are drained, then the pool closes, then the database
            String log = service.log();
            int batchRecorded = log.indexOf("Replay batch ");
            int camelStopped = log.indexOf("Shutting down Quartz scheduler");
            int poolClosed = log.indexOf("provider-automation - Shutdown completed");
            int databaseStopped = log.indexOf("Stopped the embedded PostgreSQL");
            assertThat(batchRecorded).as("the batch's end\n" + log).isPositive();
            assertThat(camelStopped).as("Camel stops after the batch ended\n" + log).isGreaterThan(batchRecorded);
            assertThat(poolClosed).as("the pool closes after Camel\n" + log).isGreaterThan(camelStopped);
            assertThat(databaseStopped).as("the database stops after the pool\n" + log).isGreaterThan(poolClosed);
            assertThat(log).doesNotContain("Connection refused").doesNotContain("terminating connection due to administrator command");
        } finally {
            provider.stop();
        }

        // the database as the service left it: the call that was in flight at SIGTERM is recorded as executed
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0);
        try {
            JdbcTemplate jdbc = jdbc(postgres.port());
            JsonNode payload = Json.MAPPER.readTree(jdbc.queryForObject(
                    "SELECT payload::text FROM fulfillment_provider_orders WHERE provider_id = 'slow'", String.class));
            assertThat(payload.path("scheduledReplays").path(0).path("status").asText()).isEqualTo("executed");
            assertThat(payload.path("replays")).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_automation_runs WHERE run_type = 'replay'"
                    + " AND summary ->> 'succeeded' = '1'", Long.class)).isEqualTo(1L);
        } finally {
            postgres.close();
        }
    }

    private static JdbcTemplate jdbc(int port) {
        return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(),
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", ""));
    }
}
