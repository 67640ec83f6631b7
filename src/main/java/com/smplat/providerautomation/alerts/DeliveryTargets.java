package com.smplat.providerautomation.alerts;

import com.smplat.providerautomation.config.AlertSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where and how notifications go (alerts.md 2.3, 10.7): the Slack webhook and the SMTP server with their recipients,
 * and the retry policy. Production builds it once from {@link AlertSettings}; tests build their own, so each can point
 * at its own stub. It travels to the delivery routes as an exchange property, which keeps the webhook URL and the
 * SMTP credentials out of route text and endpoint URIs. {@link #toString()} shows no secret.
 */
public record DeliveryTargets(
        Optional<String> slackWebhookUrl, boolean slackWebhookMalformed, Optional<String> slackChannel,
        List<String> emailRecipients, List<String> invalidEmailRecipients,
        Optional<String> smtpHost, int smtpPort, Optional<String> smtpUsername, Optional<String> smtpPassword,
        boolean smtpUseTls, Optional<String> smtpSender,
        int maxAttempts, long backoffMillis) {

    /** A channel's configuration state (2.3). */
    public enum ChannelState { CONFIGURED, MISCONFIGURED, NOT_CONFIGURED }

    public DeliveryTargets {
        emailRecipients = List.copyOf(emailRecipients);
        invalidEmailRecipients = List.copyOf(invalidEmailRecipients);
        maxAttempts = Math.max(1, maxAttempts);
        backoffMillis = Math.max(0, backoffMillis);
    }

    public static DeliveryTargets from(AlertSettings settings) {
        return new DeliveryTargets(settings.slackWebhookUrl().map(String::strip), settings.slackWebhookMalformed(),
                settings.slackChannel(), settings.emailRecipients(), settings.invalidEmailRecipients(),
                settings.smtpHost(), settings.smtpPort(), settings.smtpUsername(), settings.smtpPassword(),
                settings.smtpUseTls(), settings.smtpSender(), settings.notifyMaxAttempts(), settings.notifyBackoffMillis());
    }

    public ChannelState slack() {
        if (slackWebhookUrl.isEmpty()) {
            return ChannelState.NOT_CONFIGURED;
        }
        return slackWebhookMalformed ? ChannelState.MISCONFIGURED : ChannelState.CONFIGURED;
    }

    /** Recipients configured (valid or not) but no host, no sender, or no valid recipient: misconfigured. */
    public ChannelState email() {
        if (emailRecipients.isEmpty() && invalidEmailRecipients.isEmpty()) {
            return ChannelState.NOT_CONFIGURED;
        }
        return emailRecipients.isEmpty() || smtpHost.isEmpty() || smtpSender.isEmpty()
                ? ChannelState.MISCONFIGURED : ChannelState.CONFIGURED;
    }

    /** SMTP login happens only when both username and password are set (AL-MAIL-2). */
    public boolean smtpLogin() {
        return smtpUsername.isPresent() && smtpPassword.isPresent();
    }

    /** The webhook as logs may name it (AL-SEC-1): scheme and host only, e.g. {@code https://hooks.slack.com/…}. */
    public String slackEndpointLabel() {
        try {
            URI uri = URI.create(slackWebhookUrl.orElse(""));
            return uri.getScheme() + "://" + uri.getHost() + "/…";
        } catch (IllegalArgumentException e) {
            return "(unparseable webhook URL)";
        }
    }

    /** The backoff before retry {@code n} (n ≥ 1): backoff × 2^(n−1) (AL-NOTIF-5). */
    public long backoffBeforeRetry(int n) {
        return backoffMillis << Math.min(Math.max(0, n - 1), 20);
    }

    @Override
    public String toString() {
        return "DeliveryTargets[slack=" + slack() + ", email=" + email() + ", smtpHost=" + smtpHost.orElse("unset")
                + ", smtpPort=" + smtpPort + ", recipients=" + emailRecipients.size() + ", maxAttempts=" + maxAttempts
                + ", backoffMillis=" + backoffMillis + "]";
    }
}
