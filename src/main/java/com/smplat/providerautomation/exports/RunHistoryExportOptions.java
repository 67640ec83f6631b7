package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.config.SettingsException;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The flags of {@code export-provider-automation-runs} (exports.md 2.6, 2.7) laid over the settings bound once at start
 * ({@link ExportSettings}), validated before any side effect.
 */
public final class RunHistoryExportOptions {
    public record Flags(String baseUrl, String authToken, String limit, String format, String output, String timeout) {
    }

    private RunHistoryExportOptions() {
    }

    public static RunHistoryExportRequest resolve(Flags flags, ExportSettings settings) {
        String base = flags.baseUrl() != null ? flags.baseUrl() : settings.apiBaseUrl().orElse(null);
        if (base == null) {
            throw new SettingsException("the history source needs --base-url or SMPLAT_API_BASE_URL");
        }
        if (!FollowUpExportOptions.absoluteHttpUrl(base)) {
            throw new SettingsException((flags.baseUrl() != null ? "--base-url" : "SMPLAT_API_BASE_URL")
                    + " must be an absolute http(s) URL");
        }
        String token = flags.authToken() != null ? flags.authToken() : settings.authToken().orElse(null);
        if (token != null && token.isBlank()) {
            throw new SettingsException("--auth-token must not be empty");
        }
        int limit = FollowUpExportOptions.integer("--limit", flags.limit(), 50, 1, 100);
        String format = flags.format() == null ? "json" : flags.format();
        if (!format.equals("json") && !format.equals("csv")) {
            throw new SettingsException("--format must be json or csv");
        }
        long timeoutMillis = 15_000;
        if (flags.timeout() != null) {
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(flags.timeout().strip());
            } catch (NumberFormatException e) {
                throw new SettingsException("--timeout must be a number of seconds greater than 0");
            }
            if (seconds.signum() <= 0 || seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
                throw new SettingsException("--timeout must be a number of seconds greater than 0");
            }
            timeoutMillis = Math.max(1, seconds.movePointRight(3).longValue());
        }
        Path output = flags.output() == null ? null : Path.of(flags.output());
        Path dir = output != null ? null : settings.runsExportDir().map(Path::of).orElse(null);
        return new RunHistoryExportRequest("command", base, token, limit, format, output, dir, timeoutMillis, 1000);
    }
}
