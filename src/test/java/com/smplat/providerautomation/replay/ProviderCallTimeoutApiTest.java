package com.smplat.providerautomation.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A provider that answers too late: the call gives up after the endpoint's timeoutSeconds and records nothing. */
@ServiceTest
class ProviderCallTimeoutApiTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    ProviderOrderFixtures fixtures;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        fixtures = new ProviderOrderFixtures(jdbc);
    }

    private UUID orderOfProviderAnsweringAfter(String providerId, int delayMillis, String timeout) {
        String path = "/" + providerId + "/orders";
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(delayMillis)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\": true}")));
        fixtures.provider(providerId, "Provider " + providerId, """
                {"automation": {"endpoints": {"order": {"method": "POST", "url": "%s"%s}}}}"""
                .formatted(ProviderStub.baseUrl() + path, timeout == null ? "" : ", \"timeoutSeconds\": " + timeout));
        return fixtures.providerOrder(providerId, "svc-timeout", new BigDecimal("10.00"), "{}");
    }

    private ApiClient.Reply replay(String providerId, UUID providerOrderId) {
        return api.postJson("/api/v1/fulfillment/providers/" + providerId + "/orders/" + providerOrderId + "/replay", "{\"amount\": 5}");
    }

    @Test
    void aProviderSlowerThanTheEndpointTimeoutFailsTheReplayAfterTheTimeout() {
        String providerId = ProviderOrderFixtures.uniqueId("prov-slow");
        UUID providerOrderId = orderOfProviderAnsweringAfter(providerId, 5_000, "1");
        String before = fixtures.payloadText(providerOrderId);

        Instant start = Instant.now();
        ApiClient.Reply reply = replay(providerId, providerOrderId);
        Duration took = Duration.between(start, Instant.now());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).startsWith("Timed out after 1000 ms");
        assertThat(took).isLessThan(Duration.ofMillis(4_000));
        assertThat(fixtures.payloadText(providerOrderId)).isEqualTo(before);
    }

    @Test
    void twoEndpointsWithDifferentTimeoutsEachKeepTheirOwn() {
        String fast = ProviderOrderFixtures.uniqueId("prov-fast");
        String patient = ProviderOrderFixtures.uniqueId("prov-patient");
        UUID fastOrder = orderOfProviderAnsweringAfter(fast, 2_000, "1");
        UUID patientOrder = orderOfProviderAnsweringAfter(patient, 1_000, "4");

        assertThat(replay(patient, patientOrder).status()).isEqualTo(200);
        assertThat(replay(fast, fastOrder).json().get("detail").asText()).startsWith("Timed out after 1000 ms");
        assertThat(replay(patient, patientOrder).status()).isEqualTo(200);
    }
}
