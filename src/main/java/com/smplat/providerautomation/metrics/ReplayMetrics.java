package com.smplat.providerautomation.metrics;

import com.smplat.providerautomation.replay.ReplayBatchRepository;
import com.smplat.providerautomation.replay.ScheduledEntries;
import com.smplat.providerautomation.support.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scheduled replay's meters, called from {@code routes/replay-routes.yaml}: entries by provider and outcome, batch
 * duration, and the due backlog read from the database (cached, see {@link CachedReading}). A meter failure is
 * logged and never fails the batch.
 */
@Component("replayMetrics")
public class ReplayMetrics {
    static final String ENTRIES = "provider.automation.replay.entries";
    static final String BATCH_DURATION = "provider.automation.replay.batch.duration";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayMetrics.class);

    private final MeterRegistry registry;
    private final Timer batchDuration;
    private final CachedReading<ScheduledEntries.DueSummary> due;

    public ReplayMetrics(MeterRegistry registry, ReplayBatchRepository batches) {
        this.registry = registry;
        this.batchDuration = Timer.builder(BATCH_DURATION).description("Scheduled replay batches, start to record")
                .publishPercentileHistogram().register(registry);
        this.due = new CachedReading<>("replay backlog", Duration.ofSeconds(10), null,
                () -> ScheduledEntries.dueSummary(batches.openSchedules(), Timestamps.now()));
        Gauge.builder("provider.automation.replay.backlog.entries", () -> {
                    ScheduledEntries.DueSummary summary = due.get();
                    return summary == null ? Double.NaN : summary.due();
                }).description("Scheduled replay entries that are due and not yet claimed").register(registry);
        Gauge.builder("provider.automation.replay.oldest.due.age", () -> {
                    ScheduledEntries.DueSummary summary = due.get();
                    return summary == null ? Double.NaN : ageSeconds(summary.oldestDueSince());
                }).baseUnit("seconds").description("How long the oldest due scheduled replay entry has waited")
                .register(registry);
    }

    private static double ageSeconds(Instant since) {
        return since == null ? 0 : Math.max(0, Duration.between(since, Timestamps.now()).toMillis() / 1000.0);
    }

    /** One entry's outcome was recorded ({@code succeeded} or {@code failed}). */
    public void entryRecorded(@ExchangeProperty("replayEntryProvider") String providerId,
                              @ExchangeProperty("replayEntryOutcome") String outcome) {
        try {
            Counter.builder(ENTRIES).description("Scheduled replay entries processed, by provider and outcome")
                    .tag("provider", providerId == null ? "" : providerId).tag("outcome", outcome)
                    .register(registry).increment();
        } catch (RuntimeException e) {
            LOG.warn("Replay entry metric not recorded: {}", e.getClass().getSimpleName());
        }
    }

    /** A batch ended (recorded or aborted). */
    public void batchEnded(@ExchangeProperty("replayBatchStartedAt") Instant startedAt) {
        if (startedAt != null) {
            batchDuration.record(Duration.between(startedAt, Timestamps.now()));
        }
    }
}
