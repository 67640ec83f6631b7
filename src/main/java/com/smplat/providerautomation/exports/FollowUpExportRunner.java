package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.config.SettingsException;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import com.smplat.providerautomation.support.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Managed follow-up export runs (exports.md 3.10 to 3.12; contract resolutions 1, 3, 6), as steps of the routes in
 * {@code routes/export-followups-*.yaml}: run records, the trigger's authorisation and 409, the scheduled and triggered
 * runs' configuration (cursor store {@code db}) and the read endpoints. The lock is route template
 * {@code single-flight-run}; what follows a run is {@link FollowUpExportPublication}.
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

    /** The 202 answer of a trigger. */
    public Map<String, Object> accepted(String runId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", runId);
        body.put("status", "accepted");
        return body;
    }

    /** A trigger while a run is in progress: 409 with the runId in progress. */
    public void conflict() {
        Map<String, Object> extra = new HashMap<>();
        extra.put("runId", state.runningRun(FollowUpExport.PIPELINE).orElse(null));
        throw new ServiceException(ServiceException.Kind.CONFLICT, "A guardrail follow-up export is already running", extra);
    }

    /** GET .../export/runs/{runId}. */
    public Map<String, Object> runRecord(@Header("Authorization") String authorization, @Header("runId") String runId) {
        authorize(authorization);
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ServiceException.invalid("runId must be a UUID");
        }
        return state.run(FollowUpExport.PIPELINE, id).orElseThrow(() -> ServiceException.notFound("Unknown export run"));
    }

    /** GET .../export/status: the status document, or 404 before the first successful run. */
    public Object status() {
        return state.status(FollowUpExport.PIPELINE).map(Json::readOrNull)
                .orElseThrow(() -> ServiceException.notFound("No guardrail follow-up export has succeeded yet"));
    }

    /**
     * GET .../export/download (resolution 7): the NDJSON of the latest successful run, the landed artifact when one is
     * configured, else the scheduled file sink's file. Sets exchange property followUpDownload to "s3" or "file".
     */
    public void prepareDownload(Exchange exchange) {
        exchange.getMessage().removeHeaders("*");
        if (settings.artifactS3Uri().isPresent() && state.status(FollowUpExport.PIPELINE)
                .map(Json::readOrNull).map(doc -> doc.path("downloadUrl").isTextual()).orElse(false)) {
            S3Transfers.prepareGet(exchange, FollowUpExportOptions.s3(settings, "GUARDRAIL_EXPORT_ARTIFACT_S3_URI", settings.artifactS3Uri()));
            exchange.setProperty("followUpDownload", "s3");
            return;
        }
        Path file = fileSinkPath();
        if (settings.followUpsSink().equals("file") && Files.isRegularFile(file)) {
            exchange.getMessage().setBody(file.toFile());
            exchange.setProperty("followUpDownload", "file");
            return;
        }
        throw ServiceException.notFound("No exported NDJSON yet");
    }

    /** A failure of the artifact's download ({@link ExportRetries#FAILURE}) answers 404 or 503. */
    public void downloaded(Throwable failure) {
        if (failure != null) {
            if (java.util.Objects.equals(ExportRetries.s3Status(failure), 404)) {
                throw ServiceException.notFound("No exported NDJSON yet");
            }
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "The NDJSON artifact is unavailable ("
                    + ExportRetries.describe(failure) + ")");
        }
    }

    /** The trigger and the run records take Authorization: Bearer <GUARDRAIL_EXPORT_TRIGGER_TOKEN> (503 when unset). */
    public void authorize(@Header("Authorization") String authorization) {
        String token = settings.triggerToken().orElseThrow(() -> new ServiceException(ServiceException.Kind.UNAVAILABLE,
                "The export trigger is not configured (GUARDRAIL_EXPORT_TRIGGER_TOKEN)"));
        String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : "";
        if (!MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new ServiceException(ServiceException.Kind.UNAUTHORIZED, "Invalid trigger token");
        }
    }

    Path fileSinkPath() {
        return fileSinkPath(settings);
    }

    private Path fileSinkPath(ExportSettings settings) {
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
