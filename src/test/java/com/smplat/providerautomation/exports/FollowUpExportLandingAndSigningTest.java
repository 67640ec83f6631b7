package com.smplat.providerautomation.exports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.config.SettingsException;
import com.smplat.providerautomation.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.ProducerTemplate;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signed webhook pages (Standard Webhooks headers) and the s3 landing sink (one object per page under
 * {@code <prefix>/dt=<date>/<Idempotency-Key>.ndjson}), against WireMock and s3proxy.
 */
@ServiceTest
class FollowUpExportLandingAndSigningTest {
    static final byte[] KEY = "a signing key of thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);

    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    String providerId;

    @BeforeEach
    void fresh() {
        providerId = ProviderOrderFixtures.uniqueId("landing");
    }

    String insert(Instant createdAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO provider_guardrail_followup (id, provider_id, action, created_at) VALUES (CAST(? AS uuid), ?, 'pause', ?)",
                id, providerId, Timestamp.from(createdAt));
        return id;
    }

    FollowUpExportRequest request(FollowUpExportRequest.Sink sink, String webhookUrl) {
        return new FollowUpExportRequest("command", 100, null, providerId, sink, dir.resolve("out.ndjson"), webhookUrl,
                null, FollowUpExportRequest.CursorStoreKind.file, dir.resolve("cursor.json"), 2, 0, 0, 5, null, null);
    }

    ExportOutcome run(FollowUpExportRequest request) {
        return producer.requestBody("direct:followup-export", request, ExportOutcome.class);
    }

    static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyWebhookPageCarriesAStandardWebhooksSignatureOverIdTimestampAndBody() throws Exception {
        insert(Instant.parse("2025-02-01T10:00:00Z"));
        insert(Instant.parse("2025-02-01T10:00:01Z"));
        insert(Instant.parse("2025-02-01T10:00:02Z"));
        String hook = "/signed/" + providerId;
        ProviderStub.server().stubFor(post(hook).willReturn(aResponse().withStatus(204)));
        long before = Instant.now().getEpochSecond();

        ExportOutcome outcome = run(request(FollowUpExportRequest.Sink.webhook, ProviderStub.baseUrl() + hook).withWebhookSecret(SECRET));

        assertThat(outcome.succeeded()).as(String.valueOf(outcome.detail())).isTrue();
        List<LoggedRequest> pages = ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(hook)));
        assertThat(pages).hasSize(2);
        for (LoggedRequest page : pages) {
            String id = page.getHeader("webhook-id");
            String timestamp = page.getHeader("webhook-timestamp");
            assertThat(id).isEqualTo(page.getHeader("Idempotency-Key"));
            assertThat(Long.parseLong(timestamp)).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + page.getBodyAsString()).getBytes(StandardCharsets.UTF_8));
            assertThat(page.getHeader("webhook-signature")).isEqualTo("v1," + Base64.getEncoder().encodeToString(signed));
        }
    }

    @Test
    void withoutASecretPagesCarryNoSignatureHeaders() {
        insert(Instant.parse("2025-02-01T10:00:00Z"));
        String hook = "/unsigned/" + providerId;
        ProviderStub.server().stubFor(post(hook).willReturn(aResponse().withStatus(200)));
        assertThat(run(request(FollowUpExportRequest.Sink.webhook, ProviderStub.baseUrl() + hook)).succeeded()).isTrue();
        LoggedRequest page = ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(hook))).get(0);
        assertThat(page.containsHeader("webhook-signature")).isFalse();
        assertThat(page.containsHeader("webhook-id")).isFalse();
    }

    @Test
    void theS3SinkLandsEachPageUnderItsDateAndIdempotencyKeyAndAResentPageOverwritesItsOwnKey() throws Exception {
        String bucket = S3Server.bucket(providerId.toLowerCase().replaceAll("[^a-z0-9]", ""));
        String a = insert(Instant.parse("2025-02-01T23:59:59.999999Z"));
        String b = insert(Instant.parse("2025-02-02T00:00:00Z"));
        String c = insert(Instant.parse("2025-02-02T08:00:00Z"));
        FollowUpExportRequest landing = request(FollowUpExportRequest.Sink.s3, null)
                .withLanding(FollowUpExportRequest.Sink.s3, S3Server.target(bucket, "guardrail_followups"));

        ExportOutcome outcome = run(landing);

        assertThat(outcome.succeeded()).as(String.valueOf(outcome.detail())).isTrue();
        assertThat(outcome.rows()).isEqualTo(3);
        String first = "guardrail_followups/dt=2025-02-01/" + sha256Hex(a + "\n" + b + "\n") + ".ndjson";
        String second = "guardrail_followups/dt=2025-02-02/" + sha256Hex(c + "\n") + ".ndjson";
        assertThat(keys(bucket)).containsExactlyInAnyOrder(first, second);
        List<String> lines = new String(S3Server.object(bucket, first), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(Json.MAPPER.readTree(lines.get(0)).get("followUpId").asText()).isEqualTo(a);
        assertThat(Json.MAPPER.readTree(lines.get(1)).get("createdAt").asText()).isEqualTo("2025-02-02T00:00:00.000000Z");
        assertThat(Json.MAPPER.readTree(Files.readString(dir.resolve("cursor.json"))).get("lastFollowUpId").asText()).isEqualTo(c);

        // rewound: the same pages land again under the same keys, nothing new appears
        FollowUpExportRequest rewound = new FollowUpExportRequest("command", 100, Instant.parse("2025-01-01T00:00:00Z"),
                providerId, FollowUpExportRequest.Sink.s3, dir.resolve("out.ndjson"), null, null,
                FollowUpExportRequest.CursorStoreKind.file, dir.resolve("cursor.json"), 2, 0, 0, 5, null, null, null,
                S3Server.target(bucket, "guardrail_followups/"));
        assertThat(run(rewound).rows()).isEqualTo(3);
        assertThat(keys(bucket)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void theS3SinkNeedsItsLandingUri() {
        ExportSettings settings = ExportSettings.from(EnvSource.of(Map.of()));
        assertThatThrownBy(() -> FollowUpExportOptions.resolve(new FollowUpExportOptions.Flags(null, null, null, "s3", null,
                null, null, null, null, null, null), settings, warning -> { }))
                .isInstanceOf(SettingsException.class).hasMessageContaining("GUARDRAIL_EXPORT_LANDING_S3_URI");
        assertThatThrownBy(() -> ExportSettings.from(EnvSource.of(Map.of("GUARDRAIL_EXPORT_WEBHOOK_SECRET", "not-whsec"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("GUARDRAIL_EXPORT_WEBHOOK_SECRET")
                .hasMessageNotContaining("not-whsec");
    }

    static List<String> keys(String bucket) {
        List<String> keys = new ArrayList<>();
        S3Server.store().list(bucket, ListContainerOptions.Builder.recursive()).forEach(meta -> keys.add(meta.getName()));
        return keys;
    }
}
