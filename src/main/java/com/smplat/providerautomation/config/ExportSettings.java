package com.smplat.providerautomation.config;

import java.util.Optional;

/**
 * The export area's settings (exports.md 2.10, 3.8, 3.10, 3.12). Values that cannot be parsed stop start-up; a
 * missing required value (the webhook URL of the webhook sink, the AR base URL and token) does not: every run then
 * fails as a {@code config} failure, as the spec asks. Secrets are kept out of {@link #toString()}.
 */
public record ExportSettings(
        boolean runsEnabled, String runsCron, Optional<String> apiBaseUrl, Optional<String> authToken,
        Optional<String> runsExportDir, int runsLimit, String runsFormat,
        boolean followUpsEnabled, String followUpsCron, int followUpsLimit, String followUpsSink,
        Optional<String> cursorPath, int pageSize, int settleSeconds, int webhookRetries,
        Optional<String> webhookUrl, Optional<String> webhookToken,
        Optional<String> slackWebhook, Optional<String> workflowUrl, Optional<String> triggerToken,
        Optional<String> cursorS3Uri, Optional<String> awsAccessKeyId, Optional<String> awsSecretAccessKey,
        String awsRegion, Optional<String> s3Endpoint, Optional<String> statusS3Uri, Optional<String> artifactS3Uri,
        Optional<String> fileSinkPath, Optional<DatabaseTarget> sourceDatabase, Optional<String> webhookSecret,
        Optional<String> landingS3Uri, int progressLogSeconds, int s3TimeoutSeconds) {

    public static ExportSettings from(EnvSource env) {
        int runsLimit = env.integer("SMPLAT_AUTOMATION_EXPORT_LIMIT", 100);
        if (runsLimit < 1 || runsLimit > 100) {
            throw new SettingsException("SMPLAT_AUTOMATION_EXPORT_LIMIT must be between 1 and 100");
        }
        String format = env.string("SMPLAT_AUTOMATION_EXPORT_FORMAT", "json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new SettingsException("SMPLAT_AUTOMATION_EXPORT_FORMAT must be json or csv");
        }
        int limit = range(env, "GUARDRAIL_EXPORT_LIMIT", 1000, 1, 1_000_000);
        String sink = env.string("GUARDRAIL_EXPORT_SINK", "webhook");
        if (!sink.equals("stdout") && !sink.equals("file") && !sink.equals("webhook") && !sink.equals("s3")) {
            throw new SettingsException("GUARDRAIL_EXPORT_SINK must be stdout, file, webhook or s3");
        }
        return new ExportSettings(
                env.bool("SMPLAT_AUTOMATION_EXPORT_ENABLED", false),
                cron(env, "SMPLAT_AUTOMATION_EXPORT_CRON", "0 0 * * * ?"),
                env.get("SMPLAT_API_BASE_URL"), env.get("SMPLAT_AUTOMATION_AUTH_TOKEN"),
                env.get("SMPLAT_AUTOMATION_EXPORT_DIR"), runsLimit, format,
                env.bool("GUARDRAIL_EXPORT_ENABLED", false),
                cron(env, "GUARDRAIL_EXPORT_CRON", "0 5 * * * ?"),
                limit, sink, env.get("GUARDRAIL_EXPORT_CURSOR_PATH"),
                range(env, "GUARDRAIL_EXPORT_PAGE_SIZE", 1000, 1, 1000),
                range(env, "GUARDRAIL_EXPORT_SETTLE_SECONDS", 30, 0, 3600),
                range(env, "GUARDRAIL_EXPORT_WEBHOOK_RETRIES", 3, 0, 10),
                env.get("ANALYTICS_GUARDRAIL_WEBHOOK"), env.get("ANALYTICS_GUARDRAIL_WEBHOOK_TOKEN"),
                env.get("GUARDRAIL_EXPORT_SLACK_WEBHOOK"), env.get("GUARDRAIL_EXPORT_WORKFLOW_URL"),
                env.get("GUARDRAIL_EXPORT_TRIGGER_TOKEN"),
                env.get("GUARDRAIL_EXPORT_CURSOR_S3_URI"), env.get("GUARDRAIL_EXPORT_AWS_ACCESS_KEY_ID"),
                env.get("GUARDRAIL_EXPORT_AWS_SECRET_ACCESS_KEY"), env.string("GUARDRAIL_EXPORT_AWS_REGION", "us-east-1"),
                env.get("GUARDRAIL_EXPORT_S3_ENDPOINT").map(v -> v.replaceAll("/+$", "")),
                env.get("GUARDRAIL_EXPORT_STATUS_S3_URI"), env.get("GUARDRAIL_EXPORT_ARTIFACT_S3_URI"),
                env.get("GUARDRAIL_EXPORT_FILE_PATH"), sourceDatabase(env),
                webhookSecret(env),
                env.get("GUARDRAIL_EXPORT_LANDING_S3_URI"),
                range(env, "EXPORT_PROGRESS_LOG_SECONDS", 10, 0, 3600),
                range(env, "GUARDRAIL_EXPORT_S3_TIMEOUT_SECONDS", 30, 1, 300));
    }

    /** GUARDRAIL_EXPORT_WEBHOOK_SECRET: a Standard Webhooks signing key, {@code whsec_<base64>}. */
    private static Optional<String> webhookSecret(EnvSource env) {
        Optional<String> secret = env.get("GUARDRAIL_EXPORT_WEBHOOK_SECRET");
        if (secret.isPresent()) {
            boolean usable;
            try {
                usable = secret.get().startsWith("whsec_") && java.util.Base64.getDecoder().decode(secret.get().substring(6)).length > 0;
            } catch (IllegalArgumentException e) {
                usable = false;
            }
            if (!usable) {
                throw new SettingsException("GUARDRAIL_EXPORT_WEBHOOK_SECRET must have the form whsec_<base64>");
            }
        }
        return secret;
    }

    /** GUARDRAIL_EXPORT_DATABASE_URL: a read replica for the follow-up export's query, in DATABASE_URL's forms. */
    private static Optional<DatabaseTarget> sourceDatabase(EnvSource env) {
        Optional<String> url = env.get("GUARDRAIL_EXPORT_DATABASE_URL");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DatabaseTarget.parse(url.get(), Optional.empty(), Optional.empty()));
        } catch (SettingsException e) {
            throw new SettingsException("GUARDRAIL_EXPORT_DATABASE_URL must be a postgresql://, postgres:// or jdbc:postgresql:// URL with a host");
        }
    }

    private static int range(EnvSource env, String name, int fallback, int min, int max) {
        int value = env.integer(name, fallback);
        if (value < min || value > max) {
            throw new SettingsException(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** A five-field spec cron (minute hour day month weekday) becomes Quartz form; a Quartz expression is kept. */
    static String cron(EnvSource env, String name, String fallback) {
        Optional<String> value = env.get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        String[] fields = value.get().trim().split("\\s+");
        String quartz = value.get().trim();
        if (fields.length == 5) {
            String day = fields[2];
            String weekday = fields[4];
            if (weekday.equals("*")) {
                weekday = "?";
            } else {
                day = day.equals("*") ? "?" : day;
            }
            quartz = "0 " + fields[0] + " " + fields[1] + " " + day + " " + fields[3] + " " + quartzWeekdays(weekday);
        }
        if (!org.quartz.CronExpression.isValidExpression(quartz)) {
            throw new SettingsException(name + " must be a five-field cron expression or a Quartz cron expression");
        }
        return quartz;
    }

    /**
     * Five-field cron numbers weekdays 0 to 7 from Sunday (0 and 7 are both Sunday), Quartz 1 to 7 from Sunday: each
     * day number becomes Quartz's. Steps (after {@code /}) and day names stay as they are.
     */
    static String quartzWeekdays(String field) {
        StringBuilder quartz = new StringBuilder();
        for (String part : field.split(",", -1)) {
            if (!quartz.isEmpty()) {
                quartz.append(',');
            }
            int slash = part.indexOf('/');
            String days = slash < 0 ? part : part.substring(0, slash);
            quartz.append(java.util.regex.Pattern.compile("\\d+").matcher(days)
                    .replaceAll(day -> String.valueOf(Integer.parseInt(day.group()) % 7 + 1)));
            if (slash >= 0) {
                quartz.append(part.substring(slash));
            }
        }
        return quartz.toString();
    }

    @Override
    public String toString() {
        return "ExportSettings[runsEnabled=" + runsEnabled + ", followUpsEnabled=" + followUpsEnabled + ", sink="
                + followUpsSink + "]";
    }
}
