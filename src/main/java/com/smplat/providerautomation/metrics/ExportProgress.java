package com.smplat.providerautomation.metrics;

import com.smplat.providerautomation.support.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A running export's progress, called by the export routes after each delivered page and at the run's end: the page
 * goes into the metrics at once (so a long run shows live), and a progress line (rows, pages, rate) is logged every
 * {@code EXPORT_PROGRESS_LOG_SECONDS} (default 10; 0 turns the lines off).
 */
@Component("exportProgress")
public class ExportProgress {
    private static final Logger LOG = LoggerFactory.getLogger(ExportProgress.class);

    private final ExportMetrics metrics;
    private final long intervalNanos;
    private final Map<String, Tally> running = new ConcurrentHashMap<>();

    public ExportProgress(ExportMetrics metrics, @Value("${exports.progress-log-seconds:10}") long intervalSeconds) {
        this.metrics = metrics;
        this.intervalNanos = Duration.ofSeconds(Math.max(0, intervalSeconds)).toNanos();
    }

    /** A run's totals so far; one worker thread per run, so plain fields. */
    private static final class Tally {
        long rows;
        long pages;
        long bytes;
        long nextLogNanos;
    }

    /** One page delivered by the run that started at {@code runStartedAt}. */
    public void pageDelivered(String pipeline, Instant runStartedAt, long rows, long bytes) {
        metrics.pageDelivered(pipeline, rows, bytes);
        long now = System.nanoTime();
        Tally tally = running.computeIfAbsent(key(pipeline, runStartedAt), k -> {
            Tally fresh = new Tally();
            fresh.nextLogNanos = now + intervalNanos;
            return fresh;
        });
        tally.rows += rows;
        tally.pages++;
        tally.bytes += bytes;
        if (intervalNanos > 0 && now - tally.nextLogNanos >= 0) {
            tally.nextLogNanos = now + intervalNanos;
            double seconds = Math.max(0.001, Duration.between(runStartedAt, Timestamps.now()).toMillis() / 1000.0);
            LOG.info("Export {} in progress: {} row(s) in {} page(s), {} bytes, {} rows/s over {} s", pipeline, tally.rows,
                    tally.pages, tally.bytes, Math.round(tally.rows / seconds), Math.round(seconds));
        }
    }

    /** The run ended; {@code status} succeeded or failed. */
    public void runEnded(String pipeline, Instant runStartedAt, String status) {
        if (runStartedAt != null) {
            running.remove(key(pipeline, runStartedAt));
        }
        metrics.runEnded(pipeline, status);
    }

    private static String key(String pipeline, Instant runStartedAt) {
        return pipeline + "@" + runStartedAt;
    }
}
