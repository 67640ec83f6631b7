package com.smplat.providerautomation.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.exports.ExportRetries;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Route template http-post-with-retry (routes/http-post.yaml) on its own: an instance whose URL, retries, key and
 * signing key come from exchange properties, against WireMock as the receiver, so the request the template builds
 * and the attempts its route configuration makes are seen as a receiver sees them.
 */
@ServiceTest
class HttpPostTemplateTest {
    static final byte[] KEY = "the template's signing key, 32 b".getBytes(StandardCharsets.UTF_8);
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static boolean instantiated;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    String path;

    @BeforeEach
    void instantiate() throws Exception {
        path = "/http-post/" + ProviderOrderFixtures.uniqueId("probe");
        synchronized (HttpPostTemplateTest.class) {
            if (!instantiated) {
                TemplatedRouteBuilder.builder(camel, "http-post-with-retry").routeId("http-post-probe")
                        .parameter("routeId", "http-post-probe")
                        .parameter("hostAlias", "http-post-probe")
                        .parameter("url", "${exchangeProperty.probeUrl}")
                        .parameter("timeoutMillis", "5000")
                        .parameter("retries", "${exchangeProperty.probeRetries}")
                        .parameter("retryBaseMillis", "1")
                        .parameter("idempotencyKey", "${exchangeProperty.probeKey}")
                        .parameter("signingSecret", "${exchangeProperty.probeSecret}")
                        .add();
                // a route added after start-up waits for the (supervising) route controller to be started
                camel.getRouteController().startRoute("http-post-probe");
                instantiated = true;
            }
        }
    }

    Exchange send(String secret, int retries) {
        return producer.send("direct:http-post-probe", exchange -> {
            exchange.getMessage().setBody("{\"rows\": 1}");
            exchange.setProperty("probeUrl", ProviderStub.baseUrl() + path);
            exchange.setProperty("probeKey", "page-key-1");
            exchange.setProperty("probeRetries", retries);
            if (secret != null) {
                exchange.setProperty("probeSecret", secret);
            }
        });
    }

    List<LoggedRequest> received() {
        return ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void aSigningKeyAddsTheStandardWebhooksHeadersOverIdTimestampAndBodyAndNeverTheKeyItself() throws Exception {
        ProviderStub.server().stubFor(post(path).willReturn(aResponse().withStatus(204)));

        Exchange result = send(SECRET, 0);

        assertThat(result.getProperty(ExportRetries.FAILURE)).isNull();
        assertThat(result.getProperties()).doesNotContainKey("httpPostSigningSecret");
        LoggedRequest sent = received().get(0);
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("page-key-1");
        assertThat(sent.getHeader("webhook-id")).isEqualTo("page-key-1");
        String timestamp = sent.getHeader("webhook-timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] signed = mac.doFinal(("page-key-1." + timestamp + "." + sent.getBodyAsString()).getBytes(StandardCharsets.UTF_8));
        assertThat(sent.getHeader("webhook-signature")).isEqualTo("v1," + Base64.getEncoder().encodeToString(signed));
        assertThat(sent.getHeaders().all()).noneMatch(header -> header.values().stream().anyMatch(value -> value.contains("whsec_")));
    }

    @Test
    void withoutASigningKeyThereAreNoSignatureHeaders() {
        ProviderStub.server().stubFor(post(path).willReturn(aResponse().withStatus(200)));

        send(null, 0);

        LoggedRequest sent = received().get(0);
        assertThat(sent.containsHeader("webhook-signature")).isFalse();
        assertThat(sent.containsHeader("webhook-id")).isFalse();
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("page-key-1");
    }

    @Test
    void a503IsRetriedAfterItsRetryAfterWithTheSameBytesAndHeadersThenLeftToTheCaller() {
        ProviderStub.server().stubFor(post(path).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));

        Exchange result = send(SECRET, 2);

        List<LoggedRequest> sent = received();
        assertThat(sent).as("1 attempt and 2 retries").hasSize(3);
        assertThat(sent).extracting(LoggedRequest::getBodyAsString).containsOnly("{\"rows\": 1}");
        assertThat(sent).extracting(request -> request.getHeader("webhook-signature")).containsOnly(sent.get(0).getHeader("webhook-signature"));
        for (int retry = 1; retry < sent.size(); retry++) {
            assertThat(sent.get(retry).getLoggedDate().getTime() - sent.get(retry - 1).getLoggedDate().getTime())
                    .as("Retry-After: 1 is waited for").isGreaterThanOrEqualTo(950);
        }
        assertThat(ExportRetries.httpStatus(result.getProperty(ExportRetries.FAILURE, Throwable.class))).isEqualTo(503);
        assertThat(result.getProperty(ExportRetries.ATTEMPTS, Integer.class)).isEqualTo(3);
        assertThat(result.getException()).as("the route never throws").isNull();
    }

    @Test
    void a404IsFinalForTheWebhookPolicy() {
        ProviderStub.server().stubFor(post(path).willReturn(aResponse().withStatus(404)));

        Exchange result = send(null, 3);

        assertThat(received()).hasSize(1);
        assertThat(result.getProperty(ExportRetries.ATTEMPTS, Integer.class)).isEqualTo(1);
        assertThat(result.getProperty(ExportRetries.FAILURE)).isNotNull();
    }
}
