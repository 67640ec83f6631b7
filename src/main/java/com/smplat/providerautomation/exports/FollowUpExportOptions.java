package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.config.SettingsException;
import com.smplat.providerautomation.support.Timestamps;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The flags of {@code export-guardrail-followups} (exports.md 3.4, 3.5), validated before any side effect: a bad
 * value is a {@link SettingsException} (exit 2) naming the flag or variable, never echoing a secret.
 */
public final class FollowUpExportOptions {
    /** The raw flag values as given (null when absent). */
    public record Flags(String limit, String cursor, String providerId, String sink, String filePath, String webhookUrl,
                        String cursorStore, String cursorStorePath, String pageSize, String settleSeconds,
                        String webhookRetries) {
    }

    private FollowUpExportOptions() {
    }

    public static FollowUpExportRequest resolve(Flags flags, EnvSource env, Consumer<String> warn) {
        int limit = integer("--limit", flags.limit(), 250, 1, 1_000_000);
        Instant cursor = null;
        if (flags.cursor() != null) {
            cursor = Timestamps.parse(flags.cursor())
                    .orElseThrow(() -> new SettingsException("--cursor is not a valid timestamp"));
        }
        if (flags.providerId() != null && flags.providerId().isEmpty()) {
            throw new SettingsException("--provider-id must not be empty");
        }
        FollowUpExportRequest.Sink sink = choice("--sink", flags.sink(), "stdout", FollowUpExportRequest.Sink.class);
        FollowUpExportRequest.CursorStoreKind store = choice("--cursor-store", flags.cursorStore(), "none", FollowUpExportRequest.CursorStoreKind.class);
        int pageSize = integer("--page-size", flags.pageSize(), 1000, 1, 1000);
        int settle = integer("--settle-seconds", flags.settleSeconds(), 30, 0, 3600);
        int retries = integer("--webhook-retries", flags.webhookRetries(), 3, 0, 10);
        String webhook = flags.webhookUrl() != null ? flags.webhookUrl() : env.get("ANALYTICS_GUARDRAIL_WEBHOOK").orElse(null);
        if (sink == FollowUpExportRequest.Sink.webhook) {
            if (webhook == null) {
                throw new SettingsException("the webhook sink needs --webhook-url or ANALYTICS_GUARDRAIL_WEBHOOK");
            }
            if (!absoluteHttpUrl(webhook)) {
                throw new SettingsException((flags.webhookUrl() != null ? "--webhook-url" : "ANALYTICS_GUARDRAIL_WEBHOOK")
                        + " must be an absolute http(s) URL");
            }
        }
        if (flags.filePath() != null && sink != FollowUpExportRequest.Sink.file) {
            warn.accept("--file-path is ignored: the sink is " + sink);
        }
        S3Target checkpoint = null;
        if (env.get("GUARDRAIL_EXPORT_CURSOR_S3_URI").isPresent()) {
            if (store == FollowUpExportRequest.CursorStoreKind.none) {
                warn.accept("GUARDRAIL_EXPORT_CURSOR_S3_URI is ignored: the cursor store is none");
            } else {
                checkpoint = checkpoint(env);
            }
        }
        Path filePath = Path.of(flags.filePath() != null ? flags.filePath() : "guardrail_followups.ndjson");
        Path cursorPath = Path.of(flags.cursorStorePath() != null ? flags.cursorStorePath() : "guardrail_followups_cursor.json");
        return new FollowUpExportRequest("command", limit, cursor, flags.providerId(), sink, filePath,
                sink == FollowUpExportRequest.Sink.webhook ? webhook : null, env.get("ANALYTICS_GUARDRAIL_WEBHOOK_TOKEN").orElse(null),
                store, cursorPath, pageSize, settle, retries, 1000, checkpoint, null);
    }

    /** The S3 checkpoint of GUARDRAIL_EXPORT_CURSOR_S3_URI and the GUARDRAIL_EXPORT_AWS_* / S3_ENDPOINT settings. */
    public static S3Target checkpoint(EnvSource env) {
        return s3(env, "GUARDRAIL_EXPORT_CURSOR_S3_URI");
    }

    public static S3Target s3(EnvSource env, String variable) {
        String endpoint = env.get("GUARDRAIL_EXPORT_S3_ENDPOINT").map(v -> v.replaceAll("/+$", "")).orElse(null);
        if (endpoint != null && !absoluteHttpUrl(endpoint)) {
            throw new SettingsException("GUARDRAIL_EXPORT_S3_ENDPOINT must be an absolute http(s) URL");
        }
        return S3Target.parse(env.get(variable).orElse(""), env.string("GUARDRAIL_EXPORT_AWS_REGION", "us-east-1"), endpoint,
                        env.get("GUARDRAIL_EXPORT_AWS_ACCESS_KEY_ID").orElse(null),
                        env.get("GUARDRAIL_EXPORT_AWS_SECRET_ACCESS_KEY").orElse(null))
                .orElseThrow(() -> new SettingsException(variable + " must have the form s3://<bucket>/<key>"));
    }

    static int integer(String flag, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (!value.strip().matches("[+-]?\\d{1,10}")) {
            throw new SettingsException(flag + " must be an integer between " + min + " and " + max);
        }
        long parsed = Long.parseLong(value.strip());
        if (parsed < min || parsed > max) {
            throw new SettingsException(flag + " must be an integer between " + min + " and " + max);
        }
        return (int) parsed;
    }

    static <E extends Enum<E>> E choice(String flag, String value, String fallback, Class<E> type) {
        String chosen = value == null ? fallback : value;
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(chosen)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
        }
        throw new SettingsException(flag + " must be one of " + allowed);
    }

    public static boolean absoluteHttpUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
