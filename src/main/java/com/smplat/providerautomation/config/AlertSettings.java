package com.smplat.providerautomation.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The alert area's settings (alerts.md 2), clamped as the spec says. A value that does not parse stops start-up;
 * clamps never do. Secrets (Slack webhook, SMTP credentials) are kept out of {@link #toString()}.
 */
public record AlertSettings(
        boolean workerEnabled, int intervalSeconds, int snapshotLimit,
        int guardrailFailThreshold, int guardrailWarnThreshold, int replayFailureThreshold,
        String taskQueue, List<String> emailRecipients, List<String> invalidEmailRecipients,
        Optional<String> slackWebhookUrl, boolean slackWebhookMalformed, Optional<String> slackChannel,
        int cooldownSeconds, int notifyMaxAttempts, int notifyBackoffMillis,
        boolean loadAlertsEnabled, int shortWindowDays, int longWindowDays, double shareThreshold,
        double deltaThreshold, int minEngagements, int maxResults,
        Optional<String> workflowTelemetryUrl, String frontendUrl,
        Optional<String> smtpHost, int smtpPort, Optional<String> smtpUsername, Optional<String> smtpPassword,
        boolean smtpUseTls, Optional<String> smtpSender) {

    public static AlertSettings from(EnvSource env) {
        Optional<String> webhook = env.get("PROVIDER_AUTOMATION_ALERT_SLACK_WEBHOOK_URL");
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        recipients(env.get("PROVIDER_AUTOMATION_ALERT_EMAIL_RECIPIENTS").orElse(""), valid, invalid);
        return new AlertSettings(
                env.bool("PROVIDER_AUTOMATION_ALERT_WORKER_ENABLED", false),
                Math.max(60, env.integer("PROVIDER_AUTOMATION_ALERT_INTERVAL_SECONDS", 900)),
                clamp(env.integer("PROVIDER_AUTOMATION_ALERT_SNAPSHOT_LIMIT", 25), 1, 250),
                Math.max(1, env.integer("PROVIDER_AUTOMATION_ALERT_GUARDRAIL_FAIL_THRESHOLD", 3)),
                Math.max(1, env.integer("PROVIDER_AUTOMATION_ALERT_GUARDRAIL_WARN_THRESHOLD", 5)),
                Math.max(1, env.integer("PROVIDER_AUTOMATION_ALERT_REPLAY_FAILURE_THRESHOLD", 3)),
                env.string("PROVIDER_AUTOMATION_ALERT_TASK_QUEUE", "provider-alerts"),
                List.copyOf(valid), List.copyOf(invalid),
                webhook, webhook.isPresent() && !absoluteHttpUrl(webhook.get()),
                env.get("PROVIDER_AUTOMATION_ALERT_SLACK_CHANNEL"),
                Math.max(0, env.integer("PROVIDER_AUTOMATION_ALERT_COOLDOWN_SECONDS", 14400)),
                clamp(env.integer("PROVIDER_AUTOMATION_ALERT_NOTIFY_MAX_ATTEMPTS", 3), 1, 10),
                clamp(env.integer("PROVIDER_AUTOMATION_ALERT_NOTIFY_BACKOFF_MS", 1000), 0, 60000),
                env.bool("PROVIDER_LOAD_ALERT_ENABLED", true),
                clamp(env.integer("PROVIDER_LOAD_ALERT_SHORT_WINDOW_DAYS", 7), 1, 365),
                clamp(env.integer("PROVIDER_LOAD_ALERT_LONG_WINDOW_DAYS", 90), 1, 365),
                Math.min(1.0, Math.max(0.0, env.decimal("PROVIDER_LOAD_ALERT_SHARE_THRESHOLD", 0.6))),
                Math.min(1.0, Math.max(0.0, env.decimal("PROVIDER_LOAD_ALERT_DELTA_THRESHOLD", 0.2))),
                Math.max(1, env.integer("PROVIDER_LOAD_ALERT_MIN_ENGAGEMENTS", 10)),
                clamp(env.integer("PROVIDER_LOAD_ALERT_MAX_RESULTS", 25), 1, 250),
                env.get("GUARDRAIL_WORKFLOW_TELEMETRY_SUMMARY_URL"),
                // FRONTEND_URL may be set to empty on purpose (root-relative links), so only an unset one defaults
                env.raw("FRONTEND_URL").map(String::strip).orElse("http://localhost:3000").replaceAll("/+$", ""),
                env.get("SMTP_HOST"),
                env.integer("SMTP_PORT", 587),
                env.get("SMTP_USERNAME").or(() -> env.get("SMTP_USER")),
                env.get("SMTP_PASSWORD"),
                env.bool("SMTP_USE_TLS", true),
                env.get("SMTP_SENDER_EMAIL").or(() -> env.get("EMAIL_FROM")));
    }

    private static int clamp(int value, int min, int max) {
        return Math.min(max, Math.max(min, value));
    }

    static boolean absoluteHttpUrl(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** AL-CFG-3/4: a JSON array of strings or a comma list; trimmed, empties dropped, duplicates collapsed. */
    static void recipients(String raw, List<String> valid, List<String> invalid) {
        List<String> entries = new ArrayList<>();
        String text = raw.strip();
        if (text.startsWith("[")) {
            try {
                JsonNode array = new ObjectMapper().readTree(text);
                if (array.isArray()) {
                    array.forEach(node -> entries.add(node.asText()));
                }
            } catch (IOException e) {
                throw new SettingsException("PROVIDER_AUTOMATION_ALERT_EMAIL_RECIPIENTS must be a JSON array of strings or a comma-separated list");
            }
        } else {
            entries.addAll(List.of(text.split(",")));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int at = trimmed.indexOf('@');
            boolean ok = at > 0 && at == trimmed.lastIndexOf('@') && at < trimmed.length() - 1;
            if (!ok) {
                invalid.add(trimmed);
            } else if (seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                valid.add(trimmed);
            }
        }
    }

    /** AL-CFG-5: inverted or equal windows skip the load-alert stage. */
    public boolean loadWindowsValid() {
        return shortWindowDays < longWindowDays;
    }

    @Override
    public String toString() {
        return "AlertSettings[workerEnabled=" + workerEnabled + ", intervalSeconds=" + intervalSeconds
                + ", slackWebhook=" + (slackWebhookUrl.isPresent() ? "***" : "unset")
                + ", smtpHost=" + smtpHost.orElse("unset") + ", recipients=" + emailRecipients.size() + "]";
    }
}
