package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.config.SettingsException;
import com.smplat.providerautomation.support.Timestamps;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Managed follow-up export runs (exports.md 3.10 to 3.12; contract resolutions 1, 3, 6), as steps of the routes in
 * {@code routes/export-followups-*.yaml}: run records and the scheduled and triggered runs' configuration (cursor
 * store {@code db}). The lock is route template {@code single-flight-run}; the HTTP endpoints' rules are
 * {@link FollowUpExportApi}; what follows a run is {@link FollowUpExportPublication}.
 */
@Component("followUpExportRunner")
public class FollowUpExportRunner {
    static final String LOCK = "provider-automation:export-guardrail-followups";
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpExportRunner.class);

    private final ExportSettings settings;
    private final ExportStateRepository state;
    private final Path dataDir = Path.of("data", "exports");

    public FollowUpExportRunner(ExportSettings settings, ExportStateRepository state) {
        this.settings = settings;
        this.state = state;
        if (settings.followUpsEnabled()) {
            // 3.10: a missing required setting fails every tick as config; it is also said once at start-up
            try {
                managedRequest(settings, UUID.randomUUID().toString());
            } catch (ExportFailure e) {
                LOG.error("Scheduled guardrail follow-up exports will fail: {}", e.getMessage());
            }
        }
    }

    /** A Quartz firing under the pipeline's lock (route template single-flight-run): the run's record. */
    public String startScheduled() {
        UUID runId = UUID.randomUUID();
        state.abandonRunning(FollowUpExport.PIPELINE, Timestamps.now());
        state.startRun(runId, FollowUpExport.PIPELINE, "schedule", Timestamps.now());
        return runId.toString();
    }

    /** The service's settings: the configuration of scheduled and triggered runs. */
    public ExportSettings settings() {
        return settings;
    }

    /** POST .../export/run under the lock: the run's record; the route hands the run itself to another thread. */
    public String startTriggered() {
        UUID runId = UUID.randomUUID();
        state.abandonRunning(FollowUpExport.PIPELINE, Timestamps.now());
        state.startRun(runId, FollowUpExport.PIPELINE, "manual", Timestamps.now());
        return runId.toString();
    }

    /** The file sink's path of scheduled and triggered runs. */
    Path fileSinkPath(ExportSettings settings) {
        return settings.fileSinkPath().map(Path::of).orElse(dataDir.resolve("guardrail_followups.ndjson"));
    }

    /** The scheduled route's configuration (3.10): never a provider filter; cursor store db. */
    public FollowUpExportRequest managedRequest(ExportSettings settings, String runId) {
        if (settings.followUpsSink().equals("webhook") && settings.webhookUrl().isEmpty()) {
            throw ExportFailure.config("ANALYTICS_GUARDRAIL_WEBHOOK is required when GUARDRAIL_EXPORT_SINK is webhook");
        }
        if (settings.webhookUrl().isPresent() && !FollowUpExportOptions.absoluteHttpUrl(settings.webhookUrl().get())) {
            throw ExportFailure.config("ANALYTICS_GUARDRAIL_WEBHOOK must be an absolute http(s) URL");
        }
        S3Target checkpoint;
        try {
            checkpoint = settings.cursorS3Uri().isPresent() ? FollowUpExportOptions.checkpoint(settings) : null;
            if (settings.artifactS3Uri().isPresent()) {
                FollowUpExportOptions.s3(settings, "GUARDRAIL_EXPORT_ARTIFACT_S3_URI", settings.artifactS3Uri());
            }
            if (settings.statusS3Uri().isPresent()) {
                FollowUpExportOptions.s3(settings, "GUARDRAIL_EXPORT_STATUS_S3_URI", settings.statusS3Uri());
            }
        } catch (SettingsException e) {
            throw ExportFailure.config(e.getMessage());
        }
        FollowUpExportRequest.Sink sink = FollowUpExportRequest.Sink.valueOf(settings.followUpsSink());
        S3Target landing;
        try {
            landing = sink == FollowUpExportRequest.Sink.s3 ? FollowUpExportOptions.landing(settings) : null;
        } catch (SettingsException e) {
            throw ExportFailure.config(e.getMessage());
        }
        return new FollowUpExportRequest("schedule", settings.followUpsLimit(), null, null, sink, fileSinkPath(settings),
                settings.webhookUrl().orElse(null), settings.webhookToken().orElse(null), FollowUpExportRequest.CursorStoreKind.db,
                null, settings.pageSize(), settings.settleSeconds(), settings.webhookRetries(), 1000, checkpoint,
                settings.artifactS3Uri().isPresent() ? dataDir.resolve("artifact-" + runId + ".ndjson") : null,
                settings.webhookSecret().orElse(null), landing);
    }

    /** A run that could not start: a configuration failure (3.10), or an unexpected one. */
    public ExportOutcome notStarted(Throwable error) {
        ExportFailure failure = ObjectHelper.getException(ExportFailure.class, error);
        if (failure == null) {
            LOG.error("Guardrail follow-up export run failed unexpectedly: {}", error == null ? "" : error.getClass().getName());
            return new ExportOutcome(false, ExportFailure.SOURCE, "unexpected "
                    + (error == null ? "failure" : error.getClass().getSimpleName()), 0, null, null, null);
        }
        LOG.warn("Guardrail follow-up export run failed: {}", failure.getMessage());
        Optional<CursorState> cursor = safeCursor();
        return new ExportOutcome(false, failure.category(), failure.getMessage(), 0, cursor.map(CursorState::cursor).orElse(null),
                cursor.map(CursorState::lastFollowUpId).orElse(null), null);
    }

    /** The run's record gets its outcome. */
    public void finish(String runId, ExportOutcome outcome) {
        state.finishRun(UUID.fromString(runId), outcome, Timestamps.now());
    }

    private Optional<CursorState> safeCursor() {
        try {
            return state.cursor(FollowUpExport.PIPELINE, "");
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
