package com.smplat.providerautomation.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.AdvisoryLocks;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The follow-up export's endpoints (exports.md 3.11, 3.12; contract resolutions 1, 2, 7). The shared test context
 * configures a trigger token and the file sink, so a triggered run exports every follow-up to a file.
 */
@ServiceTest
class FollowUpExportApiTest {
    private static final String BASE = "/api/v1/reporting/guardrails/followups/export";

    @LocalServerPort
    int port;

    @Autowired
    AdvisoryLocks locks;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private ApiClient.Reply trigger(String token) {
        return trigger("/run", token);
    }

    private ApiClient.Reply trigger(String path, String token) {
        HttpRequest.Builder request = api.request(BASE + path).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.send(request);
    }

    private JsonNode awaitFinished(String runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            ApiClient.Reply record = api.send(api.request(BASE + "/runs/" + runId)
                    .header("Authorization", "Bearer " + ServiceTest.TRIGGER_TOKEN).GET());
            assertThat(record.status()).as(record.body()).isEqualTo(200);
            if (!"running".equals(record.json().get("status").asText())) {
                return record.json();
            }
            // the run goes on in the background: poll its record (no Camel route to watch from here)
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("run " + runId + " did not finish");
    }

    @Test
    void aTriggeredRunExportsRecordsItselfAndPublishesTheStatusAndTheDownload() throws Exception {
        jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, created_at) VALUES ('prov-api-export', 'pause', now() - interval '1 minute')");
        ApiClient.Reply accepted = trigger(ServiceTest.TRIGGER_TOKEN);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("status").asText()).isEqualTo("accepted");
        String runId = accepted.json().get("runId").asText();
        JsonNode record = awaitFinished(runId);
        assertThat(record.get("status").asText()).as(record.toString()).isEqualTo("succeeded");
        assertThat(record.get("trigger").asText()).isEqualTo("manual");
        assertThat(record.get("errorCategory").isNull()).isTrue();
        assertThat(record.fieldNames()).toIterable().containsExactly("runId", "trigger", "status", "errorCategory", "rows",
                "cursor", "lastFollowUpId", "startedAt", "finishedAt");

        ApiClient.Reply status = api.get(BASE + "/status");
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().fieldNames()).toIterable().containsExactly("cursor", "rows", "updatedAt", "downloadUrl", "workflowUrl");
        assertThat(status.json().get("downloadUrl").isNull()).isTrue();

        ApiClient.Reply download = api.send(api.request(BASE + "/download").header("X-API-Key", ServiceTest.API_KEY).GET());
        assertThat(download.status()).as(download.body()).isEqualTo(200);
        assertThat(download.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertThat(download.raw().headers().firstValue("Cache-Control")).contains("no-store");
        // the file holds the rows of the latest successful run only; each line is one follow-up
        download.body().lines().forEach(line -> assertThat(line).startsWith("{\"followUpId\": "));
    }

    @Test
    void theTriggerNeedsItsOwnBearerToken() {
        assertThat(trigger(null).status()).isEqualTo(401);
        assertThat(trigger("wrong").status()).isEqualTo(401);
        assertThat(trigger(ServiceTest.API_KEY).status()).isEqualTo(401);
        ApiClient.Reply record = api.send(api.request(BASE + "/runs/5a1d0c9e-7c55-4d0e-9a63-2b9d0f7e8a11").GET());
        assertThat(record.status()).isEqualTo(401);
        assertThat(record.json().has("detail")).isTrue();
    }

    @Test
    void aTriggerWhileARunIsInProgressGets409() {
        try (AdvisoryLocks.Lease held = locks.tryAcquire(FollowUpExportRunner.LOCK).orElseThrow()) {
            ApiClient.Reply busy = trigger(ServiceTest.TRIGGER_TOKEN);
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.json().get("detail").asText()).contains("already running");
            assertThat(busy.json().has("runId")).isTrue();
            ApiClient.Reply busyRuns = trigger("/runs", ServiceTest.TRIGGER_TOKEN);
            assertThat(busyRuns.status()).as("the same trigger at the path exports.md 3.11 names").isEqualTo(409);
        }
    }

    @Test
    void runRecordsAnswer404ForUnknownAnd422ForMalformedIds() {
        HttpRequest.Builder unknown = api.request(BASE + "/runs/5a1d0c9e-7c55-4d0e-9a63-2b9d0f7e8a11")
                .header("Authorization", "Bearer " + ServiceTest.TRIGGER_TOKEN).GET();
        assertThat(api.send(unknown).status()).isEqualTo(404);
        HttpRequest.Builder malformed = api.request(BASE + "/runs/not-a-uuid")
                .header("Authorization", "Bearer " + ServiceTest.TRIGGER_TOKEN).GET();
        ApiClient.Reply reply = api.send(malformed);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").asText()).contains("UUID");
    }

    @Test
    void statusAndDownloadNeedTheOperatorKey() {
        assertThat(api.send(api.request(BASE + "/status").GET()).status()).isEqualTo(401);
        assertThat(api.send(api.request(BASE + "/download").GET()).status()).isEqualTo(401);
    }
}
