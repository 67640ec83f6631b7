package com.smplat.providerautomation.exports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.smplat.providerautomation.Application;
import com.smplat.providerautomation.FreshEmbeddedDatabase;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * docs/editing-routes.md, "Change the Slack text", "Change a retry count" and "Change the order of the post-run steps":
 * the service started on a copy of routes/ whose export-followups-routes.yaml was edited as an engineer would (the
 * Slack notice's retries and first wait, its success text, and the notice moved before the artifact and status
 * document) follows the edits. No Java changes, no rebuild.
 */
@CamelSpringBootTest
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ENVIRONMENT=development",
            "ROUTES_DIR=" + EditedExportRoutesServiceTest.ROUTES_COPY,
            "EMBEDDED_POSTGRES_DIR=target/test-postgres/edited-export-routes",
            // no Quartz routes: the JVM's one Quartz scheduler ("provider-automation") belongs to the shared test context
            "camel.main.routes-exclude-pattern=**/*-schedules.yaml",
            "STARTUP_WARMUP_SECONDS=0"
        })
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class EditedExportRoutesServiceTest {
    static final String ROUTES_COPY = "target/test-routes/edited-export-routes";
    static final String NOTICE_BLOCK = "        # the Slack notice of every finished run (3.12)\n";
    static final String PUBLICATION_BLOCK = "        # after a success: the artifact (3.12), then the status document, stored and uploaded\n";
    static final String SPOOL_STEP = "        - bean:\n            id: followup-export-remove-spool\n";

    static {
        copyRoutes();
        edit("export-followups-routes.yaml", text -> {
            // the notice's retries: 3 instead of {{exports.notice-retries:1}}, the first wait 5 ms instead of 1 s
            text = replace(text, "        value: \"{{exports.notice-retries:1}}\"\n      - name: retryBaseMillis\n        value: \"1000\"\n",
                    "        value: \"3\"\n      - name: retryBaseMillis\n        value: \"5\"\n");
            // the success text
            text = replace(text, ":white_check_mark: Guardrail follow-up export succeeded\\n",
                    ":tada: ${exchangeProperty.followUpNotice.rows} follow-ups delivered\\n");
            // the notice before the artifact and the status document
            int publication = text.indexOf(PUBLICATION_BLOCK);
            int notice = text.indexOf(NOTICE_BLOCK);
            int spool = text.indexOf(SPOOL_STEP);
            if (publication < 0 || notice < publication || spool < notice) {
                throw new IllegalStateException("the managed run's steps are not where the test expects them");
            }
            return text.substring(0, publication) + text.substring(notice, spool) + text.substring(publication, notice)
                    + text.substring(spool);
        });
    }

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ExportStateRepository state;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEditedRetryCountAndFirstWaitDecideHowOftenTheNoticeIsSent() {
        String slack = "/edited-slack/" + ProviderOrderFixtures.uniqueId("retries");
        ProviderStub.server().stubFor(post(slack).willReturn(aResponse().withStatus(503)));

        var result = producer.send("direct:followup-export-notify", exchange -> {
            exchange.getMessage().setBody("{\"text\": \"hello\"}");
            exchange.setProperty(FollowUpExportNotice.WEBHOOK, ProviderStub.baseUrl() + slack);
        });

        assertThat(result.getProperty(ExportRetries.FAILURE)).isNotNull();
        assertThat(result.getProperty(ExportRetries.ATTEMPTS, Integer.class)).isEqualTo(4);
        assertThat(ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(slack)))).as("1 attempt and 3 retries").hasSize(4);
    }

    @Test
    void theEditedSuccessTextIsPostedBeforeTheStatusDocumentOnceTheNoticeIsMovedFirst() throws Exception {
        String id = ProviderOrderFixtures.uniqueId("edited-order");
        String bucket = "edited-" + id.toLowerCase().replaceAll("[^a-z0-9]", "");
        jdbc.update("INSERT INTO provider_guardrail_followup (provider_id, action, created_at) VALUES (?, 'pause', now() - interval '1 minute')", id);
        ProviderStub.server().stubFor(post("/edited-hook/" + id).willReturn(aResponse().withStatus(200)));
        ProviderStub.server().stubFor(post("/edited-slack/" + id).willReturn(aResponse().withStatus(200)));
        // the S3 API of the status upload is WireMock too, so one request journal orders both calls; a 403 is final
        ProviderStub.server().stubFor(put(urlPathEqualTo("/" + bucket + "/gf/status.json")).willReturn(aResponse().withStatus(403)));
        Map<String, String> env = new HashMap<>();
        env.put("GUARDRAIL_EXPORT_SINK", "webhook");
        env.put("ANALYTICS_GUARDRAIL_WEBHOOK", ProviderStub.baseUrl() + "/edited-hook/" + id);
        env.put("GUARDRAIL_EXPORT_SETTLE_SECONDS", "0");
        env.put("GUARDRAIL_EXPORT_SLACK_WEBHOOK", ProviderStub.baseUrl() + "/edited-slack/" + id);
        env.put("GUARDRAIL_EXPORT_S3_ENDPOINT", ProviderStub.baseUrl());
        env.put("GUARDRAIL_EXPORT_AWS_ACCESS_KEY_ID", "edited");
        env.put("GUARDRAIL_EXPORT_AWS_SECRET_ACCESS_KEY", "edited");
        env.put("GUARDRAIL_EXPORT_STATUS_S3_URI", "s3://" + bucket + "/gf/status.json");
        UUID runId = UUID.randomUUID();
        state.startRun(runId, FollowUpExport.PIPELINE, "manual", Timestamps.now());

        producer.send("direct:followup-export-managed-run", exchange -> {
            exchange.setProperty("runId", runId.toString());
            exchange.getMessage().setBody(ExportSettings.from(EnvSource.of(env)));
        });

        assertThat(state.run(FollowUpExport.PIPELINE, runId).orElseThrow().get("status")).isEqualTo("succeeded");
        List<String> calls = new ArrayList<>();
        for (ServeEvent event : ProviderStub.server().getAllServeEvents()) {
            String url = event.getRequest().getUrl();
            if (url.startsWith("/edited-slack/" + id) || url.startsWith("/" + bucket + "/")) {
                calls.add(0, event.getRequest().getMethod() + " " + url.replaceAll("\\?.*", ""));
            }
        }
        assertThat(calls).containsExactly("POST /edited-slack/" + id, "PUT /" + bucket + "/gf/status.json");
        var slackPost = ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo("/edited-slack/" + id))).get(0);
        assertThat(Json.MAPPER.readTree(slackPost.getBodyAsString()).get("text").asText())
                .startsWith(":tada: 1 follow-ups delivered\n- Rows: 1\n- Next cursor: ");
    }

    private interface Edit {
        String apply(String text);
    }

    private static String replace(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalStateException("not in the route file: " + from);
        }
        return text.replace(from, to);
    }

    private static void edit(String file, Edit edit) {
        Path path = Path.of(ROUTES_COPY, file);
        try {
            Files.writeString(path, edit.apply(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyRoutes() {
        Path to = Path.of(ROUTES_COPY);
        FreshEmbeddedDatabase.deleteRecursively(to);
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            Files.createDirectories(to);
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
