package com.smplat.providerautomation.metrics;

import com.smplat.providerautomation.exports.FollowUpExport;
import com.smplat.providerautomation.exports.RunHistoryExportRunner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The export pipelines' meters, tagged {@code pipeline="follow-ups"} or {@code "run-history"}. Counters move per page
 * ({@link ExportProgress}) and per run (called from the export routes). The last success and the cursor's lag come from
 * the database, so they are the same on every replica and include runs of other instances; each is read at most once
 * per 10 s.
 */
@Component("exportMetrics")
public class ExportMetrics {
    public static final String FOLLOW_UPS = "follow-ups";
    public static final String RUN_HISTORY = "run-history";
    static final String RUNS = "provider.automation.export.runs";
    static final String ROWS = "provider.automation.export.rows";
    static final String PAGES = "provider.automation.export.pages";
    static final String BYTES = "provider.automation.export.bytes";
    private static final Duration CACHE = Duration.ofSeconds(10);
    /** The pipeline tag to the name the run records and cursors are stored under. */
    private static final Map<String, String> STORED_NAMES = Map.of(FOLLOW_UPS, FollowUpExport.PIPELINE, RUN_HISTORY, RunHistoryExportRunner.PIPELINE);
    private static final Logger LOG = LoggerFactory.getLogger(ExportMetrics.class);

    private final MeterRegistry registry;

    public ExportMetrics(MeterRegistry registry, NamedParameterJdbcTemplate jdbc) {
        this.registry = registry;
        STORED_NAMES.forEach((pipeline, stored) -> {
            rows(pipeline);
            pages(pipeline);
            bytes(pipeline);
            runs(pipeline, "succeeded");
            runs(pipeline, "failed");
            CachedReading<Double> lastSuccess = new CachedReading<>(pipeline + " last success", CACHE, Double.NaN,
                    () -> orNaN(jdbc.queryForObject("""
                            SELECT EXTRACT(EPOCH FROM max(finished_at))::float8 FROM export_runs
                             WHERE pipeline = :pipeline AND status = 'succeeded'""",
                            new MapSqlParameterSource("pipeline", stored), Double.class)));
            Gauge.builder("provider.automation.export.last.success.timestamp", lastSuccess::get)
                    .baseUnit("seconds").tag("pipeline", pipeline)
                    .description("When the newest recorded run of the pipeline succeeded (Unix time)").register(registry);
        });
        CachedReading<Double> cursorLag = new CachedReading<>("follow-up cursor lag", CACHE, Double.NaN,
                () -> orNaN(jdbc.queryForObject("""
                        SELECT CASE WHEN newest.created_at IS NULL THEN 0
                                    ELSE GREATEST(0, EXTRACT(EPOCH FROM newest.created_at - cursors.position))::float8 END
                          FROM (SELECT max(created_at) AS created_at FROM provider_guardrail_followup) newest
                          LEFT JOIN (SELECT cursor::timestamptz AS position FROM export_cursors
                                      WHERE pipeline = :pipeline AND provider_scope = '') cursors ON true
                         WHERE newest.created_at IS NULL OR cursors.position IS NOT NULL""",
                        new MapSqlParameterSource("pipeline", FollowUpExport.PIPELINE), Double.class)));
        Gauge.builder("provider.automation.export.cursor.lag", cursorLag::get).baseUnit("seconds").tag("pipeline", FOLLOW_UPS)
                .description("Newest follow-up's createdAt minus the database cursor of the unfiltered export")
                .register(registry);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    /** One page written or confirmed by its sink. */
    public void pageDelivered(String pipeline, long rows, long bytes) {
        try {
            rows(pipeline).increment(rows);
            pages(pipeline).increment();
            bytes(pipeline).increment(bytes);
        } catch (RuntimeException e) {
            LOG.warn("Export page metrics not recorded: {}", e.getClass().getSimpleName());
        }
    }

    /** One run ended; {@code status} succeeded or failed. */
    public void runEnded(String pipeline, String status) {
        try {
            runs(pipeline, status).increment();
        } catch (RuntimeException e) {
            LOG.warn("Export run metric not recorded: {}", e.getClass().getSimpleName());
        }
    }

    private Counter runs(String pipeline, String status) {
        return Counter.builder(RUNS).description("Export runs by pipeline and status").tag("pipeline", pipeline)
                .tag("status", status).register(registry);
    }

    private Counter rows(String pipeline) {
        return Counter.builder(ROWS).description("Rows delivered by the export pipelines").tag("pipeline", pipeline)
                .register(registry);
    }

    private Counter pages(String pipeline) {
        return Counter.builder(PAGES).description("Pages delivered by the export pipelines").tag("pipeline", pipeline)
                .register(registry);
    }

    private Counter bytes(String pipeline) {
        return Counter.builder(BYTES).description("Bytes delivered by the export pipelines").tag("pipeline", pipeline)
                .register(registry);
    }
}
