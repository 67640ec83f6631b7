package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.config.SettingsException;
import com.smplat.providerautomation.support.Timestamps;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The flags of {@code export-guardrail-followups} (exports.md 3.4, 3.5) laid over the settings bound once at start
 * ({@link ExportSettings}), validated before any side effect: a bad value is a {@link SettingsException} (exit 2)
 * naming the flag or variable, never echoing a secret.
 */
public final class FollowUpExportOptions {
    /** The raw flag values as given (null when absent). */
    public record Flags(String limit, String cursor, String providerId, String sink, String filePath, String webhookUrl,
                        String cursorStore, String cursorStorePath, String pageSize, String settleSeconds,
                        String webhookRetries) {
    }

    private FollowUpExportOptions() {
    }

    public static FollowUpExportRequest resolve(Flags flags, ExportSettings settings, Consumer<String> warn) {
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
        String webhook = flags.webhookUrl() != null ? flags.webhookUrl() : settings.webhookUrl().orElse(null);
        if (sink == FollowUpExportRequest.Sink.webhook) {
            if (webhook == null) {
                throw new SettingsException("the webhook sink needs --webhook-url or ANALYTICS_GUARDRAIL_WEBHOOK");
            }
            if (!absoluteHttpUrl(webhook)) {
                throw new SettingsException((flags.webhookUrl() != null ? "--webhook-url" : "ANALYTICS_GUARDRAIL_WEBHOOK")
                        + " must be an absolute http(s) URL");
            }
        }
        S3Target landing = sink == FollowUpExportRequest.Sink.s3 ? landing(settings) : null;
        if (flags.filePath() != null && sink != FollowUpExportRequest.Sink.file) {
            warn.accept("--file-path is ignored: the sink is " + sink);
        }
        S3Target checkpoint = null;
        if (settings.cursorS3Uri().isPresent()) {
            if (store == FollowUpExportRequest.CursorStoreKind.none) {
                warn.accept("GUARDRAIL_EXPORT_CURSOR_S3_URI is ignored: the cursor store is none");
            } else {
                checkpoint = checkpoint(settings);
            }
        }
        Path filePath = Path.of(flags.filePath() != null ? flags.filePath() : "guardrail_followups.ndjson");
        Path cursorPath = Path.of(flags.cursorStorePath() != null ? flags.cursorStorePath() : "guardrail_followups_cursor.json");
        return new FollowUpExportRequest("command", limit, cursor, flags.providerId(), sink, filePath,
                sink == FollowUpExportRequest.Sink.webhook ? webhook : null, settings.webhookToken().orElse(null),
                store, cursorPath, pageSize, settle, retries, 1000, checkpoint, null,
                settings.webhookSecret().orElse(null), landing);
    }

    /** The s3 sink's target: GUARDRAIL_EXPORT_LANDING_S3_URI, {@code s3://<bucket>/<prefix>}. */
    public static S3Target landing(ExportSettings settings) {
        if (settings.landingS3Uri().isEmpty()) {
            throw new SettingsException("the s3 sink needs GUARDRAIL_EXPORT_LANDING_S3_URI");
        }
        return s3(settings, "GUARDRAIL_EXPORT_LANDING_S3_URI", settings.landingS3Uri());
    }

    /** The S3 checkpoint of GUARDRAIL_EXPORT_CURSOR_S3_URI and the GUARDRAIL_EXPORT_AWS_* / S3_ENDPOINT settings. */
    public static S3Target checkpoint(ExportSettings settings) {
        return s3(settings, "GUARDRAIL_EXPORT_CURSOR_S3_URI", settings.cursorS3Uri());
    }

    /** One of the S3 objects of the settings ({@code variable} names it in the message of a malformed value). */
    public static S3Target s3(ExportSettings settings, String variable, Optional<String> uri) {
        String endpoint = settings.s3Endpoint().orElse(null);
        if (endpoint != null && !absoluteHttpUrl(endpoint)) {
            throw new SettingsException("GUARDRAIL_EXPORT_S3_ENDPOINT must be an absolute http(s) URL");
        }
        return S3Target.parse(uri.orElse(""), settings.awsRegion(), endpoint, settings.awsAccessKeyId().orElse(null),
                        settings.awsSecretAccessKey().orElse(null))
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
