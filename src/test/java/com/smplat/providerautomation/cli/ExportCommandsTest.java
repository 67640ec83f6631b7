package com.smplat.providerautomation.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.config.DatabaseEndpoint;
import com.smplat.providerautomation.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The export commands as separate processes: every bad flag exits 2 with one line and creates nothing. */
@ServiceTest
class ExportCommandsTest {
    static final String GF = "export-guardrail-followups";

    @TempDir
    Path workDir;

    @Autowired
    DatabaseEndpoint database;

    @Autowired
    JdbcTemplate jdbc;

    private List<String> entries() throws Exception {
        try (var list = Files.list(workDir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Map<String, String> sharedDatabase() {
        return CommandProcess.sharedDatabase(database);
    }

    @Test
    void helpListsEveryFlag() throws Exception {
        CommandProcess.Result gf = CommandProcess.run(workDir, Map.of(), GF, "--help");
        assertThat(gf.exitCode()).isZero();
        for (String flag : List.of("--limit", "--cursor", "--provider-id", "--sink", "--file-path", "--webhook-url",
                "--cursor-store", "--cursor-store-path", "--page-size", "--settle-seconds", "--webhook-retries",
                "ANALYTICS_GUARDRAIL_WEBHOOK_TOKEN", "GUARDRAIL_EXPORT_CURSOR_S3_URI", "GUARDRAIL_EXPORT_S3_ENDPOINT")) {
            assertThat(gf.stdout()).contains(flag);
        }
        CommandProcess.Result ar = CommandProcess.run(workDir, Map.of(), "export-provider-automation-runs", "--help");
        assertThat(ar.exitCode()).isZero();
        for (String flag : List.of("--base-url", "--auth-token", "--limit", "--format", "--output", "--timeout",
                "SMPLAT_API_BASE_URL", "SMPLAT_AUTOMATION_AUTH_TOKEN", "SMPLAT_AUTOMATION_EXPORT_DIR")) {
            assertThat(ar.stdout()).contains(flag);
        }
        assertThat(entries()).isEmpty();
    }

    @Test
    void everyBadGuardrailExportFlagExitsTwoBeforeAnySideEffect() throws Exception {
        String[][] bad = {
            {"--limit", "0"}, {"--limit", "1000001"}, {"--limit", "ten"}, {"--limit", "2.5"},
            {"--page-size", "0"}, {"--page-size", "1001"}, {"--settle-seconds", "-1"}, {"--settle-seconds", "3601"},
            {"--webhook-retries", "11"}, {"--webhook-retries", "x"}, {"--sink", "s3"}, {"--sink", "FILE"},
            {"--cursor-store", "redis"}, {"--cursor", "yesterday"}, {"--cursor", "2026-13-01"}, {"--sink", "webhook"},
            {"--sink", "webhook", "--webhook-url", "ftp://hooks.example/x"}, {"--bogus"}, {"--provider-id", ""}};
        for (String[] flags : bad) {
            String[] args = new String[flags.length + 1];
            args[0] = GF;
            System.arraycopy(flags, 0, args, 1, flags.length);
            CommandProcess.Result result = CommandProcess.run(workDir, Map.of("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none"), args);
            assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.stderr()).isEqualTo(2);
            assertThat(result.stderr().strip().lines()).as(result.stderr()).hasSize(1);
            assertThat(result.stdout()).isEmpty();
        }
        CommandProcess.Result badS3 = CommandProcess.run(workDir, Map.of("GUARDRAIL_EXPORT_CURSOR_S3_URI", "bucket-without-key",
                "GUARDRAIL_EXPORT_AWS_SECRET_ACCESS_KEY", "very-secret"), GF, "--cursor-store", "file");
        assertThat(badS3.exitCode()).isEqualTo(2);
        assertThat(badS3.stderr()).contains("GUARDRAIL_EXPORT_CURSOR_S3_URI").doesNotContain("very-secret");
        assertThat(entries()).isEmpty();
    }

    @Test
    void anUnusableCursorFileOrAnotherProviderScopeExitsTwoAndTouchesNothing() throws Exception {
        Path cursor = workDir.resolve("guardrail_followups_cursor.json");
        for (String content : List.of("{\"cursor\": 17}", "not a timestamp", "", "{\"cursor\": \"2026-01-01T00:00:00Z\", \"lastFollowUpId\": \"nope\"}")) {
            Files.writeString(cursor, content);
            CommandProcess.Result result = CommandProcess.run(workDir, sharedDatabase(), GF, "--cursor-store", "file", "--sink", "file");
            assertThat(result.exitCode()).as(content + ": " + result.stderr()).isEqualTo(2);
            assertThat(Files.readString(cursor)).isEqualTo(content);
            assertThat(entries()).containsExactly("guardrail_followups_cursor.json");
        }
        Files.writeString(cursor, "{\"cursor\": \"2026-01-01T00:00:00Z\", \"providerId\": null}");
        CommandProcess.Result scoped = CommandProcess.run(workDir, sharedDatabase(), GF, "--cursor-store", "file",
                "--provider-id", "prov-x", "--cursor", "2020-01-01");
        assertThat(scoped.exitCode()).isEqualTo(2);
        assertThat(entries()).containsExactly("guardrail_followups_cursor.json");
    }

    @Test
    void theWebhookCommandDeliversEveryRowOnceThenNothingThenOnlyNewRows() throws Exception {
        String providerId = ProviderOrderFixtures.uniqueId("followup-export-cmd");
        String hook = "/cmd-hooks/" + providerId;
        ProviderStub.server().stubFor(post(hook).willReturn(aResponse().withStatus(202)));
        for (int i = 0; i < 3; i++) {
            insert(providerId, Instant.parse("2025-06-01T00:00:0" + i + "Z"));
        }
        Map<String, String> env = new HashMap<>(sharedDatabase());
        env.put("ANALYTICS_GUARDRAIL_WEBHOOK", ProviderStub.baseUrl() + hook);
        String[] args = {GF, "--sink", "webhook", "--cursor-store", "file", "--provider-id", providerId, "--page-size", "2"};
        CommandProcess.Result first = CommandProcess.run(workDir, env, args);
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).isEmpty();
        assertThat(ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(hook)))).hasSize(2);
        JsonNode cursor = Json.MAPPER.readTree(Files.readString(workDir.resolve("guardrail_followups_cursor.json")));
        assertThat(cursor.get("rows").asInt()).isEqualTo(3);
        CommandProcess.Result second = CommandProcess.run(workDir, env, args);
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(hook)))).hasSize(2);
        insert(providerId, Instant.parse("2025-06-02T00:00:00Z"));
        CommandProcess.Result third = CommandProcess.run(workDir, env, args[0], "--sink", "stdout", "--cursor-store", "file",
                "--provider-id", providerId);
        assertThat(third.exitCode()).as(third.stderr()).isZero();
        assertThat(third.stdout().lines()).hasSize(1);
        assertThat(Json.MAPPER.readTree(third.stdout()).get("createdAt").asText()).isEqualTo("2025-06-02T00:00:00.000000Z");
    }

    @Test
    void everyBadRunHistoryExportFlagExitsTwoBeforeAnySideEffect() throws Exception {
        String ar = "export-provider-automation-runs";
        String[][] bad = {{"--limit", "0"}, {"--limit", "101"}, {"--limit", "x"}, {"--format", "xml"}, {"--format", "CSV"},
            {"--timeout", "0"}, {"--timeout", "-1"}, {"--timeout", "soon"}, {"--base-url", "localhost:8000"},
            {"--base-url", "ftp://h/x"}, {"--bogus", "1"}, {"--auth-token", ""}};
        for (String[] flags : bad) {
            String[] args = new String[flags.length + 3];
            args[0] = ar;
            System.arraycopy(flags, 0, args, 1, flags.length);
            args[flags.length + 1] = "--output";
            args[flags.length + 2] = "out/runs.json";
            boolean hasBase = java.util.Arrays.asList(flags).contains("--base-url");
            CommandProcess.Result result = CommandProcess.run(workDir, hasBase ? Map.of()
                    : Map.of("SMPLAT_API_BASE_URL", "http://127.0.0.1:1"), args);
            assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.stderr()).isEqualTo(2);
            assertThat(result.stderr().strip().lines()).as(result.stderr()).hasSize(1);
            assertThat(result.stdout()).isEmpty();
        }
        CommandProcess.Result noBase = CommandProcess.run(workDir, Map.of(), ar);
        assertThat(noBase.exitCode()).isEqualTo(2);
        assertThat(noBase.stderr()).contains("SMPLAT_API_BASE_URL");
        assertThat(entries()).isEmpty();
    }

    @Test
    void theRunHistoryExportPrintsOnlyItsDocumentOnStdout() throws Exception {
        String base = ProviderStub.baseUrl() + "/" + ProviderOrderFixtures.uniqueId("run-history-export-cmd");
        ProviderStub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo(base.substring(ProviderStub.baseUrl().length()) + "/api/v1/fulfillment/providers/automation/status/history"))
                .willReturn(aResponse().withStatus(200).withBody("{\"replay\": [], \"alerts\": []}")));
        Map<String, String> env = new HashMap<>(sharedDatabase());
        env.put("SMPLAT_API_BASE_URL", base + "/");
        CommandProcess.Result json = CommandProcess.run(workDir, env, "export-provider-automation-runs");
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        assertThat(Json.MAPPER.readTree(json.stdout()).get("runs")).isEmpty();
        assertThat(json.stderr()).contains("no runs");
        env.put("SMPLAT_AUTOMATION_EXPORT_DIR", workDir.resolve("exports").toString());
        CommandProcess.Result csv = CommandProcess.run(workDir, env, "export-provider-automation-runs", "--format", "csv");
        assertThat(csv.exitCode()).as(csv.stderr()).isZero();
        assertThat(csv.stdout()).isEmpty();
        try (var files = Files.list(workDir.resolve("exports"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString().endsWith(".csv");
        }
        env.put("SMPLAT_API_BASE_URL", ProviderStub.baseUrl() + "/missing-history");
        CommandProcess.Result failed = CommandProcess.run(workDir, env, "export-provider-automation-runs");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stderr().strip().lines().reduce((a, b) -> b).orElse("")).contains("HTTP 404").contains("/missing-history/api/v1");
    }

    private void insert(String providerId, Instant createdAt) {
        jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, created_at) VALUES (?, 'pause', ?)",
                providerId, Timestamp.from(createdAt));
    }
}
