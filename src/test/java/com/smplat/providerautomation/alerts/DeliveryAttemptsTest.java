package com.smplat.providerautomation.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.alerts.DeliveryTargets.ChannelState;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.URISupport;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

class DeliveryAttemptsTest {

    private static DeliveryTargets mail(Optional<String> user, Optional<String> password, boolean tls) {
        return new DeliveryTargets(Optional.empty(), false, Optional.empty(), List.of("ops@example.com"), List.of(),
                Optional.of("smtp.example.com"), 587, user, password, tls, Optional.of("alerts@example.com"), 3, 1000);
    }

    @Test
    void mailUriLogsInOnlyWithBothCredentialsAndCamelMasksThem() {
        String uri = DeliveryAttempts.mailUri(mail(Optional.of("login"), Optional.of("p&ss)word"), true));
        assertThat(uri).startsWith("smtp://smtp.example.com:587?connectionTimeout=10000&mail.smtp.connectiontimeout=10000"
                + "&mail.smtp.timeout=10000&mail.smtp.writetimeout=10000"
                + "&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true")
                .endsWith("&username=RAW(login)&password=RAW{p&ss)word}");
        assertThat(URISupport.sanitizeUri(uri)).doesNotContain("login").doesNotContain("p&ss");

        assertThat(DeliveryAttempts.mailUri(mail(Optional.of("login"), Optional.empty(), false)))
                .doesNotContain("username").doesNotContain("starttls");
        assertThat(DeliveryAttempts.mailUri(mail(Optional.empty(), Optional.of("pw"), false))).doesNotContain("password");
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(DeliveryAttempts.retryAfterMillis(Map.of("retry-after", " 2 "))).isEqualTo(2000L);
        assertThat(DeliveryAttempts.retryAfterMillis(Map.of("Retry-After", "-3"))).isZero();
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(5));
        assertThat(DeliveryAttempts.retryAfterMillis(Map.of("Retry-After", inFiveSeconds))).isBetween(3000L, 5000L);
        assertThat(DeliveryAttempts.retryAfterMillis(Map.of("Retry-After", "soon"))).isNull();
        assertThat(DeliveryAttempts.retryAfterMillis(Map.of())).isNull();
        assertThat(DeliveryAttempts.retryAfterMillis(null)).isNull();
    }

    @Test
    void failuresBecomeSanitisedCodes() throws Exception {
        HttpOperationFailedException http = new HttpOperationFailedException("https://hooks.example/secret", 503, "x", null, Map.of(), "");
        assertThat(DeliveryAttempts.httpStatus(http)).isEqualTo(503);
        assertThat(DeliveryAttempts.transport(new RuntimeException(new SocketTimeoutException("read timed out")))).isEqualTo("timeout");
        assertThat(DeliveryAttempts.transport(new ConnectException("refused"))).isEqualTo("connection-error");
        assertThat(DeliveryAttempts.transport(new IllegalStateException("x"))).isNull();

        SendFailedException rcpt = new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(
                new InternetAddress("gone@example.com"), "RCPT TO:<gone@example.com>", 550, "550 5.1.1 rejected"));
        assertThat(DeliveryAttempts.mailCode(rcpt)).isEqualTo("smtp-550");
        assertThat(DeliveryAttempts.mailCode(new AuthenticationFailedException("454 4.7.0 Temporary failure"))).isEqualTo("smtp-454");
        assertThat(DeliveryAttempts.mailCode(new AuthenticationFailedException("failed"))).isEqualTo("smtp-error");
        assertThat(DeliveryAttempts.mailCode(new MessagingException("Could not connect", new ConnectException("refused"))))
                .isEqualTo("connection-error");
        assertThat(DeliveryAttempts.mailCode(new MessagingException("STARTTLS is required but host does not support STARTTLS")))
                .isEqualTo("smtp-error");
    }

    @Test
    void channelStatesFollowTheSpec() {
        DeliveryTargets none = new DeliveryTargets(Optional.empty(), false, Optional.empty(), List.of(), List.of(),
                Optional.empty(), 587, Optional.empty(), Optional.empty(), true, Optional.empty(), 3, 1000);
        assertThat(none.slack()).isEqualTo(ChannelState.NOT_CONFIGURED);
        assertThat(none.email()).isEqualTo(ChannelState.NOT_CONFIGURED);
        assertThat(mail(Optional.empty(), Optional.empty(), true).email()).isEqualTo(ChannelState.CONFIGURED);
        DeliveryTargets slack = new DeliveryTargets(Optional.of("https://hooks.slack.com/services/T/B/secretPart"), false,
                Optional.empty(), List.of(), List.of("bad"), Optional.empty(), 587, Optional.of("u"), Optional.of("pw-secret"),
                true, Optional.empty(), 3, 1000);
        assertThat(slack.slack()).isEqualTo(ChannelState.CONFIGURED);
        assertThat(slack.email()).isEqualTo(ChannelState.MISCONFIGURED);
        assertThat(slack.slackEndpointLabel()).isEqualTo("https://hooks.slack.com/…");
        assertThat(slack.toString()).doesNotContain("secretPart").doesNotContain("pw-secret");
        assertThat(slack.backoffBeforeRetry(1)).isEqualTo(1000);
        assertThat(slack.backoffBeforeRetry(3)).isEqualTo(4000);
    }

    @Test
    void slackBodyIsExactlyTextAndConfiguredChannel() {
        assertThat(NotificationDelivery.slackBody("{\"text\": \"a\", \"channel\": \"#old\", \"blocks\": []}", Optional.empty()))
                .contains("{\"text\":\"a\"}");
        assertThat(NotificationDelivery.slackBody("{\"text\": \"a\"}", Optional.of("#ops"))).contains("{\"text\":\"a\",\"channel\":\"#ops\"}");
        assertThat(NotificationDelivery.slackBody("{\"text\": 5}", Optional.empty())).isEmpty();
        assertThat(NotificationDelivery.slackBody("nope", Optional.empty())).isEmpty();
    }
}
