package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertSettingsTest {

    private static AlertSettings alerts(Map<String, String> env) {
        return AlertSettings.from(EnvSource.of(env));
    }

    @Test
    void defaultsMatchTheSpec() {
        AlertSettings settings = alerts(Map.of());
        assertThat(settings.workerEnabled()).isFalse();
        assertThat(settings.intervalSeconds()).isEqualTo(900);
        assertThat(settings.snapshotLimit()).isEqualTo(25);
        assertThat(settings.guardrailFailThreshold()).isEqualTo(3);
        assertThat(settings.guardrailWarnThreshold()).isEqualTo(5);
        assertThat(settings.replayFailureThreshold()).isEqualTo(3);
        assertThat(settings.cooldownSeconds()).isEqualTo(14400);
        assertThat(settings.notifyMaxAttempts()).isEqualTo(3);
        assertThat(settings.notifyBackoffMillis()).isEqualTo(1000);
        assertThat(settings.shortWindowDays()).isEqualTo(7);
        assertThat(settings.longWindowDays()).isEqualTo(90);
        assertThat(settings.shareThreshold()).isEqualTo(0.6);
        assertThat(settings.deltaThreshold()).isEqualTo(0.2);
        assertThat(settings.minEngagements()).isEqualTo(10);
        assertThat(settings.maxResults()).isEqualTo(25);
        assertThat(settings.frontendUrl()).isEqualTo("http://localhost:3000");
        assertThat(settings.smtpPort()).isEqualTo(587);
        assertThat(settings.smtpUseTls()).isTrue();
        assertThat(settings.loadWindowsValid()).isTrue();
    }

    @Test
    void valuesAreClampedNotRejected() {
        AlertSettings settings = alerts(Map.ofEntries(
                Map.entry("PROVIDER_AUTOMATION_ALERT_INTERVAL_SECONDS", "5"),
                Map.entry("PROVIDER_AUTOMATION_ALERT_SNAPSHOT_LIMIT", "999"),
                Map.entry("PROVIDER_AUTOMATION_ALERT_GUARDRAIL_FAIL_THRESHOLD", "0"),
                Map.entry("PROVIDER_AUTOMATION_ALERT_COOLDOWN_SECONDS", "-5"),
                Map.entry("PROVIDER_AUTOMATION_ALERT_NOTIFY_MAX_ATTEMPTS", "50"),
                Map.entry("PROVIDER_AUTOMATION_ALERT_NOTIFY_BACKOFF_MS", "-1"),
                Map.entry("PROVIDER_LOAD_ALERT_SHORT_WINDOW_DAYS", "0"),
                Map.entry("PROVIDER_LOAD_ALERT_LONG_WINDOW_DAYS", "1000"),
                Map.entry("PROVIDER_LOAD_ALERT_SHARE_THRESHOLD", "1.5"),
                Map.entry("PROVIDER_LOAD_ALERT_DELTA_THRESHOLD", "-0.5"),
                Map.entry("PROVIDER_LOAD_ALERT_MAX_RESULTS", "0")));
        assertThat(settings.intervalSeconds()).isEqualTo(60);
        assertThat(settings.snapshotLimit()).isEqualTo(250);
        assertThat(settings.guardrailFailThreshold()).isEqualTo(1);
        assertThat(settings.cooldownSeconds()).isZero();
        assertThat(settings.notifyMaxAttempts()).isEqualTo(10);
        assertThat(settings.notifyBackoffMillis()).isZero();
        assertThat(settings.shortWindowDays()).isEqualTo(1);
        assertThat(settings.longWindowDays()).isEqualTo(365);
        assertThat(settings.shareThreshold()).isEqualTo(1.0);
        assertThat(settings.deltaThreshold()).isEqualTo(0.0);
        assertThat(settings.maxResults()).isEqualTo(1);
    }

    @Test
    void unparsableValuesStopStartUpNamingTheVariable() {
        assertThatThrownBy(() -> alerts(Map.of("PROVIDER_LOAD_ALERT_SHARE_THRESHOLD", "most")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("PROVIDER_LOAD_ALERT_SHARE_THRESHOLD")
                .hasMessageNotContaining("most");
        assertThatThrownBy(() -> alerts(Map.of("PROVIDER_AUTOMATION_ALERT_WORKER_ENABLED", "sometimes")))
                .hasMessageContaining("PROVIDER_AUTOMATION_ALERT_WORKER_ENABLED");
    }

    @Test
    void recipientsAcceptJsonOrCommaListsDropInvalidAndCollapseDuplicates() {
        AlertSettings json = alerts(Map.of("PROVIDER_AUTOMATION_ALERT_EMAIL_RECIPIENTS",
                "[\"ops@example.com\", \" oncall@example.com \", \"OPS@example.com\", \"bad\", \"\"]"));
        assertThat(json.emailRecipients()).containsExactly("ops@example.com", "oncall@example.com");
        assertThat(json.invalidEmailRecipients()).containsExactly("bad");
        AlertSettings list = alerts(Map.of("PROVIDER_AUTOMATION_ALERT_EMAIL_RECIPIENTS", "a@x.io, ,b@@x.io,@x.io,c@"));
        assertThat(list.emailRecipients()).containsExactly("a@x.io");
        assertThat(list.invalidEmailRecipients()).containsExactly("b@@x.io", "@x.io", "c@");
    }

    @Test
    void templateNamesFillInForSmtpUserAndSender() {
        AlertSettings settings = alerts(Map.of("SMTP_USER", "mailer", "EMAIL_FROM", "alerts@example.com"));
        assertThat(settings.smtpUsername()).contains("mailer");
        assertThat(settings.smtpSender()).contains("alerts@example.com");
        AlertSettings preferred = alerts(Map.of("SMTP_USER", "a", "SMTP_USERNAME", "b"));
        assertThat(preferred.smtpUsername()).contains("b");
    }

    @Test
    void slackUrlMustBeAbsoluteHttpAndIsNeverPrinted() {
        assertThat(alerts(Map.of("PROVIDER_AUTOMATION_ALERT_SLACK_WEBHOOK_URL", "ftp://hooks/x")).slackWebhookMalformed()).isTrue();
        assertThat(alerts(Map.of("PROVIDER_AUTOMATION_ALERT_SLACK_WEBHOOK_URL", "not a url")).slackWebhookMalformed()).isTrue();
        AlertSettings ok = alerts(Map.of("PROVIDER_AUTOMATION_ALERT_SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/secret"));
        assertThat(ok.slackWebhookMalformed()).isFalse();
        assertThat(ok.toString()).doesNotContain("secret");
    }

    @Test
    void emptyFrontendUrlMeansRootRelativeLinks() {
        assertThat(alerts(Map.of("FRONTEND_URL", "")).frontendUrl()).isEmpty();
        assertThat(alerts(Map.of("FRONTEND_URL", "https://admin.example.com/console/")).frontendUrl())
                .isEqualTo("https://admin.example.com/console");
    }

    @Test
    void invertedWindowsAreFlagged() {
        assertThat(alerts(Map.of("PROVIDER_LOAD_ALERT_SHORT_WINDOW_DAYS", "30", "PROVIDER_LOAD_ALERT_LONG_WINDOW_DAYS", "30"))
                .loadWindowsValid()).isFalse();
    }
}
