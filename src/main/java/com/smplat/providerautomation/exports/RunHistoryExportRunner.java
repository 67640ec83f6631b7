package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.support.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scheduled run-history export runs (exports.md 2.9, 2.10; contract resolution 12), under the single flight of
 * {@code routes/export-runs-schedules.yaml}: the scheduled route's configuration (in-process history, files under the
 * export directory), run records and the gap warning between consecutive snapshots.
 */
@Component("runHistoryExportRunner")
public class RunHistoryExportRunner {
    public static final String PIPELINE = "provider-automation-runs";
    private static final Logger LOG = LoggerFactory.getLogger(RunHistoryExportRunner.class);

    private final ExportSettings settings;
    private final ExportStateRepository state;
    /** Newest ranAt per category of the previous successful scheduled snapshot (this instance). */
    private final Map<String, Instant> previousNewest = new HashMap<>();

    public RunHistoryExportRunner(ExportSettings settings, ExportStateRepository state) {
        this.settings = settings;
        this.state = state;
    }

    /** A Quartz firing under the pipeline's lock: the run's record, started. */
    public String startScheduled() {
        UUID runId = UUID.randomUUID();
        state.abandonRunning(PIPELINE, Timestamps.now());
        state.startRun(runId, PIPELINE, "schedule", Timestamps.now());
        return runId.toString();
    }

    /** The scheduled route's configuration (2.10, resolution 12): in-process history, files under the export dir. */
    public RunHistoryExportRequest scheduledRequest() {
        return new RunHistoryExportRequest("schedule", null, null, settings.runsLimit(), settings.runsFormat(), null,
                Path.of(settings.runsExportDir().orElse("exports/provider-automation")), 15_000, 1000);
    }

    /** A scheduled run that wrote its file: the record, and the gap warning against the previous snapshot. */
    public void succeeded(String runId, List<RunHistoryRows.Row> rows) {
        warnOnGap(rows);
        state.finishRun(UUID.fromString(runId), new ExportOutcome(true, null, null, rows.size(), null, null, null),
                Timestamps.now());
    }

    /** A scheduled run that failed: the record with the failure's category. */
    public void failed(String runId, Throwable error) {
        ExportFailure failure = ObjectHelper.getException(ExportFailure.class, error);
        String category = failure == null ? ExportFailure.SOURCE : failure.category();
        String detail = failure == null ? ExportRetries.describe(error) : failure.getMessage();
        LOG.error("Scheduled run-history export failed ({}): {}", category, detail);
        state.finishRun(UUID.fromString(runId), new ExportOutcome(false, category, detail, 0, null, null, null),
                Timestamps.now());
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
