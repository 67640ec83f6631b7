package com.smplat.providerautomation.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ProviderStub;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Alert delivery (alerts.md 10.3, 10.4, 10.7, 11.1) through the real routes: Slack against WireMock, email against a
 * real SMTP server (GreenMail). Each test brings its own {@link DeliveryTargets}, so the shared context keeps its
 * settings. Every log line of the class is captured and checked for the secrets at the end (AL-SEC-1).
 */
@ServiceTest
class NotificationDeliveryTest {
    private static final String HOOK_SECRET = "hookSecretXq7Zk2";
    private static final String SMTP_USER = "alert-smtp-login";
    private static final String SMTP_PASSWORD = "Smtp-Pa55(word)&x";
    private static final String SUBJECT = "Provider automation alerts";
    private static final String BODY = "The following providers breached automation guardrails:\n\n- Alpha — 3 fail(s) • ünïcode";
    private static final String PAYLOAD = "{\"text\": \":warning: Alpha — 3 fail(s) • <x|y>\"}";
    private static final MailServer MAIL = new MailServer();
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    static {
        LOGS.setName("notification-delivery-test");
    }

    @Autowired
    NotificationDelivery delivery;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void start() {
        MAIL.start();
        MAIL.setUser("alerts@sender.example", SMTP_USER, SMTP_PASSWORD);
        LOGS.start();
    }

    /** Spring resets Logback when the shared context starts, so the capture is attached again before each test. */
    @BeforeEach
    void captureLogs() {
        if (root().getAppender(LOGS.getName()) == null) {
            root().addAppender(LOGS);
        }
    }

    @AfterAll
    static void noSecretWasLogged() {
        root().detachAppender(LOGS);
        MAIL.stop();
        for (ILoggingEvent event : LOGS.list) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
                text.append(' ').append(error.getMessage());
            }
            assertThat(text.toString()).doesNotContain(HOOK_SECRET).doesNotContain(SMTP_PASSWORD).doesNotContain(SMTP_USER);
        }
        // the failures below were logged, naming the webhook by scheme and host only
        assertThat(LOGS.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("http://127.0.0.1/…") && line.contains("http-400"));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    // ---- targets

    /** A webhook on its own WireMock path, ending in the secret part. */
    private static String hookPath() {
        return "/" + ProviderOrderFixtures.uniqueId("slack") + "/services/T0/B0/" + HOOK_SECRET;
    }

    private static DeliveryTargets slack(String url, int maxAttempts) {
        return new DeliveryTargets(Optional.of(url), false, Optional.of("#ops"), List.of(), List.of(), Optional.empty(),
                587, Optional.empty(), Optional.empty(), true, Optional.empty(), maxAttempts, 20);
    }

    private static DeliveryTargets email(int port, List<String> recipients, List<String> invalid) {
        return new DeliveryTargets(Optional.empty(), false, Optional.empty(), recipients, invalid, Optional.of("127.0.0.1"),
                port, Optional.of(SMTP_USER), Optional.of(SMTP_PASSWORD), false, Optional.of("alerts@sender.example"), 3, 20);
    }

    private static String domain() {
        return ProviderOrderFixtures.uniqueId("d").toLowerCase() + ".example";
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void answer(String path, ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder stub = post(urlPathEqualTo(path)).inScenario(path)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i);
            if (i < answers.length - 1) {
                stub = stub.willSetStateTo("answer-" + (i + 1));
            }
            ProviderStub.server().stubFor(stub.willReturn(answers[i]));
        }
    }

    private static List<LoggedRequest> received(String path) {
        return ProviderStub.server().findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    private static String json(DeliveryReport report) {
        return Json.write(report.notificationDelivery());
    }

    private static String skippedEmail() {
        return "\"email\":{\"status\":\"skipped\",\"recipients\":0,\"delivered\":0,\"failed\":0,\"failedRecipients\":[],\"invalidRecipients\":[]}";
    }

    // ---- Slack

    @Test
    void slackPostsExactlyTextAndChannelAsJson() {
        String path = hookPath();
        answer(path, aResponse().withStatus(200).withBody("ok"));

        DeliveryReport report = delivery.deliver(slack(ProviderStub.baseUrl() + path, 3), true, SUBJECT, BODY, PAYLOAD);

        assertThat(json(report)).isEqualTo("{\"dispatched\":true," + skippedEmail()
                + ",\"slack\":{\"status\":\"sent\",\"attempts\":1,\"httpStatus\":200}}");
        assertThat(report.errors()).isEmpty();
        assertThat(report.delivered()).isTrue();
        LoggedRequest request = received(path).get(0);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(new String(request.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"text\":\":warning: Alpha — 3 fail(s) • <x|y>\",\"channel\":\"#ops\"}");
    }

    @Test
    void aSlackWebhookThatAnswersTooLateFailsAsATimeoutAfterTenSeconds() {
        String path = hookPath();
        answer(path, aResponse().withStatus(200).withBody("ok").withFixedDelay(14_000));

        Instant start = Instant.now();
        DeliveryReport report = delivery.deliver(slack(ProviderStub.baseUrl() + path, 1), true, SUBJECT, BODY, PAYLOAD);

        assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(13));
        assertThat(Json.write(report.errors())).isEqualTo("[{\"stage\":\"slack\",\"code\":\"timeout\"}]");
        assertThat(report.delivered()).isFalse();
    }

    @Test
    void slackRetriesServerErrorsWithTheBackoff() {
        String path = hookPath();
        answer(path, aResponse().withStatus(500), aResponse().withStatus(502), aResponse().withStatus(200));

        DeliveryReport report = delivery.deliver(slack(ProviderStub.baseUrl() + path, 3), true, SUBJECT, BODY, PAYLOAD);

        assertThat(Json.write(report.notificationDelivery().get("slack"))).isEqualTo("{\"status\":\"sent\",\"attempts\":3,\"httpStatus\":200}");
        assertThat(received(path)).hasSize(3);
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void slackStopsAtMaxAttemptsAndReportsTheLastStatus() {
        String path = hookPath();
        answer(path, aResponse().withStatus(503), aResponse().withStatus(500));

        DeliveryReport report = delivery.deliver(slack(ProviderStub.baseUrl() + path, 2), true, SUBJECT, BODY, PAYLOAD);

        assertThat(Json.write(report.notificationDelivery().get("slack"))).isEqualTo("{\"status\":\"failed\",\"attempts\":2,\"httpStatus\":500}");
        assertThat(Json.write(report.errors())).isEqualTo("[{\"stage\":\"slack\",\"code\":\"http-500\"}]");
        assertThat(report.delivered()).isFalse();
        assertThat(received(path)).hasSize(2);
    }

    @Test
    void slackWaitsRetryAfterOn429InsteadOfTheBackoff() {
        String path = hookPath();
        answer(path, aResponse().withStatus(429).withHeader("Retry-After", "1"), aResponse().withStatus(200));

        long started = System.nanoTime();
        DeliveryReport report = delivery.deliver(slack(ProviderStub.baseUrl() + path, 3), true, SUBJECT, BODY, PAYLOAD);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(Json.write(report.notificationDelivery().get("slack"))).isEqualTo("{\"status\":\"sent\",\"attempts\":2,\"httpStatus\":200}");
        List<LoggedRequest> requests = received(path);
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(gap).isBetween(900L, 5_000L);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(950L);
    }

    @Test
    void slackNeverRetriesOtherClientErrors() {
        String path = hookPath();
        answer(path, aResponse().withStatus(400).withBody("invalid_payload"), aResponse().withStatus(200));

        DeliveryReport report = delivery.deliver(slack(ProviderStub.baseUrl() + path, 3), true, SUBJECT, BODY, PAYLOAD);

        assertThat(Json.write(report.notificationDelivery().get("slack"))).isEqualTo("{\"status\":\"failed\",\"attempts\":1,\"httpStatus\":400}");
        assertThat(Json.write(report.errors())).isEqualTo("[{\"stage\":\"slack\",\"code\":\"http-400\"}]");
        assertThat(received(path)).hasSize(1);
    }

    @Test
    void slackRetriesARefusedConnection() throws Exception {
        AttemptOutcome outcome = producer.send("direct:alert-slack-post", exchange -> {
            exchange.setProperty(DeliveryAttempts.TARGETS, slack("http://127.0.0.1:" + closedPort() + "/hook/" + HOOK_SECRET, 3));
            exchange.getIn().setBody("{\"text\":\"x\"}");
        }).getMessage().getBody(AttemptOutcome.class);

        assertThat(outcome).isEqualTo(AttemptOutcome.failed(3, null, "connection-error"));
    }

    @Test
    void absentOrMalformedSlackIsNeverAttempted() {
        DeliveryTargets none = new DeliveryTargets(Optional.empty(), false, Optional.empty(), List.of(), List.of(),
                Optional.empty(), 587, Optional.empty(), Optional.empty(), true, Optional.empty(), 3, 20);
        DeliveryReport skipped = delivery.deliver(none, true, SUBJECT, BODY, PAYLOAD);
        assertThat(json(skipped)).isEqualTo("{\"dispatched\":true," + skippedEmail()
                + ",\"slack\":{\"status\":\"skipped\",\"attempts\":0,\"httpStatus\":null}}");
        assertThat(skipped.errors()).isEmpty();
        assertThat(skipped.delivered()).isFalse();

        // misconfigured is reported even when nothing is due, and adds an error
        DeliveryTargets malformed = new DeliveryTargets(Optional.of("ftp://hooks.example/" + HOOK_SECRET), true,
                Optional.empty(), List.of(), List.of(), Optional.empty(), 587, Optional.empty(), Optional.empty(), true,
                Optional.empty(), 3, 20);
        DeliveryReport misconfigured = delivery.deliver(malformed, false, SUBJECT, BODY, PAYLOAD);
        assertThat(json(misconfigured)).isEqualTo("{\"dispatched\":false," + skippedEmail()
                + ",\"slack\":{\"status\":\"misconfigured\",\"attempts\":0,\"httpStatus\":null}}");
        assertThat(Json.write(misconfigured.errors())).isEqualTo("[{\"stage\":\"slack\",\"code\":\"misconfigured\"}]");
        assertThat(delivery.postFollowUp(malformed, PAYLOAD)).isFalse();
    }

    @Test
    void nothingIsSentWhenNoNotificationIsDue() {
        String path = hookPath();
        answer(path, aResponse().withStatus(200));
        String domain = domain();

        DeliveryReport report = delivery.deliver(
                new DeliveryTargets(Optional.of(ProviderStub.baseUrl() + path), false, Optional.empty(), List.of("ops@" + domain),
                        List.of(), Optional.of("127.0.0.1"), MAIL.port(), Optional.empty(), Optional.empty(), false,
                        Optional.of("alerts@sender.example"), 3, 20),
                false, SUBJECT, BODY, PAYLOAD);

        assertThat(json(report)).isEqualTo("{\"dispatched\":false,\"email\":{\"status\":\"skipped\",\"recipients\":1,"
                + "\"delivered\":0,\"failed\":0,\"failedRecipients\":[],\"invalidRecipients\":[]},"
                + "\"slack\":{\"status\":\"skipped\",\"attempts\":0,\"httpStatus\":null}}");
        assertThat(received(path)).isEmpty();
        assertThat(MAIL.getReceivedMessagesForDomain(domain)).isEmpty();
    }

    @Test
    void followUpsUseTheSamePolicyAndNeverThrow() {
        String ok = hookPath();
        answer(ok, aResponse().withStatus(503), aResponse().withStatus(200));
        assertThat(delivery.postFollowUp(slack(ProviderStub.baseUrl() + ok, 3), PAYLOAD)).isTrue();
        assertThat(received(ok)).hasSize(2);

        String rejected = hookPath();
        answer(rejected, aResponse().withStatus(400));
        assertThat(delivery.postFollowUp(slack(ProviderStub.baseUrl() + rejected, 3), PAYLOAD)).isFalse();
        assertThat(delivery.postFollowUp(slack(ProviderStub.baseUrl() + rejected, 3), "not json")).isFalse();
    }

    @Test
    void noMetricNamesTheWebhook() {
        String path = hookPath();
        answer(path, aResponse().withStatus(200));
        delivery.postFollowUp(slack(ProviderStub.baseUrl() + path, 1), PAYLOAD);

        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain(HOOK_SECRET).doesNotContain(SMTP_PASSWORD).doesNotContain(SMTP_USER);
            }
        }
    }

    // ---- email

    @Test
    void emailGoesToEachRecipientAsPlainUtf8Text() throws Exception {
        String domain = domain();
        DeliveryTargets targets = email(MAIL.port(), List.of("ops@" + domain, "oncall@" + domain), List.of());

        DeliveryReport report = delivery.deliver(targets, true, SUBJECT, BODY, PAYLOAD);

        assertThat(json(report)).isEqualTo("{\"dispatched\":true,\"email\":{\"status\":\"sent\",\"recipients\":2,"
                + "\"delivered\":2,\"failed\":0,\"failedRecipients\":[],\"invalidRecipients\":[]},"
                + "\"slack\":{\"status\":\"skipped\",\"attempts\":0,\"httpStatus\":null}}");
        assertThat(report.errors()).isEmpty();
        assertThat(report.delivered()).isTrue();
        MimeMessage[] messages = MAIL.getReceivedMessagesForDomain(domain);
        assertThat(messages).hasSize(2);
        assertThat(messages).extracting(message -> ((InternetAddress) message.getAllRecipients()[0]).getAddress())
                .containsExactlyInAnyOrder("ops@" + domain, "oncall@" + domain);
        for (MimeMessage message : messages) {
            assertThat(message.getAllRecipients()).hasSize(1);
            assertThat(message.getSubject()).isEqualTo(SUBJECT);
            assertThat(message.getFrom()).extracting(address -> ((InternetAddress) address).getAddress())
                    .containsExactly("alerts@sender.example");
            assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
            // SMTP carries text lines with CRLF
            assertThat(((String) message.getContent()).replace("\r\n", "\n")).isEqualTo(BODY);
            assertThat(message.getHeader("alertEmailRecipient")).isNull();
        }
    }

    @Test
    void aPermanentlyRejectedRecipientMakesThePartialOutcome() {
        String domain = domain();
        MAIL.rejectPermanently("gone@" + domain);
        DeliveryTargets targets = email(MAIL.port(), List.of("ops@" + domain, "gone@" + domain), List.of("not-an-address"));

        DeliveryReport report = delivery.deliver(targets, true, SUBJECT, BODY, PAYLOAD);

        assertThat(Json.write(report.notificationDelivery().get("email"))).isEqualTo("{\"status\":\"partial\",\"recipients\":2,"
                + "\"delivered\":1,\"failed\":1,\"failedRecipients\":[\"gone@" + domain + "\"],\"invalidRecipients\":[\"not-an-address\"]}");
        assertThat(Json.write(report.errors())).isEqualTo("[{\"stage\":\"email\",\"code\":\"smtp-550\"}]");
        assertThat(report.delivered()).isTrue();
        assertThat(MAIL.getReceivedMessagesForDomain(domain)).hasSize(1);
        // 5xx is permanent: one attempt
        assertThat(sendOne(targets, "gone@" + domain)).isEqualTo(AttemptOutcome.failed(1, null, "smtp-550"));
    }

    @Test
    void aTransientRefusalIsRetried() {
        String domain = domain();
        MAIL.rejectTransiently("busy@" + domain, 1);

        AttemptOutcome outcome = sendOne(email(MAIL.port(), List.of("busy@" + domain), List.of()), "busy@" + domain);

        assertThat(outcome).isEqualTo(AttemptOutcome.delivered(2, null));
        assertThat(MAIL.getReceivedMessagesForDomain(domain)).hasSize(1);
    }

    @Test
    void theServerChecksTheLoginAndAPermanentAuthFailureIsNotRetried() {
        String domain = domain();
        DeliveryTargets wrongPassword = new DeliveryTargets(Optional.empty(), false, Optional.empty(), List.of("ops@" + domain),
                List.of(), Optional.of("127.0.0.1"), MAIL.port(), Optional.of(SMTP_USER), Optional.of("not-the-password"), false,
                Optional.of("alerts@sender.example"), 3, 20);

        assertThat(sendOne(wrongPassword, "ops@" + domain)).isEqualTo(AttemptOutcome.failed(1, null, "smtp-535"));
        assertThat(MAIL.getReceivedMessagesForDomain(domain)).isEmpty();
    }

    @Test
    void smtpDownFailsEveryRecipientAfterRetries() throws Exception {
        DeliveryTargets targets = email(closedPort(), List.of("ops@down.example", "oncall@down.example"), List.of());

        DeliveryReport report = delivery.deliver(targets, true, SUBJECT, BODY, PAYLOAD);

        assertThat(Json.write(report.notificationDelivery().get("email"))).isEqualTo("{\"status\":\"failed\",\"recipients\":2,"
                + "\"delivered\":0,\"failed\":2,\"failedRecipients\":[\"ops@down.example\",\"oncall@down.example\"],\"invalidRecipients\":[]}");
        assertThat(Json.write(report.errors())).isEqualTo("[{\"stage\":\"email\",\"code\":\"connection-error\"}]");
        assertThat(report.delivered()).isFalse();
        assertThat(sendOne(targets, "ops@down.example")).isEqualTo(AttemptOutcome.failed(3, null, "connection-error"));
    }

    @Test
    void anSmtpServerThatAcceptsAndNeverAnswersFailsAsATimeoutAfterTenSeconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            // the connection is accepted by the backlog and the greeting never comes
            DeliveryTargets targets = new DeliveryTargets(Optional.empty(), false, Optional.empty(), List.of("ops@silent.example"),
                    List.of(), Optional.of("127.0.0.1"), silent.getLocalPort(), Optional.empty(), Optional.empty(), false,
                    Optional.of("alerts@sender.example"), 1, 20);

            Instant start = Instant.now();
            DeliveryReport report = delivery.deliver(targets, true, SUBJECT, BODY, PAYLOAD);

            assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(13));
            assertThat(Json.write(report.errors())).isEqualTo("[{\"stage\":\"email\",\"code\":\"timeout\"}]");
        }
    }

    @Test
    void misconfiguredEmailIsReportedAndNeverAttempted() {
        String domain = domain();
        DeliveryTargets noHost = new DeliveryTargets(Optional.empty(), false, Optional.empty(), List.of("ops@" + domain),
                List.of(" two@@x"), Optional.empty(), MAIL.port(), Optional.empty(), Optional.empty(), false,
                Optional.of("alerts@sender.example"), 3, 20);
        DeliveryTargets noSender = new DeliveryTargets(Optional.empty(), false, Optional.empty(), List.of("ops@" + domain),
                List.of(), Optional.of("127.0.0.1"), MAIL.port(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), 3, 20);
        DeliveryTargets onlyInvalid = new DeliveryTargets(Optional.empty(), false, Optional.empty(), List.of(),
                List.of("ops-at-example", "a@b@c"), Optional.of("127.0.0.1"), MAIL.port(), Optional.empty(), Optional.empty(),
                false, Optional.of("alerts@sender.example"), 3, 20);

        for (DeliveryTargets targets : List.of(noHost, noSender, onlyInvalid)) {
            DeliveryReport report = delivery.deliver(targets, true, SUBJECT, BODY, PAYLOAD);
            ObjectNode email = (ObjectNode) report.notificationDelivery().get("email");
            assertThat(email.get("status").asText()).isEqualTo("misconfigured");
            assertThat(email.get("delivered").asInt()).isZero();
            assertThat(email.get("failed").asInt()).isZero();
            assertThat(Json.write(report.errors())).isEqualTo("[{\"stage\":\"email\",\"code\":\"misconfigured\"}]");
        }
        assertThat(Json.write(delivery.deliver(noHost, false, SUBJECT, BODY, PAYLOAD).notificationDelivery().get("email")))
                .isEqualTo("{\"status\":\"misconfigured\",\"recipients\":1,\"delivered\":0,\"failed\":0,"
                        + "\"failedRecipients\":[],\"invalidRecipients\":[\" two@@x\"]}");
        assertThat(Json.write(delivery.deliver(onlyInvalid, true, SUBJECT, BODY, PAYLOAD).notificationDelivery().get("email")))
                .contains("\"recipients\":0", "\"invalidRecipients\":[\"ops-at-example\",\"a@b@c\"]");
        assertThat(MAIL.getReceivedMessagesForDomain(domain)).isEmpty();
    }

    @Test
    void oneChannelFailingLeavesTheOtherDelivered() throws Exception {
        String domain = domain();
        DeliveryTargets targets = new DeliveryTargets(Optional.of("http://127.0.0.1:" + closedPort() + "/h/" + HOOK_SECRET),
                false, Optional.empty(), List.of("ops@" + domain), List.of(), Optional.of("127.0.0.1"), MAIL.port(),
                Optional.empty(), Optional.empty(), false, Optional.of("alerts@sender.example"), 2, 10);

        DeliveryReport report = delivery.deliver(targets, true, SUBJECT, BODY, PAYLOAD);

        assertThat(report.notificationDelivery().get("email").get("status").asText()).isEqualTo("sent");
        assertThat(Json.write(report.notificationDelivery().get("slack"))).isEqualTo("{\"status\":\"failed\",\"attempts\":2,\"httpStatus\":null}");
        assertThat(Json.write(report.errors())).isEqualTo("[{\"stage\":\"slack\",\"code\":\"connection-error\"}]");
        assertThat(report.delivered()).isTrue();
    }

    private AttemptOutcome sendOne(DeliveryTargets targets, String recipient) {
        Exchange exchange = producer.send("direct:alert-email-send", ex -> {
            ex.setProperty(DeliveryAttempts.TARGETS, targets);
            ex.getIn().setHeader(DeliveryAttempts.RECIPIENT, recipient);
            ex.getIn().setHeader(DeliveryAttempts.SUBJECT, SUBJECT);
            ex.getIn().setBody(BODY);
        });
        return exchange.getMessage().getBody(AttemptOutcome.class);
    }
}
