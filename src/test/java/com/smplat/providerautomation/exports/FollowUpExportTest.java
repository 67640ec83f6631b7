package com.smplat.providerautomation.exports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole GF runs (exports.md 3) against the real database, a WireMock webhook, s3proxy and WireMock posing as a
 * failing S3. Each test exports one provider's rows (the provider filter, recorded in the cursor), so tests never see
 * each other's follow-ups.
 */
@ServiceTest
class FollowUpExportTest {
    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate jdbc;


    @TempDir
    Path dir;

    String providerId;
    String hookPath;

    @BeforeEach
    void fresh() {
        providerId = ProviderOrderFixtures.uniqueId("gf");
        hookPath = "/hooks/" + providerId;
    }

    // ---- fixtures

    record Seeded(String id, Instant createdAt) {
    }

    Seeded insert(Instant createdAt) {
        return insert(createdAt, UUID.randomUUID().toString());
    }

    Seeded insert(Instant createdAt, String id) {
        jdbc.update("""
                INSERT INTO provider_guardrail_followup (id, provider_id, provider_name, action, notes, platform_context,
                    attachments, conversion_cursor, conversion_href, created_at)
                VALUES (CAST(? AS uuid), ?, ?, 'pause', 'n', CAST(? AS json), CAST('{"secret": 1}' AS json), 'c', 'h', ?)""",
                id, providerId, "Provider " + providerId,
                "{\"id\": \"ig::@b\", \"label\": \"Instagram @b\", \"handle\": \"@b\", \"platformType\": \"instagram\"}",
                Timestamp.from(createdAt));
        return new Seeded(id, createdAt);
    }

    FollowUpExportRequest request(FollowUpExportRequest.Sink sink, int limit, int pageSize) {
        return new FollowUpExportRequest("command", limit, null, providerId, sink, dir.resolve("out.ndjson"),
                ProviderStub.baseUrl() + hookPath, null, FollowUpExportRequest.CursorStoreKind.file, dir.resolve("cursor.json"),
                pageSize, 0, 3, 5, null, null);
    }

    FollowUpExportRequest with(FollowUpExportRequest r, S3Target checkpoint, int retries) {
        return new FollowUpExportRequest(r.trigger(), r.limit(), r.cursor(), r.providerId(), r.sink(), r.filePath(), r.webhookUrl(),
                r.webhookToken(), r.cursorStore(), r.cursorStorePath(), r.pageSize(), r.settleSeconds(), retries,
                r.retryBaseMillis(), checkpoint, r.spool());
    }

    ExportOutcome run(FollowUpExportRequest request) {
        return producer.requestBody("direct:followup-export", request, ExportOutcome.class);
    }

    List<String> fileIds(Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            ids.add(Json.MAPPER.readTree(line).get("followUpId").asText());
        }
        return ids;
    }

    JsonNode cursorFile() throws Exception {
        return Json.MAPPER.readTree(Files.readString(dir.resolve("cursor.json")));
    }

    List<LoggedRequest> hookRequests() {
        return ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(hookPath)));
    }

    static List<String> sortedIds(List<Seeded> rows) {
        return rows.stream().sorted(Comparator.comparing(Seeded::createdAt).thenComparing(Seeded::id)).map(Seeded::id).toList();
    }

    // ---- selection, order, cursor

    @Test
    void tiedCreatedAtValuesAcrossPageAndRunBoundariesAreNeitherLostNorDuplicated() throws Exception {
        Instant tie = Instant.parse("2024-03-01T10:00:00.123456Z");
        List<Seeded> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(insert(tie));
        }
        // unsigned UUID order: 8000... sorts after 7fff... (java.util.UUID.compareTo would not)
        rows.add(insert(tie, "80000000-0000-4000-8000-000000000000"));
        rows.add(insert(tie, "7fffffff-ffff-4fff-bfff-ffffffffffff"));
        rows.add(insert(tie.plus(1, ChronoUnit.MICROS)));
        List<String> exported = new ArrayList<>();
        int[] expected = {3, 3, 2, 0};
        for (int runs = 0; runs < expected.length; runs++) {
            ExportOutcome outcome = run(request(FollowUpExportRequest.Sink.file, 3, 2));
            assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
            assertThat(outcome.rows()).isEqualTo(expected[runs]);
            exported.addAll(fileIds(dir.resolve("out.ndjson")));
            assertThat(cursorFile().get("rows").asLong()).isEqualTo(expected[runs]);
        }
        assertThat(exported).containsExactlyElementsOf(sortedIds(rows));
        assertThat(exported.indexOf("7fffffff-ffff-4fff-bfff-ffffffffffff"))
                .isLessThan(exported.indexOf("80000000-0000-4000-8000-000000000000"));
        JsonNode cursor = cursorFile();
        assertThat(cursor.get("cursor").asText()).isEqualTo("2024-03-01T10:00:00.123457Z");
        assertThat(cursor.get("providerId").asText()).isEqualTo(providerId);
        assertThat(Files.exists(dir.resolve("out.ndjson.partial"))).isFalse();
        // a zero-row run leaves an empty file and keeps the position
        assertThat(Files.size(dir.resolve("out.ndjson"))).isZero();
        assertThat(cursor.get("lastFollowUpId").asText()).isEqualTo(sortedIds(rows).get(rows.size() - 1));
    }

    @Test
    void rowsCommittedLateInsideTheSettleWindowAreExportedByTheNextRun() throws Exception {
        Instant now = Timestamps.now();
        Seeded old = insert(now.minusSeconds(120));
        Seeded recent = insert(now.minusSeconds(5));
        FollowUpExportRequest settled = new FollowUpExportRequest("command", 100, null, providerId, FollowUpExportRequest.Sink.file, dir.resolve("out.ndjson"),
                null, null, FollowUpExportRequest.CursorStoreKind.file, dir.resolve("cursor.json"), 100, 60, 3, 5, null, null);
        assertThat(run(settled).rows()).isEqualTo(1);
        assertThat(fileIds(dir.resolve("out.ndjson"))).containsExactly(old.id());
        // committed after that run, with a createdAt inside its settle window and before the newer row
        Seeded late = insert(now.minusSeconds(30));
        FollowUpExportRequest noSettle = new FollowUpExportRequest("command", 100, null, providerId, FollowUpExportRequest.Sink.file, dir.resolve("out.ndjson"),
                null, null, FollowUpExportRequest.CursorStoreKind.file, dir.resolve("cursor.json"), 100, 0, 3, 5, null, null);
        assertThat(run(noSettle).rows()).isEqualTo(2);
        assertThat(fileIds(dir.resolve("out.ndjson"))).containsExactly(late.id(), recent.id());
    }

    @Test
    void anExplicitCursorIncludesRowsAtExactlyThatTime() throws Exception {
        Instant at = Instant.parse("2024-05-05T05:05:05.000001Z");
        insert(at.minusSeconds(1));
        Seeded exact = insert(at);
        FollowUpExportRequest r = request(FollowUpExportRequest.Sink.file, 10, 10);
        FollowUpExportRequest fromCursor = new FollowUpExportRequest("command", 10, at, providerId, FollowUpExportRequest.Sink.file, r.filePath(), null, null,
                FollowUpExportRequest.CursorStoreKind.none, null, 10, 0, 3, 5, null, null);
        assertThat(run(fromCursor).rows()).isEqualTo(1);
        assertThat(fileIds(r.filePath())).containsExactly(exact.id());
    }

    @Test
    void rowsAreCanonicalAndNeverCarryAttachments() throws Exception {
        Seeded row = insert(Instant.parse("2024-01-20T09:15:00Z"));
        jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, platform_context, created_at) "
                + "VALUES (?, 'escalate', CAST('[1, 2]' AS json), ?)", providerId, Timestamp.from(Instant.parse("2024-01-20T10:30:00.250001Z")));
        run(request(FollowUpExportRequest.Sink.file, 10, 10));
        List<String> lines = Files.readAllLines(dir.resolve("out.ndjson"));
        assertThat(lines.get(0)).isEqualTo("{\"followUpId\": \"" + row.id() + "\", \"providerId\": \"" + providerId
                + "\", \"providerName\": \"Provider " + providerId + "\", \"action\": \"pause\", \"notes\": \"n\", "
                + "\"platformContext\": {\"id\": \"ig::@b\", \"label\": \"Instagram @b\", \"handle\": \"@b\", \"platformType\": \"instagram\"}, "
                + "\"conversionCursor\": \"c\", \"conversionHref\": \"h\", \"createdAt\": \"2024-01-20T09:15:00.000000Z\"}");
        JsonNode second = Json.MAPPER.readTree(lines.get(1));
        assertThat(second.get("platformContext").isNull()).isTrue();
        assertThat(second.get("providerName").isNull()).isTrue();
        assertThat(second.get("createdAt").asText()).isEqualTo("2024-01-20T10:30:00.250001Z");
        assertThat(lines.get(0)).doesNotContain("attachments").doesNotContain("secret");
    }

    @Test
    void theStdoutSinkWritesNdjsonLinesAndNothingElse() throws Exception {
        Seeded a = insert(Instant.parse("2024-02-02T00:00:00Z"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream processStdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ExportOutcome outcome = run(request(FollowUpExportRequest.Sink.stdout, 10, 10));
            assertThat(outcome.rows()).isEqualTo(1);
        } finally {
            System.setOut(processStdout);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").contains(a.id());
        assertThat(text.split("\n")).hasSize(1);
    }

    @Test
    void aStoredCursorOfAnotherProviderScopeIsAConfigErrorAndMovesNothing() throws Exception {
        insert(Instant.parse("2024-02-02T00:00:00Z"));
        String shared = "{\n  \"cursor\": \"2020-01-01T00:00:00.000000Z\",\n  \"lastFollowUpId\": null,\n  \"providerId\": null,\n"
                + "  \"rows\": 4,\n  \"updatedAt\": \"2020-01-01T00:00:00.000000Z\"\n}\n";
        Files.writeString(dir.resolve("cursor.json"), shared);
        ExportOutcome outcome = run(request(FollowUpExportRequest.Sink.webhook, 10, 10));
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.category()).isEqualTo("config");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("cursor.json"))).isEqualTo(shared);
        assertThat(hookRequests()).isEmpty();
    }

    @Test
    void aCorruptCursorFileIsAConfigErrorAndNothingIsDelivered() throws Exception {
        insert(Instant.parse("2024-02-02T00:00:00Z"));
        Files.writeString(dir.resolve("cursor.json"), "{\"cursor\": \"2024-02-0");
        ExportOutcome outcome = run(request(FollowUpExportRequest.Sink.webhook, 10, 10));
        assertThat(outcome.category()).isEqualTo("config");
        assertThat(hookRequests()).isEmpty();
        assertThat(Files.readString(dir.resolve("cursor.json"))).isEqualTo("{\"cursor\": \"2024-02-0");
    }

    // ---- webhook

    @Test
    void zeroRowsSendNoWebhookRequestAndRewriteTheCursorWithRowsZero() throws Exception {
        ExportOutcome outcome = run(request(FollowUpExportRequest.Sink.webhook, 10, 10));
        assertThat(outcome.succeeded()).isTrue();
        assertThat(hookRequests()).isEmpty();
        JsonNode cursor = cursorFile();
        assertThat(cursor.get("cursor").isNull()).isTrue();
        assertThat(cursor.get("rows").asLong()).isZero();
        assertThat(Timestamps.parse(cursor.get("updatedAt").asText())).isPresent();
    }

    @Test
    void aWebhookThatFailsTwiceThenAcceptsGetsTheSamePageThreeTimesAndTheCursorMovesOnce() throws Exception {
        List<Seeded> rows = List.of(insert(Instant.parse("2024-02-02T00:00:00Z")), insert(Instant.parse("2024-02-02T00:00:01Z")));
        ProviderStub.server().stubFor(post(hookPath).inScenario(hookPath).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("second"));
        ProviderStub.server().stubFor(post(hookPath).inScenario(hookPath).whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("third"));
        ProviderStub.server().stubFor(post(hookPath).inScenario(hookPath).whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200)));
        ExportOutcome outcome = run(request(FollowUpExportRequest.Sink.webhook, 10, 10));
        assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
        List<LoggedRequest> requests = hookRequests();
        assertThat(requests).hasSize(3);
        String key = FollowUpRows.idempotencyKey(List.of(new FollowUpRows.Row(rows.get(0).id(), null, null),
                new FollowUpRows.Row(rows.get(1).id(), null, null)));
        for (LoggedRequest request : requests) {
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(key);
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            assertThat(request.getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
            assertThat(request.containsHeader("Authorization")).isFalse();
        }
        JsonNode body = Json.MAPPER.readTree(requests.get(0).getBodyAsString());
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get("followUps")).hasSize(2);
        JsonNode cursor = cursorFile();
        assertThat(cursor.get("rows").asLong()).isEqualTo(2);
        assertThat(cursor.get("lastFollowUpId").asText()).isEqualTo(rows.get(1).id());
    }

    @Test
    void aWebhookThatKeepsFailingFailsTheRunAndLeavesTheCursorAlone() throws Exception {
        insert(Instant.parse("2024-02-02T00:00:00Z"));
        ProviderStub.server().stubFor(post(hookPath).willReturn(aResponse().withStatus(502)));
        ExportOutcome outcome = run(with(request(FollowUpExportRequest.Sink.webhook, 10, 10), null, 2));
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.category()).isEqualTo("sink");
        assertThat(outcome.detail()).contains("HTTP 502").doesNotContain(hookPath);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(hookRequests()).hasSize(3);
        assertThat(Files.exists(dir.resolve("cursor.json"))).isFalse();
    }

    @Test
    void aWebhook400IsNotRetriedAndEarlierPagesStayCheckpointed() throws Exception {
        List<Seeded> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(insert(Instant.parse("2024-02-02T00:00:0" + i + "Z")));
        }
        ProviderStub.server().stubFor(post(hookPath).inScenario(hookPath).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200)).willSetStateTo("rejecting"));
        ProviderStub.server().stubFor(post(hookPath).inScenario(hookPath).whenScenarioStateIs("rejecting")
                .willReturn(aResponse().withStatus(400)));
        ExportOutcome outcome = run(request(FollowUpExportRequest.Sink.webhook, 10, 2));
        assertThat(outcome.category()).isEqualTo("sink");
        assertThat(outcome.rows()).isEqualTo(2);
        assertThat(hookRequests()).hasSize(2);
        JsonNode cursor = cursorFile();
        assertThat(cursor.get("rows").asLong()).isEqualTo(2);
        assertThat(cursor.get("lastFollowUpId").asText()).isEqualTo(rows.get(1).id());
    }

    @Test
    void aRedirectIsNotFollowedNorRetried() {
        insert(Instant.parse("2024-02-02T00:00:00Z"));
        ProviderStub.server().stubFor(post(hookPath).willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));
        assertThat(run(request(FollowUpExportRequest.Sink.webhook, 10, 10)).category()).isEqualTo("sink");
        assertThat(hookRequests()).hasSize(1);
    }

    @Test
    void aCrashAfterDeliveryAndBeforeTheCheckpointResendsThePageUnderTheSameKey() throws Exception {
        insert(Instant.parse("2024-02-02T00:00:00Z"));
        insert(Instant.parse("2024-02-02T00:00:01Z"));
        ProviderStub.server().stubFor(post(hookPath).willReturn(aResponse().withStatus(200)));
        // the cursor cannot be written (its .partial is a directory): the page is delivered, the checkpoint is lost
        Files.createDirectories(dir.resolve("cursor.json.partial"));
        FollowUpExportRequest r = request(FollowUpExportRequest.Sink.webhook, 10, 10);
        ExportOutcome crashed = run(r);
        assertThat(crashed.category()).isEqualTo("cursor-write");
        assertThat(Files.exists(dir.resolve("cursor.json"))).isFalse();
        Files.deleteIfExists(dir.resolve("cursor.json.partial"));
        ExportOutcome rerun = run(r);
        assertThat(rerun.succeeded()).isTrue();
        List<LoggedRequest> requests = hookRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("Idempotency-Key")).isEqualTo(requests.get(0).getHeader("Idempotency-Key"));
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        assertThat(run(r).rows()).isZero();
        assertThat(hookRequests()).hasSize(2);
    }

    @Test
    void aWebhookTokenIsSentAsBearer() {
        insert(Instant.parse("2024-02-02T00:00:00Z"));
        ProviderStub.server().stubFor(post(hookPath).willReturn(aResponse().withStatus(204)));
        FollowUpExportRequest r = request(FollowUpExportRequest.Sink.webhook, 10, 10);
        run(new FollowUpExportRequest("command", 10, null, providerId, FollowUpExportRequest.Sink.webhook, null, r.webhookUrl(), "hook-token",
                FollowUpExportRequest.CursorStoreKind.none, null, 10, 0, 3, 5, null, null));
        assertThat(hookRequests().get(0).getHeader("Authorization")).isEqualTo("Bearer hook-token");
    }

    // ---- S3 checkpoint

    @Test
    void theCheckpointIsUploadedAndRestoresALostLocalCursor() throws Exception {
        String bucket = S3Server.bucket("ckpt-" + providerId.toLowerCase().replaceAll("[^a-z0-9]", ""));
        S3Target target = S3Server.target(bucket, "gf/cursor.json");
        Seeded first = insert(Instant.parse("2024-02-02T00:00:00Z"));
        ExportOutcome outcome = run(with(request(FollowUpExportRequest.Sink.file, 10, 10), target, 3));
        assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
        JsonNode uploaded = Json.MAPPER.readTree(S3Server.object(bucket, "gf/cursor.json"));
        assertThat(uploaded.get("lastFollowUpId").asText()).isEqualTo(first.id());
        Files.delete(dir.resolve("cursor.json"));
        Seeded second = insert(Instant.parse("2024-02-02T00:00:01Z"));
        assertThat(run(with(request(FollowUpExportRequest.Sink.file, 10, 10), target, 3)).rows()).isEqualTo(1);
        assertThat(fileIds(dir.resolve("out.ndjson"))).containsExactly(second.id());
    }

    @Test
    void aCorruptCheckpointIsAConfigErrorAndTheLocalCursorIsUntouched() throws Exception {
        String bucket = S3Server.bucket("corrupt-" + providerId.toLowerCase().replaceAll("[^a-z0-9]", ""));
        S3Server.put(bucket, "cursor.json", "not a cursor {".getBytes(StandardCharsets.UTF_8));
        insert(Instant.parse("2024-02-02T00:00:00Z"));
        Files.writeString(dir.resolve("cursor.json"), "2020-01-01T00:00:00Z");
        ExportOutcome outcome = run(with(request(FollowUpExportRequest.Sink.webhook, 10, 10), S3Server.target(bucket, "cursor.json"), 3));
        assertThat(outcome.category()).isEqualTo("config");
        assertThat(Files.readString(dir.resolve("cursor.json"))).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(hookRequests()).isEmpty();
    }

    @Test
    void aForbiddenCheckpointDownloadFailsBeforeAnyRowIsRead() throws Exception {
        String bucket = S3Server.bucket("denied-" + providerId.toLowerCase().replaceAll("[^a-z0-9]", ""));
        insert(Instant.parse("2024-02-02T00:00:00Z"));
        Files.writeString(dir.resolve("cursor.json"), "2020-01-01T00:00:00Z");
        S3Target wrongKey = new S3Target(bucket, "cursor.json", "us-east-1", S3Server.endpoint(), S3Server.ACCESS_KEY, "wrong");
        ExportOutcome outcome = run(with(request(FollowUpExportRequest.Sink.webhook, 10, 10), wrongKey, 3));
        assertThat(outcome.category()).isEqualTo("checkpoint-download");
        assertThat(outcome.detail()).contains("403").doesNotContain("wrong");
        assertThat(hookRequests()).isEmpty();
        assertThat(Files.readString(dir.resolve("cursor.json"))).isEqualTo("2020-01-01T00:00:00Z");
    }

    @Test
    void anUnreachableS3FailsTheDownloadAfterRetries() throws Exception {
        insert(Instant.parse("2024-02-02T00:00:00Z"));
        S3Target down = new S3Target("bucket", "cursor.json", "us-east-1", "http://127.0.0.1:9", "a", "b");
        ExportOutcome outcome = run(with(request(FollowUpExportRequest.Sink.webhook, 10, 10), down, 3));
        assertThat(outcome.category()).isEqualTo("checkpoint-download");
        assertThat(hookRequests()).isEmpty();
        assertThat(Files.exists(dir.resolve("cursor.json"))).isFalse();
    }

    @Test
    void aFailedCheckpointUploadFailsTheRunButKeepsTheLocalCursorAdvanced() throws Exception {
        // WireMock as an S3 API: the object is missing (404), and every upload is refused or cut
        String s3Path = "/s3-" + providerId;
        ProviderStub.server().stubFor(get(urlPathMatching(s3Path + "/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>NoSuchKey</Code><Message>none</Message></Error>")));
        ProviderStub.server().stubFor(put(urlPathEqualTo(s3Path + "/forbidden.json")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>AccessDenied</Code><Message>no</Message></Error>")));
        ProviderStub.server().stubFor(put(urlPathEqualTo(s3Path + "/down.json"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Seeded row = insert(Instant.parse("2024-02-02T00:00:00Z"));
        for (String key : List.of("forbidden.json", "down.json")) {
            Files.deleteIfExists(dir.resolve("cursor.json"));
            S3Target target = new S3Target(s3Path.substring(1), key, "us-east-1", ProviderStub.baseUrl(), "a", "b");
            ExportOutcome outcome = run(with(request(FollowUpExportRequest.Sink.file, 10, 10), target, 3));
            assertThat(outcome.category()).as(key).isEqualTo("checkpoint-upload");
            assertThat(outcome.rows()).isEqualTo(1);
            assertThat(cursorFile().get("lastFollowUpId").asText()).isEqualTo(row.id());
        }
        assertThat(ProviderStub.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlPathEqualTo(s3Path + "/forbidden.json")))).hasSize(1);
    }

    // ---- notice text

    /** The Slack text that route followup-export-notice-text renders (its default wording) for a run's reference. */
    private String noticeText(ExportOutcome outcome, String reference) throws Exception {
        boolean url = reference.startsWith("https:");
        ExportSettings settings = ExportSettings.from(EnvSource.of(url ? Map.of("GUARDRAIL_EXPORT_WORKFLOW_URL", reference) : Map.of()));
        var rendered = producer.send("direct:followup-export-notice-text", exchange -> {
            exchange.setProperty("exportOutcome", outcome);
            exchange.setProperty("managedSettings", settings);
            exchange.setProperty("runId", url ? "run-0" : reference);
        });
        assertThat(rendered.getException()).isNull();
        return Json.MAPPER.readTree(rendered.getMessage().getBody(String.class)).get("text").asText();
    }

    @Test
    void noticeLinesAreTheSpecsVerbatimTitles() throws Exception {
        CursorState written = new CursorState("2026-01-21T08:00:00.000000Z", "a", null, 3, "2026-01-22T04:05:09.412345Z");
        assertThat(noticeText(new ExportOutcome(true, null, null, 3, written.cursor(), "a", written), "https://ops/x"))
                .isEqualTo(":white_check_mark: Guardrail follow-up export succeeded\n- Rows: 3\n"
                        + "- Next cursor: 2026-01-21T08:00:00.000000Z\n- Updated: 2026-01-22T04:05:09.412345Z\n- Run: https://ops/x");
        assertThat(noticeText(new ExportOutcome(false, "sink", "HTTP 500", 0, null, null, null), "run-1"))
                .isEqualTo(":rotating_light: Guardrail follow-up export failed\n- Error: sink (HTTP 500)\n"
                        + "- Rows delivered: 0\n- Cursor: none\n- Run: run-1");
    }

    @Test
    void theNoticeIsPostedAsTextAndRetriedOnceOnA5xx() {
        String slackPath = "/slack/" + providerId;
        ProviderStub.server().stubFor(post(slackPath).willReturn(aResponse().withStatus(500)));
        var result = producer.send("direct:followup-export-notify", exchange -> {
            exchange.getMessage().setBody("{\"text\": \"hello\"}");
            exchange.setProperty(FollowUpExportNotice.WEBHOOK, ProviderStub.baseUrl() + slackPath);
            exchange.setProperty(ExportRetries.BASE_DELAY, 1L);
        });
        assertThat(result.getProperty(ExportRetries.FAILURE)).isNotNull();
        var requests = ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(slackPath))
                .withRequestBody(equalTo("{\"text\": \"hello\"}")));
        assertThat(requests).hasSize(2);
    }
}
