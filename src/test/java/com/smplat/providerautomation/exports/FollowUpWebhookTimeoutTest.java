package com.smplat.providerautomation.exports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The follow-up export's webhook (exports.md 3.6), slower than its timeout: the attempt is cut off after 30 s. */
@ServiceTest
class FollowUpWebhookTimeoutTest {
    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private String followUp() {
        String providerId = ProviderOrderFixtures.uniqueId("gf-slow");
        jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, created_at) VALUES (?, 'pause', ?)",
                providerId, Timestamp.from(Instant.parse("2024-02-02T00:00:00Z")));
        return providerId;
    }

    @Test
    void aWebhookSlowerThanThirtySecondsFailsTheAttemptAndKeepsTheCursor() {
        String providerId = followUp();
        String hookPath = "/hooks/" + providerId;
        ProviderStub.server().stubFor(post(urlPathEqualTo(hookPath)).willReturn(aResponse().withStatus(200).withFixedDelay(40_000)));
        GfRequest request = new GfRequest("command", 10, null, providerId, GfRequest.Sink.webhook, null,
                ProviderStub.baseUrl() + hookPath, null, GfRequest.CursorStoreKind.file, dir.resolve("cursor.json"),
                10, 0, 0, 5, null, null);

        Instant start = Instant.now();
        GfOutcome outcome = producer.requestBody("direct:gf-export", request, GfOutcome.class);

        assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(38));
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.detail()).contains("timeout");
        assertThat(ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(hookPath)))).hasSize(1);
        assertThat(Files.exists(dir.resolve("cursor.json"))).isFalse();
    }
}
