package com.smplat.providerautomation.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile values against a real provider order (issue 11): each is refused with a 422 at once, before the provider is
 * called or anything is written.
 */
@ServiceTest
class HostileReplayInputApiTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    ProviderOrderFixtures fixtures;
    String providerId;
    String path;
    UUID providerOrderId;

    @BeforeEach
    void providerWithOneOrder() {
        api = new ApiClient(port);
        fixtures = new ProviderOrderFixtures(jdbc);
        providerId = ProviderOrderFixtures.uniqueId("prov-hostile");
        path = "/" + providerId + "/orders";
        fixtures.provider(providerId, "Provider " + providerId, """
                {"automation": {"endpoints": {"order": {"url": "%s"}, "refill": {"url": "%s/refill"}}}}"""
                .formatted(ProviderStub.baseUrl() + path, ProviderStub.baseUrl() + path));
        ProviderStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\": true}")));
        ProviderStub.server().stubFor(post(urlPathEqualTo(path + "/refill")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\": true}")));
        providerOrderId = fixtures.providerOrder(providerId, "svc-hostile", new BigDecimal("10.00"), "{}");
    }

    private ApiClient.Reply send(String action, String body, String... headers) {
        HttpRequest.Builder request = api.request("/api/v1/fulfillment/providers/" + providerId + "/orders/" + providerOrderId + "/" + action)
                .header("X-API-Key", ServiceTest.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return api.send(request);
    }

    private void assertRefusedWithoutEffect(ApiClient.Reply reply, String before, String detailStart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.json().get("detail").asText()).startsWith(detailStart);
        assertThat(fixtures.payloadText(providerOrderId)).isEqualTo(before);
        assertThat(ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(path)))).isEmpty();
        assertThat(ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(path + "/refill")))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM replay_idempotency_keys WHERE provider_order_id = ?", Integer.class,
                providerOrderId)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000000", "\"1e1000000\"", "1e131073", "\"1E+131073\"", "1e-1000000", "10000000000",
        "\"9999999999.995\"", "0.0000001"})
    void anAmountOutsideTheRangeOrPrecisionIsRefusedAtOnceOnReplayAndRefill(String amount) {
        String before = fixtures.payloadText(providerOrderId);
        for (String action : new String[] {"replay", "refill"}) {
            Instant start = Instant.now();
            ApiClient.Reply reply = send(action, "{\"amount\": " + amount + "}");

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
            assertRefusedWithoutEffect(reply, before, "amount must be");
        }
    }

    @Test
    void theLargestAndFinestAmountsInRangeAreAccepted() {
        assertThat(send("replay", "{\"amount\": 9999999999.99}").status()).isEqualTo(200);
        assertThat(send("replay", "{\"amount\": \"0.000001\"}").status()).isEqualTo(200);
        assertThat(send("replay", "{\"amount\": 1.50000000000000000000}").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-4714-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "0000-06-01T00:00:00Z"})
    void aRunAtOutsideTheAcceptedYearsIsRefused(String runAt) {
        String before = fixtures.payloadText(providerOrderId);

        ApiClient.Reply reply = send("replay", "{\"runAt\": \"" + runAt + "\", \"scheduleOnly\": true}");

        assertRefusedWithoutEffect(reply, before, "runAt must be");
    }

    @Test
    void anIdempotencyKeyOver255CharactersIsRefused() {
        String before = fixtures.payloadText(providerOrderId);

        ApiClient.Reply reply = send("replay", "{\"amount\": 5}", "Idempotency-Key", "k".repeat(256));

        assertRefusedWithoutEffect(reply, before, "Idempotency-Key must be");
        assertThat(send("replay", "{\"amount\": 5}", "Idempotency-Key", "k".repeat(255)).status()).isEqualTo(200);
    }

    @Test
    void aJsonStringBodyIsCalledNotAnObjectRatherThanMalformed() {
        String before = fixtures.payloadText(providerOrderId);

        assertRefusedWithoutEffect(send("replay", "\"x\""), before, "Request body must be a JSON object");
        assertRefusedWithoutEffect(send("refill", "\"x\""), before, "Request body must be a JSON object");
    }

    @Test
    void aNulCharacterInTheBodyIsRefused() {
        String before = fixtures.payloadText(providerOrderId);

        assertRefusedWithoutEffect(send("replay", "{\"amount\": 5, \"reason\": \"a\\u0000b\"}"), before,
                "Request body must not contain");
    }
}
