package com.smplat.providerautomation.exports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Run-history exports (exports.md 2) from a WireMock history endpoint, and in-process for the schedule. */
@ServiceTest
class RunHistoryExportTest {
    static final String HISTORY = "/api/v1/fulfillment/providers/automation/status/history";
    static final String SPEC_RESPONSE = """
            {"replay": [{"ranAt": "2025-01-13T10:00:00Z",
                         "summary": {"processed": 3, "succeeded": 2, "failed": 1, "scheduledBacklog": 4,
                                     "nextScheduledAt": "2025-01-13T10:05:00+00:00"}}],
             "alerts": [{"ranAt": "2025-01-13T09:45:00.25Z",
                         "summary": {"alerts": 1, "alertsSent": 1,
                                     "alertsDigest": [{"providerId": "prov_abc", "reasons": ["replay_failures"]}],
                                     "loadAlerts": 0, "loadAlertsDigest": []},
                         "metadata": {"alertsDigest": [{"providerId": "prov_abc", "reasons": ["replay_failures"]}]}}]}""";
    static final String SPEC_CSV = "category,ran_at,scheduled_backlog,next_scheduled_at,processed,succeeded,failed,alerts_sent,alerts_digest,load_alerts_digest,summary_json\r\n"
            + "replay,2025-01-13T10:00:00.000000Z,4,2025-01-13T10:05:00+00:00,3,2,1,,null,null,\"{\"\"processed\"\": 3, \"\"succeeded\"\": 2, \"\"failed\"\": 1, \"\"scheduledBacklog\"\": 4, \"\"nextScheduledAt\"\": \"\"2025-01-13T10:05:00+00:00\"\"}\"\r\n"
            + "alerts,2025-01-13T09:45:00.250000Z,,,,,,1,\"[{\"\"providerId\"\": \"\"prov_abc\"\", \"\"reasons\"\": [\"\"replay_failures\"\"]}]\",[],\"{\"\"alerts\"\": 1, \"\"alertsSent\"\": 1, \"\"alertsDigest\"\": [{\"\"providerId\"\": \"\"prov_abc\"\", \"\"reasons\"\": [\"\"replay_failures\"\"]}], \"\"loadAlerts\"\": 0, \"\"loadAlertsDigest\"\": []}\"\r\n";

    @Autowired
    ProducerTemplate producer;

    @TempDir
    Path dir;

    String base;

    @BeforeEach
    void source() {
        base = ProviderStub.baseUrl() + "/" + ProviderOrderFixtures.uniqueId("ar");
    }

    RunHistoryExportRequest request(String format, Path output, String token) {
        return new RunHistoryExportRequest("command", base + "//", token, 7, format, output, null, 5000, 5);
    }

    String path() {
        return base.substring(ProviderStub.baseUrl().length()) + HISTORY;
    }

    void answer(String body) {
        ProviderStub.server().stubFor(get(urlPathEqualTo(path())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void theCsvMatchesTheSpecByteForByte() throws Exception {
        answer(SPEC_RESPONSE);
        Path out = dir.resolve("nested/runs.csv");
        producer.requestBody("direct:run-history-export", request("csv", out, null));
        assertThat(new String(Files.readAllBytes(out), StandardCharsets.UTF_8)).isEqualTo(SPEC_CSV);
        assertThat(Files.exists(dir.resolve("nested/runs.csv.partial"))).isFalse();
        var sent = ProviderStub.server().findAll(getRequestedFor(urlPathEqualTo(path())));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).queryParameter("limit").firstValue()).isEqualTo("7");
        assertThat(sent.get(0).getHeader("Accept")).isEqualTo("application/json");
        assertThat(sent.get(0).containsHeader("Authorization")).isFalse();
    }

    @Test
    void theJsonDocumentHasElevenMembersPerRowAndKeepsNumbersAsWritten() throws Exception {
        answer(SPEC_RESPONSE.replace("\"processed\": 3", "\"processed\": 3, \"ratio\": 0.6, \"ok\": true"));
        Path out = dir.resolve("runs.json");
        producer.requestBody("direct:run-history-export", request("json", out, "tok-1"));
        String text = Files.readString(out);
        assertThat(text).endsWith("}\n").contains("0.6");
        JsonNode doc = Json.MAPPER.readTree(text);
        JsonNode first = doc.get("runs").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("category", "ran_at", "scheduled_backlog",
                "next_scheduled_at", "processed", "succeeded", "failed", "alerts_sent", "alerts_digest", "load_alerts_digest", "summary");
        assertThat(first.get("ran_at").asText()).isEqualTo("2025-01-13T10:00:00.000000Z");
        assertThat(first.get("alerts_sent").isNull()).isTrue();
        assertThat(doc.get("runs").get(1).get("category").asText()).isEqualTo("alerts");
        assertThat(doc.get("runs").get(1).has("metadata")).isFalse();
        assertThat(ProviderStub.server().findAll(getRequestedFor(urlPathEqualTo(path()))).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer tok-1");
    }

    @Test
    void zeroRunsStillWriteTheFile() throws Exception {
        answer("{\"replay\": [], \"alerts\": [], \"other\": 3}");
        Path csv = dir.resolve("empty.csv");
        producer.requestBody("direct:run-history-export", request("csv", csv, null));
        assertThat(Files.readString(csv)).isEqualTo(RunHistoryRows.CSV_HEADER.stream().reduce((a, b) -> a + "," + b).orElseThrow() + "\r\n");
        Path json = dir.resolve("empty.json");
        producer.requestBody("direct:run-history-export", request("json", json, null));
        assertThat(Json.MAPPER.readTree(Files.readString(json)).get("runs")).isEmpty();
    }

    @Test
    void fiveHundredsAreRetriedThreeAttemptsInAll() throws Exception {
        ProviderStub.server().stubFor(get(urlPathEqualTo(path())).inScenario(base).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("again"));
        ProviderStub.server().stubFor(get(urlPathEqualTo(path())).inScenario(base).whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        ProviderStub.server().stubFor(get(urlPathEqualTo(path())).inScenario(base).whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(SPEC_RESPONSE)));
        Path out = dir.resolve("runs.csv");
        producer.requestBody("direct:run-history-export", request("csv", out, null));
        assertThat(Files.readString(out)).isEqualTo(SPEC_CSV);
        assertThat(ProviderStub.server().findAll(getRequestedFor(urlPathEqualTo(path())))).hasSize(3);
    }

    @Test
    void a4xxIsNotRetriedAndWritesNothing() throws Exception {
        ProviderStub.server().stubFor(get(urlPathEqualTo(path())).willReturn(aResponse().withStatus(422)));
        Path out = dir.resolve("runs.csv");
        assertThatThrownBy(() -> producer.requestBody("direct:run-history-export", request("csv", out, null)))
                .isInstanceOf(CamelExecutionException.class)
                .hasStackTraceContaining("HTTP 422").hasStackTraceContaining(HISTORY);
        assertThat(ProviderStub.server().findAll(getRequestedFor(urlPathEqualTo(path())))).hasSize(1);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aBodyThatIsNotAJsonObjectFailsWithoutOutput() throws Exception {
        answer("[1, 2]");
        Path out = dir.resolve("runs.json");
        assertThatThrownBy(() -> producer.requestBody("direct:run-history-export", request("json", out, null)))
                .hasStackTraceContaining("not a JSON object");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void theScheduledShapeReadsHistoryInProcessIntoATimestampedFile() throws Exception {
        RunHistoryExportRequest scheduled = new RunHistoryExportRequest("schedule", null, null, 100, "csv", null, dir.resolve("exports"), 15000, 5);
        producer.requestBody("direct:run-history-export", scheduled);
        try (var files = Files.list(dir.resolve("exports"))) {
            var names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSize(1);
            assertThat(names.get(0)).matches("provider_automation_runs_\\d{8}T\\d{6}Z\\.csv");
            assertThat(Files.readString(dir.resolve("exports").resolve(names.get(0)))).startsWith("category,ran_at,");
        }
    }
}
