package com.smplat.providerautomation.exports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The run-history export's source (exports.md 2.8): each attempt is cut off at --timeout, however slow the peer. */
@ServiceTest
class RunHistorySourceTimeoutTest {
    @Autowired
    ProducerTemplate producer;

    @TempDir
    Path dir;

    @Test
    void aSourceSlowerThanTheTimeoutFailsEachAttemptAfterTheTimeout() throws Exception {
        String base = ProviderStub.baseUrl() + "/" + ProviderOrderFixtures.uniqueId("ar-slow");
        String path = base.substring(ProviderStub.baseUrl().length()) + ArExportTest.HISTORY;
        ProviderStub.server().stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(6_000)
                .withHeader("Content-Type", "application/json").withBody("{\"replay\": [], \"alerts\": []}")));
        Path out = dir.resolve("runs.csv");
        ArRequest request = new ArRequest("command", base, null, 5, "csv", out, null, 1000, 5);

        Instant start = Instant.now();
        assertThatThrownBy(() -> producer.requestBody("direct:ar-export", request)).hasStackTraceContaining("timeout");
        Duration took = Duration.between(start, Instant.now());

        // three attempts of one second each, not of six
        assertThat(ProviderStub.server().findAll(getRequestedFor(urlPathEqualTo(path)))).hasSize(3);
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        assertThat(Files.exists(out)).isFalse();
    }
}
