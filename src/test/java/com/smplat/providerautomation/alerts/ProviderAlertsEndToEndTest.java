package com.smplat.providerautomation.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.cli.CommandProcess;
import com.smplat.providerautomation.config.DatabaseEndpoint;
import com.smplat.providerautomation.support.Json;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #4's "done when": with the demo data and local Slack and SMTP endpoints, {@code provider-alerts} (a separate
 * process, as an operator runs it) produces the alerts the demo data implies, delivers them to both channels,
 * pauses the failing demo providers and records the run.
 */
@ServiceTest
class ProviderAlertsEndToEndTest {
    private static final MailServer MAIL = new MailServer();

    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatabaseEndpoint database;

    @TempDir
    Path workDir;

    @BeforeAll
    static void start() {
        MAIL.start();
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
    }

    @Test
    void theDemoDataAlertsAreDeliveredToBothChannelsAndTheFailingProvidersPaused() throws Exception {
        producer.requestBody("direct:seed-demo", null, String.class);
        // other tests may have run alert runs over the demo data already: start from the seeded pause state
        jdbc.update("DELETE FROM provider_guardrail_status WHERE provider_id IN ('demo-gamma', 'demo-delta')");
        ProviderStub.server().stubFor(post(urlPathEqualTo("/slack-e2e")).willReturn(aResponse().withStatus(200).withBody("ok")));

        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", database.target().jdbcUrl());
        env.put("DATABASE_USER", database.target().user() == null ? "" : database.target().user());
        env.put("DATABASE_PASSWORD", database.target().password() == null ? "" : database.target().password());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(MAIL.port()));
        env.put("SMTP_USE_TLS", "false");
        env.put("SMTP_SENDER_EMAIL", "alerts@provider-automation.example");
        env.put("PROVIDER_AUTOMATION_ALERT_EMAIL_RECIPIENTS", "ops@example.com");
        env.put("PROVIDER_AUTOMATION_ALERT_SLACK_WEBHOOK_URL", ProviderStub.baseUrl() + "/slack-e2e");
        env.put("PROVIDER_AUTOMATION_ALERT_SLACK_CHANNEL", "#ops");
        env.put("PROVIDER_AUTOMATION_ALERT_COOLDOWN_SECONDS", "0");

        CommandProcess.Result result = CommandProcess.run(workDir, env, "provider-alerts");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode summary = Json.MAPPER.readTree(result.stdout()).get("summary");
        JsonNode delivery = summary.get("notificationDelivery");
        assertThat(delivery.get("email").get("status").asText()).isEqualTo("sent");
        assertThat(delivery.get("slack").get("status").asText()).isEqualTo("sent");
        assertThat(summary.get("alertsDigest").toString()).contains("demo-gamma").contains("demo-delta");
        assertThat(summary.get("autoPausedProviders").toString()).contains("demo-gamma").contains("demo-delta");

        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("Provider automation alerts");
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
        assertThat((String) mails[0].getContent()).startsWith("The following providers breached automation guardrails:")
                .contains("Gamma Supply (demo-gamma)").contains("Automation guardrail actions taken automatically:");

        ProviderStub.server().verify(postRequestedFor(urlPathEqualTo("/slack-e2e"))
                .withRequestBody(matchingJsonPath("$.channel", WireMock.equalTo("#ops")))
                .withRequestBody(matchingJsonPath("$.text", WireMock.containing(":warning: Provider automation alerts detected"))));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM provider_guardrail_status
                 WHERE provider_id IN ('demo-gamma', 'demo-delta') AND is_paused AND last_source = 'automation'""", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT status FROM provider_automation_runs WHERE run_type = 'alert'"
                + " ORDER BY created_at DESC, seq DESC LIMIT 1", String.class)).isEqualTo(summary.get("status").asText());
    }
}
