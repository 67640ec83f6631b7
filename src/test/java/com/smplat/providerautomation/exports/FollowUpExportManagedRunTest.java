package com.smplat.providerautomation.exports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled/triggered runs end to end (exports.md 3.9 to 3.12) with their own settings: the database cursor store,
 * the webhook, the Slack notice on WireMock, and the artifact, status document and checkpoint in s3proxy.
 */
@ServiceTest
class FollowUpExportManagedRunTest {
    @Autowired
    ProducerTemplate producer;

    @Autowired
    ExportStateRepository state;

    @Autowired
    JdbcTemplate jdbc;

    private ExportSettings settings(String hook, String slack, String bucket) {
        Map<String, String> env = new HashMap<>();
        env.put("GUARDRAIL_EXPORT_SINK", "webhook");
        env.put("ANALYTICS_GUARDRAIL_WEBHOOK", ProviderStub.baseUrl() + hook);
        env.put("GUARDRAIL_EXPORT_WEBHOOK_RETRIES", "0");
        env.put("GUARDRAIL_EXPORT_SETTLE_SECONDS", "0");
        env.put("GUARDRAIL_EXPORT_LIMIT", "1000000");
        env.put("GUARDRAIL_EXPORT_SLACK_WEBHOOK", ProviderStub.baseUrl() + slack);
        env.put("GUARDRAIL_EXPORT_WORKFLOW_URL", "https://ops.example.test/runs/{runId}");
        env.put("GUARDRAIL_EXPORT_S3_ENDPOINT", S3Server.endpoint());
        env.put("GUARDRAIL_EXPORT_AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        env.put("GUARDRAIL_EXPORT_AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        env.put("GUARDRAIL_EXPORT_CURSOR_S3_URI", "s3://" + bucket + "/gf/cursor.json");
        env.put("GUARDRAIL_EXPORT_ARTIFACT_S3_URI", "s3://" + bucket + "/gf/latest.ndjson");
        env.put("GUARDRAIL_EXPORT_STATUS_S3_URI", "s3://" + bucket + "/gf/status.json");
        return ExportSettings.from(EnvSource.of(env));
    }

    /** One managed run with these settings, as the schedule or the trigger starts it (its record, then the route). */
    private UUID runManaged(ExportSettings settings, String trigger) {
        UUID runId = UUID.randomUUID();
        state.startRun(runId, FollowUpExport.PIPELINE, trigger, Timestamps.now());
        producer.send("direct:followup-export-managed-run", exchange -> {
            exchange.setProperty("runId", runId.toString());
            exchange.getMessage().setBody(settings);
        });
        return runId;
    }

    private String slackText(String slack) throws Exception {
        var posts = ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(slack)));
        assertThat(posts).hasSize(1);
        return Json.MAPPER.readTree(posts.get(0).getBodyAsString()).get("text").asText();
    }

    @Test
    void aFailingWebhookFailsTheRunLeavesCursorAndStatusAloneAndSendsTheFailureNotice() throws Exception {
        String id = ProviderOrderFixtures.uniqueId("managed-fail");
        String bucket = S3Server.bucket(id.toLowerCase().replaceAll("[^a-z0-9]", ""));
        jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, created_at) VALUES (?, 'pause', now() - interval '1 minute')", id);
        ProviderStub.server().stubFor(post("/managed/" + id).willReturn(aResponse().withStatus(500)));
        ProviderStub.server().stubFor(post("/slack/" + id).willReturn(aResponse().withStatus(200)));
        var cursorBefore = state.cursor(FollowUpExport.PIPELINE, "");
        var statusBefore = state.status(FollowUpExport.PIPELINE);
        UUID runId = runManaged(settings("/managed/" + id, "/slack/" + id, bucket), "schedule");
        JsonNode record = Json.MAPPER.valueToTree(state.run(FollowUpExport.PIPELINE, runId).orElseThrow());
        assertThat(record.get("status").asText()).isEqualTo("failed");
        assertThat(record.get("errorCategory").asText()).isEqualTo("sink");
        assertThat(record.get("trigger").asText()).isEqualTo("schedule");
        assertThat(state.cursor(FollowUpExport.PIPELINE, "")).isEqualTo(cursorBefore);
        assertThat(state.status(FollowUpExport.PIPELINE)).isEqualTo(statusBefore);
        assertThat(ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo("/managed/" + id)))).hasSize(1);
        assertThat(S3Server.object(bucket, "gf/cursor.json")).isNull();
        String text = slackText("/slack/" + id);
        assertThat(text).startsWith(":rotating_light: Guardrail follow-up export failed\n- Error: sink (")
                .contains("\n- Rows delivered: 0\n")
                .endsWith("\n- Run: https://ops.example.test/runs/" + runId)
                .doesNotContain(ProviderStub.baseUrl());
    }

    @Test
    void aSuccessfulRunPublishesArtifactStatusCheckpointAndTheSuccessNotice() throws Exception {
        String id = ProviderOrderFixtures.uniqueId("managed-ok");
        String bucket = S3Server.bucket(id.toLowerCase().replaceAll("[^a-z0-9]", ""));
        jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, created_at) VALUES (?, 'resume', now() - interval '1 minute')", id);
        ProviderStub.server().stubFor(post("/managed/" + id).willReturn(aResponse().withStatus(200)));
        ProviderStub.server().stubFor(post("/slack/" + id).willReturn(aResponse().withStatus(200)));
        UUID runId = runManaged(settings("/managed/" + id, "/slack/" + id, bucket), "manual");
        JsonNode record = Json.MAPPER.valueToTree(state.run(FollowUpExport.PIPELINE, runId).orElseThrow());
        assertThat(record.get("status").asText()).as(record.toString()).isEqualTo("succeeded");
        long rows = record.get("rows").asLong();
        assertThat(rows).isPositive();

        String artifact = new String(S3Server.object(bucket, "gf/latest.ndjson"), StandardCharsets.UTF_8);
        assertThat(artifact.lines().count()).isEqualTo(rows);
        assertThat(artifact).contains("\"providerId\": \"" + id + "\"");
        JsonNode status = Json.MAPPER.readTree(state.status(FollowUpExport.PIPELINE).orElseThrow());
        assertThat(status.get("rows").asLong()).isEqualTo(rows);
        assertThat(status.get("downloadUrl").asText()).isEqualTo(S3Server.endpoint() + "/" + bucket + "/gf/latest.ndjson");
        assertThat(status.get("workflowUrl").asText()).isEqualTo("https://ops.example.test/runs/" + runId);
        assertThat(Json.MAPPER.readTree(S3Server.object(bucket, "gf/status.json"))).isEqualTo(status);
        JsonNode checkpoint = Json.MAPPER.readTree(S3Server.object(bucket, "gf/cursor.json"));
        assertThat(checkpoint.get("cursor").asText()).isEqualTo(status.get("cursor").asText());
        assertThat(slackText("/slack/" + id)).isEqualTo(":white_check_mark: Guardrail follow-up export succeeded\n- Rows: "
                + rows + "\n- Next cursor: " + status.get("cursor").asText() + "\n- Updated: " + status.get("updatedAt").asText()
                + "\n- Run: https://ops.example.test/runs/" + runId);

        // a second run finds nothing new: rows 0, same position, the artifact URL kept
        ProviderStub.server().resetRequests();
        UUID second = runManaged(settings("/managed/" + id, "/slack/" + id, bucket), "manual");
        JsonNode again = Json.MAPPER.readTree(state.status(FollowUpExport.PIPELINE).orElseThrow());
        assertThat(state.run(FollowUpExport.PIPELINE, second).orElseThrow().get("status")).isEqualTo("succeeded");
        assertThat(again.get("rows").asLong()).isZero();
        assertThat(again.get("cursor")).isEqualTo(status.get("cursor"));
        assertThat(again.get("downloadUrl")).isEqualTo(status.get("downloadUrl"));
        assertThat(ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo("/managed/" + id)))).isEmpty();
        assertThat(slackText("/slack/" + id)).contains("- Rows: 0\n");
    }
}
