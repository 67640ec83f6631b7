package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.support.AdvisoryLocks;
import com.smplat.providerautomation.support.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Run-history export runs (exports.md 2.9, 2.10; contract resolutions 3, 12): the cluster-wide single flight, the
 * scheduled route's configuration (in-process history, files under the export directory), run records and the gap
 * warning between consecutive snapshots.
 */
@Component("runHistoryExportRunner")
public class RunHistoryExportRunner {
    static final String LOCK = "provider-automation:export-provider-automation-runs";
    public static final String PIPELINE = "provider-automation-runs";
    private static final Logger LOG = LoggerFactory.getLogger(RunHistoryExportRunner.class);

    private final ExportSettings settings;
    private final AdvisoryLocks locks;
    private final ExportStateRepository state;
    private final ProducerTemplate producer;
    /** Newest ranAt per category of the previous successful scheduled snapshot (this instance). */
    private final Map<String, Instant> previousNewest = new HashMap<>();

    public RunHistoryExportRunner(ExportSettings settings, AdvisoryLocks locks, ExportStateRepository state, ProducerTemplate producer) {
        this.settings = settings;
        this.locks = locks;
        this.state = state;
        this.producer = producer;
    }

    /** The command: one export under the lock; another run in progress is a runtime failure (exit 1). */
    public String command(RunHistoryExportRequest request) {
        AdvisoryLocks.Lease lease = locks.tryAcquire(LOCK)
                .orElseThrow(() -> new IllegalStateException("a run-history export is already running"));
        try (lease) {
            return producer.requestBody("direct:run-history-export", request, String.class);
        }
    }

    /** A Quartz firing: skipped when disabled or running anywhere; otherwise one recorded run. */
    public void scheduled() {
        if (!settings.runsEnabled()) {
            LOG.debug("Scheduled run-history export skipped: disabled");
            return;
        }
        Optional<AdvisoryLocks.Lease> lease = locks.tryAcquire(LOCK);
        if (lease.isEmpty()) {
            LOG.info("Scheduled run-history export skipped: already-running");
            return;
        }
        try (AdvisoryLocks.Lease held = lease.get()) {
            UUID runId = UUID.randomUUID();
            state.abandonRunning(PIPELINE, Timestamps.now());
            state.startRun(runId, PIPELINE, "schedule", Timestamps.now());
            RunHistoryExportRequest request = new RunHistoryExportRequest("schedule", null, null, settings.runsLimit(), settings.runsFormat(), null,
                    Path.of(settings.runsExportDir().orElse("exports/provider-automation")), 15_000, 1000);
            Exchange result = producer.send("direct:run-history-export", exchange -> exchange.getMessage().setBody(request));
            ExportOutcome outcome;
            if (result.getException() != null) {
                ExportFailure failure = ObjectHelper.getException(ExportFailure.class, result.getException());
                String category = failure == null ? ExportFailure.SOURCE : failure.category();
                String detail = failure == null ? ExportRetries.describe(result.getException()) : failure.getMessage();
                LOG.error("Scheduled run-history export failed ({}): {}", category, detail);
                outcome = new ExportOutcome(false, category, detail, 0, null, null, null);
            } else {
                @SuppressWarnings("unchecked")
                List<RunHistoryRows.Row> rows = result.getProperty(RunHistoryExport.ROWS, List.class);
                warnOnGap(rows);
                outcome = new ExportOutcome(true, null, null, rows.size(), null, null, null);
            }
            state.finishRun(runId, outcome, Timestamps.now());
        }
    }

    /** 2.9: a gap when a category's oldest run now is newer than its newest run in the previous snapshot. */
    synchronized void warnOnGap(List<RunHistoryRows.Row> rows) {
        Map<String, Instant> newest = new HashMap<>();
        Map<String, Instant> oldest = new HashMap<>();
        for (RunHistoryRows.Row row : rows) {
            Optional<Instant> ranAt = row.ranAt() == null ? Optional.empty() : Timestamps.parse(row.ranAt().asText());
            ranAt.ifPresent(at -> {
                newest.merge(row.category(), at, (a, b) -> a.isAfter(b) ? a : b);
                oldest.merge(row.category(), at, (a, b) -> a.isBefore(b) ? a : b);
            });
        }
        oldest.forEach((category, at) -> {
            Instant before = previousNewest.get(category);
            if (before != null && at.isAfter(before)) {
                LOG.warn("Run-history export gap: the oldest {} run in this snapshot is newer than the newest one in the "
                        + "previous snapshot; raise SMPLAT_AUTOMATION_EXPORT_LIMIT or run more often", category);
            }
        });
        previousNewest.putAll(newest);
    }
}
