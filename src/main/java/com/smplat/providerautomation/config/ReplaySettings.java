package com.smplat.providerautomation.config;

/**
 * The scheduled replay batch (replay-and-history.md 9 and README "Cross-spec decisions").
 *
 * @param cron           Quartz cron (UTC) of the batch: {@code PROVIDER_REPLAY_WORKER_CRON}, or derived from
 *                       {@code PROVIDER_REPLAY_WORKER_INTERVAL_SECONDS}
 * @param taskQueue      the Quartz job group of the batch ({@code PROVIDER_AUTOMATION_REPLAY_TASK_QUEUE})
 * @param concurrency    provider calls one batch runs at once
 * @param claimTimeoutSeconds age after which an {@code in_progress} claim is resolved as {@code interrupted}
 */
public record ReplaySettings(boolean enabled, int intervalSeconds, int limit, String cron, String taskQueue,
                             int concurrency, int claimTimeoutSeconds) {

    static ReplaySettings from(EnvSource env) {
        boolean enabled = env.bool("PROVIDER_REPLAY_WORKER_ENABLED", false);
        int interval = env.integer("PROVIDER_REPLAY_WORKER_INTERVAL_SECONDS", 300);
        if (interval < 0) {
            throw new SettingsException("PROVIDER_REPLAY_WORKER_INTERVAL_SECONDS must not be negative");
        }
        interval = interval == 0 ? 300 : interval;
        int limit = env.integer("PROVIDER_REPLAY_WORKER_LIMIT", 25);
        if (limit < 0) {
            throw new SettingsException("PROVIDER_REPLAY_WORKER_LIMIT must not be negative");
        }
        limit = limit == 0 ? 25 : limit;
        String cron = env.get("PROVIDER_REPLAY_WORKER_CRON").orElse(null);
        if (cron == null) {
            cron = cronForInterval(interval).orElseThrow(() -> new SettingsException(
                    "PROVIDER_REPLAY_WORKER_INTERVAL_SECONDS cannot be written as a cron schedule; set PROVIDER_REPLAY_WORKER_CRON"));
        } else if (!org.quartz.CronExpression.isValidExpression(cron)) {
            throw new SettingsException("PROVIDER_REPLAY_WORKER_CRON must be a Quartz cron expression (6 or 7 fields)");
        }
        int concurrency = env.integer("PROVIDER_REPLAY_WORKER_CONCURRENCY", 8);
        if (concurrency < 1 || concurrency > 64) {
            throw new SettingsException("PROVIDER_REPLAY_WORKER_CONCURRENCY must be between 1 and 64");
        }
        int claimTimeout = env.integer("PROVIDER_REPLAY_CLAIM_TIMEOUT_SECONDS", 600);
        if (claimTimeout < 1) {
            throw new SettingsException("PROVIDER_REPLAY_CLAIM_TIMEOUT_SECONDS must be at least 1");
        }
        return new ReplaySettings(enabled, interval, limit, cron,
                env.string("PROVIDER_AUTOMATION_REPLAY_TASK_QUEUE", "provider-replay"), concurrency, claimTimeout);
    }

    /** An interval that divides a minute or an hour evenly, as a cron expression; others have none. */
    static java.util.Optional<String> cronForInterval(int seconds) {
        if (seconds < 60 && 60 % seconds == 0) {
            return java.util.Optional.of("0/" + seconds + " * * * * ?");
        }
        if (seconds % 60 == 0 && seconds <= 3600 && 60 % (seconds / 60) == 0) {
            return java.util.Optional.of("0 0/" + seconds / 60 + " * * * ?");
        }
        if (seconds % 3600 == 0 && seconds <= 86400 && 24 % (seconds / 3600) == 0) {
            return java.util.Optional.of("0 0 0/" + seconds / 3600 + " * * ?");
        }
        return java.util.Optional.empty();
    }
}
