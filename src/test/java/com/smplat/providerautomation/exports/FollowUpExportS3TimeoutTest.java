package com.smplat.providerautomation.exports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * S3 slower than GUARDRAIL_EXPORT_S3_TIMEOUT_SECONDS (3 s in the service tests): WireMock stands in for the S3 API and
 * answers after 60 s. Each of the route's 3 attempts is cut off at the bound (no SDK retries on top), the run fails
 * with the S3 step's category, and the cursor does not move.
 */
@ServiceTest
class FollowUpExportS3TimeoutTest {
    private static final int DELAY_MILLIS = 60_000;
    // 3 attempts of at most 3 s, waiting 1 s and 2 s between them (about 12 s), with room for a loaded machine
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    String providerId;
    String s3Path;
    String hookPath;

    @BeforeEach
    void slowS3() {
        providerId = ProviderOrderFixtures.uniqueId("gf-slow-s3");
        s3Path = "/s3-" + providerId;
        hookPath = "/hooks/" + providerId;
        jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, created_at) VALUES (?, 'pause', ?)",
                providerId, Timestamp.from(Instant.parse("2024-02-02T00:00:00Z")));
        ProviderStub.server().stubFor(get(urlPathMatching(s3Path + "/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/xml").withFixedDelay(DELAY_MILLIS)
                .withBody("<Error><Code>NoSuchKey</Code><Message>none</Message></Error>")));
        ProviderStub.server().stubFor(put(urlPathMatching(s3Path + "/.*")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(DELAY_MILLIS)));
    }

    private S3Target slowTarget(String key) {
        return new S3Target(s3Path.substring(1), key, "us-east-1", ProviderStub.baseUrl(), "a", "b");
    }

    private FollowUpExportRequest request(FollowUpExportRequest.Sink sink, S3Target checkpoint) {
        return new FollowUpExportRequest("command", 10, null, providerId, sink, null,
                ProviderStub.baseUrl() + hookPath, null, FollowUpExportRequest.CursorStoreKind.file, dir.resolve("cursor.json"),
                10, 0, 0, 5, checkpoint, null);
    }

    @Test
    void aCheckpointDownloadSlowerThanTheTimeoutFailsWithinTheBoundAndDeliversNothing() {
        Instant start = Instant.now();
        ExportOutcome outcome = producer.requestBody("direct:followup-export",
                request(FollowUpExportRequest.Sink.webhook, slowTarget("cursor.json")), ExportOutcome.class);

        assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.category()).isEqualTo("checkpoint-download");
        assertThat(outcome.detail()).contains("timeout");
        assertThat(ProviderStub.server().findAll(getRequestedFor(urlPathEqualTo(s3Path + "/cursor.json")))).hasSize(3);
        assertThat(ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(hookPath)))).isEmpty();
        assertThat(Files.exists(dir.resolve("cursor.json"))).isFalse();
    }

    @Test
    void aLandingPutSlowerThanTheTimeoutFailsWithinTheBoundAndKeepsTheCursor() {
        FollowUpExportRequest landing = request(FollowUpExportRequest.Sink.file, null)
                .withLanding(FollowUpExportRequest.Sink.s3, slowTarget("landing"));

        Instant start = Instant.now();
        ExportOutcome outcome = producer.requestBody("direct:followup-export", landing, ExportOutcome.class);

        assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.category()).isEqualTo("sink");
        assertThat(outcome.detail()).contains("timeout");
        assertThat(outcome.rows()).isZero();
        assertThat(ProviderStub.server().findAll(putRequestedFor(urlPathMatching(s3Path + "/landing/.*")))).hasSize(3);
        assertThat(Files.exists(dir.resolve("cursor.json"))).isFalse();
    }
}
