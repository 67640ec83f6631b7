package com.smplat.providerautomation.exports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The export routes step by step: AdviceWith taps named steps ({@code weaveById}, a mock endpoint after the step, so
 * the routes keep working for the other tests of the shared context) and each test asserts what passed there.
 */
@ServiceTest
class ExportRouteStepsTest {
    private static boolean tapped;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    String providerId;

    @BeforeEach
    void tapTheSteps() throws Exception {
        synchronized (ExportRouteStepsTest.class) {
            if (!tapped) {
                AdviceWith.adviceWith(camel, "followup-export", route -> {
                    route.weaveById("followup-export-landing-key").after().to("mock:landing-key");
                    route.weaveById("followup-export-append-file-page").after().to("mock:file-page-appended");
                });
                AdviceWith.adviceWith(camel, "followup-export-webhook-pages", route ->
                        route.weaveById("followup-export-webhook-page-done").after().to("mock:webhook-page-confirmed"));
                AdviceWith.adviceWith(camel, "run-history-export", route ->
                        // the marshalled document may be a stream: bytes, so the tap and the write both read it whole
                        route.weaveById("run-history-export-marshal-csv").after().convertBodyTo(byte[].class)
                                .to("mock:run-history-csv"));
                tapped = true;
            }
        }
        // advised routes are added again; the supervising route controller starts them in the background
        for (String routeId : List.of("followup-export", "followup-export-webhook-pages", "run-history-export")) {
            if (!camel.getRouteController().getRouteStatus(routeId).isStarted()) {
                camel.getRouteController().startRoute(routeId);
            }
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> camel.getRouteController().getRouteStatus(routeId).isStarted());
        }
        MockEndpoint.resetMocks(camel);
        providerId = ProviderOrderFixtures.uniqueId("steps");
    }

    void insert(Instant createdAt) {
        jdbc.update("INSERT INTO provider_guardrail_followup (id, provider_id, action, created_at) VALUES (CAST(? AS uuid), ?, 'pause', ?)",
                UUID.randomUUID().toString(), providerId, Timestamp.from(createdAt));
    }

    FollowUpExportRequest request(FollowUpExportRequest.Sink sink, String webhookUrl) {
        return new FollowUpExportRequest("command", 100, null, providerId, sink, dir.resolve("out.ndjson"), webhookUrl,
                null, FollowUpExportRequest.CursorStoreKind.file, dir.resolve("cursor.json"), 2, 0, 0, 5, null, null);
    }

    @Test
    void stepFollowupExportLandingKeyNamesEveryPageByTheDateOfItsFirstRowAndItsKey() throws Exception {
        insert(Instant.parse("2025-03-01T10:00:00Z"));
        insert(Instant.parse("2025-03-02T10:00:00Z"));
        insert(Instant.parse("2025-03-03T10:00:00Z"));
        String bucket = S3Server.bucket(providerId.toLowerCase().replaceAll("[^a-z0-9]", ""));
        MockEndpoint keys = camel.getEndpoint("mock:landing-key", MockEndpoint.class);
        keys.expectedMessageCount(2);

        ExportOutcome outcome = producer.requestBody("direct:followup-export", request(FollowUpExportRequest.Sink.s3, null)
                .withLanding(FollowUpExportRequest.Sink.s3, S3Server.target(bucket, "in/")), ExportOutcome.class);

        assertThat(outcome.succeeded()).as(String.valueOf(outcome.detail())).isTrue();
        keys.assertIsSatisfied();
        List<String> names = keys.getExchanges().stream().map(e -> e.getMessage().getHeader("CamelAwsS3Key", String.class)).toList();
        assertThat(names.get(0)).matches("in/dt=2025-03-01/[0-9a-f]{64}\\.ndjson");
        assertThat(names.get(1)).matches("in/dt=2025-03-03/[0-9a-f]{64}\\.ndjson");
    }

    @Test
    void stepFollowupExportWebhookPageDoneMovesTheCursorOncePerConfirmedPage() throws Exception {
        for (int i = 0; i < 5; i++) {
            insert(Instant.parse("2025-03-01T10:00:0" + i + "Z"));
        }
        String hook = "/steps/" + providerId;
        ProviderStub.server().stubFor(post(hook).willReturn(aResponse().withStatus(200)));
        MockEndpoint confirmed = camel.getEndpoint("mock:webhook-page-confirmed", MockEndpoint.class);
        confirmed.expectedMessageCount(3);
        // the run's state is one mutable object: read the confirmed rows as each page passes the step
        List<Long> delivered = new CopyOnWriteArrayList<>();
        confirmed.whenAnyExchangeReceived(exchange -> delivered.add(
                exchange.getProperty(FollowUpExport.RUN, FollowUpRun.class).getDelivered()));

        producer.requestBody("direct:followup-export", request(FollowUpExportRequest.Sink.webhook, ProviderStub.baseUrl() + hook));

        confirmed.assertIsSatisfied();
        assertThat(delivered).containsExactly(2L, 4L, 5L);
    }

    @Test
    void stepFollowupExportAppendFilePageGrowsThePartialFileWhileTheFinalNameDoesNotExist() throws Exception {
        for (int i = 0; i < 3; i++) {
            insert(Instant.parse("2025-03-01T10:00:0" + i + "Z"));
        }
        Path file = dir.resolve("out.ndjson");
        Path partial = dir.resolve("out.ndjson.partial");
        MockEndpoint appended = camel.getEndpoint("mock:file-page-appended", MockEndpoint.class);
        appended.expectedMessageCount(2);
        List<String> seen = new CopyOnWriteArrayList<>();
        appended.whenAnyExchangeReceived(exchange -> seen.add(Files.exists(file) + " " + Files.readAllLines(partial).size()));

        ExportOutcome outcome = producer.requestBody("direct:followup-export", request(FollowUpExportRequest.Sink.file, null),
                ExportOutcome.class);

        appended.assertIsSatisfied();
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.detail())).isTrue();
        assertThat(seen).containsExactly("false 2", "false 3");
        assertThat(Files.readAllLines(file)).hasSize(3);
        assertThat(partial).doesNotExist();
    }

    @Test
    void stepRunHistoryExportMarshalCsvWritesCrlfRecordsWithTheHeaderFirst() throws Exception {
        String base = ProviderStub.baseUrl() + "/" + providerId;
        ProviderStub.server().stubFor(get(urlPathEqualTo("/" + providerId + "/api/v1/fulfillment/providers/automation/status/history"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"replay\": [{\"ranAt\": \"2025-01-13T10:00:00Z\", \"summary\": {\"processed\": 1}}], \"alerts\": []}")));
        MockEndpoint csv = camel.getEndpoint("mock:run-history-csv", MockEndpoint.class);
        csv.expectedMessageCount(1);

        producer.requestBody("direct:run-history-export", new RunHistoryExportRequest("command", base, null, 5, "csv",
                dir.resolve("runs.csv"), null, 5000, 5));

        csv.assertIsSatisfied();
        String text = csv.getExchanges().get(0).getMessage().getBody(String.class);
        assertThat(text).startsWith("category,ran_at,").endsWith("\r\n");
        assertThat(text.split("\r\n")).hasSize(2);
        assertThat(text.split("\r\n")[1]).startsWith("replay,2025-01-13T10:00:00.000000Z,");
    }
}
