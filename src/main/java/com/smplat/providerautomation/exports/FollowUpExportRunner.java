package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.config.SettingsException;
import com.smplat.providerautomation.support.AdvisoryLocks;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Managed GF runs (exports.md 3.10 to 3.12; contract resolutions 1, 3, 6): the cluster-wide single flight, run
 * records, the scheduled and triggered runs with the settings' configuration (cursor store {@code db}), and what follows
 * a run: artifact upload, status document, Slack notice. Commands take the same lock.
 */
@Component("followUpExportRunner")
public class FollowUpExportRunner {
    static final String LOCK = "provider-automation:export-guardrail-followups";
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpExportRunner.class);

    private final ExportSettings settings;
    private final AdvisoryLocks locks;
    private final ExportStateRepository state;
    private final ProducerTemplate producer;
    private final Path dataDir = Path.of("data", "exports");
    private final ExecutorService triggered = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "followup-export-trigger");
        thread.setDaemon(true);
        return thread;
    });

    public FollowUpExportRunner(ExportSettings settings, AdvisoryLocks locks, ExportStateRepository state, ProducerTemplate producer) {
        this.settings = settings;
        this.locks = locks;
        this.state = state;
        this.producer = producer;
        if (settings.followUpsEnabled()) {
            // 3.10: a missing required setting fails every tick as config; it is also said once at start-up
            try {
                managedRequest(settings, UUID.randomUUID());
            } catch (ExportFailure e) {
                LOG.error("Scheduled guardrail follow-up exports will fail: {}", e.getMessage());
            }
        }
    }

    /** The command: one run under the lock; another run in progress is a runtime failure (exit 1). */
    public ExportOutcome command(FollowUpExportRequest request) {
        AdvisoryLocks.Lease lease = locks.tryAcquire(LOCK)
                .orElseThrow(() -> new IllegalStateException("a guardrail follow-up export is already running"));
        try (lease) {
            return producer.requestBody("direct:followup-export", request, ExportOutcome.class);
        }
    }

    /** A Quartz firing: skipped when disabled or when a run is in progress anywhere (logged, not queued). */
    public void scheduled() {
        if (!settings.followUpsEnabled()) {
            LOG.debug("Scheduled guardrail follow-up export skipped: disabled");
            return;
        }
        Optional<AdvisoryLocks.Lease> lease = locks.tryAcquire(LOCK);
        if (lease.isEmpty()) {
            LOG.info("Scheduled guardrail follow-up export skipped: already-running");
            return;
        }
        UUID runId = UUID.randomUUID();
        state.abandonRunning(FollowUpExport.PIPELINE, Timestamps.now());
        state.startRun(runId, FollowUpExport.PIPELINE, "schedule", Timestamps.now());
        execute(settings, runId, lease.get());
    }

    /** One managed run with the given settings, in this thread (the trigger's and the schedule's path, for tests). */
    UUID runManaged(ExportSettings with, String trigger) {
        AdvisoryLocks.Lease lease = locks.tryAcquire(LOCK).orElseThrow(() -> new IllegalStateException("already running"));
        UUID runId = UUID.randomUUID();
        state.startRun(runId, FollowUpExport.PIPELINE, trigger, Timestamps.now());
        execute(with, runId, lease);
        return runId;
    }

    /** POST .../export/run: 202 and the run goes on in the background; 409 while one is in progress. */
    public Map<String, Object> trigger(@Header("Authorization") String authorization, Exchange exchange) {
        authorize(authorization);
        Optional<AdvisoryLocks.Lease> lease = locks.tryAcquire(LOCK);
        if (lease.isEmpty()) {
            Map<String, Object> extra = new HashMap<>();
            extra.put("runId", state.runningRun(FollowUpExport.PIPELINE).orElse(null));
            throw new ServiceException(ServiceException.Kind.CONFLICT, "A guardrail follow-up export is already running", extra);
        }
        UUID runId = UUID.randomUUID();
        try {
            state.abandonRunning(FollowUpExport.PIPELINE, Timestamps.now());
            state.startRun(runId, FollowUpExport.PIPELINE, "manual", Timestamps.now());
            triggered.submit(() -> execute(settings, runId, lease.get()));
        } catch (RuntimeException e) {
            lease.get().close();
            throw e;
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", runId.toString());
        body.put("status", "accepted");
        return body;
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
            S3Transfers.prepareGet(exchange, FollowUpExportOptions.s3(envOf(settings), "GUARDRAIL_EXPORT_ARTIFACT_S3_URI"));
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

    public void downloaded(Exchange exchange) {
        Throwable failure = exchange.getProperty(ExportRetries.FAILURE, Throwable.class);
        if (failure != null) {
            if (java.util.Objects.equals(ExportRetries.s3Status(failure), 404)) {
                throw ServiceException.notFound("No exported NDJSON yet");
            }
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "The NDJSON artifact is unavailable ("
                    + ExportRetries.describe(failure) + ")");
        }
        Object body = exchange.getMessage().getBody();
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/x-ndjson");
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"guardrail_followups.ndjson\"");
    }

    private void authorize(String authorization) {
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
    FollowUpExportRequest managedRequest(ExportSettings settings, UUID runId) {
        if (settings.followUpsSink().equals("webhook") && settings.webhookUrl().isEmpty()) {
            throw ExportFailure.config("ANALYTICS_GUARDRAIL_WEBHOOK is required when GUARDRAIL_EXPORT_SINK is webhook");
        }
        if (settings.webhookUrl().isPresent() && !FollowUpExportOptions.absoluteHttpUrl(settings.webhookUrl().get())) {
            throw ExportFailure.config("ANALYTICS_GUARDRAIL_WEBHOOK must be an absolute http(s) URL");
        }
        EnvSource env = envOf(settings);
        S3Target checkpoint;
        try {
            checkpoint = settings.cursorS3Uri().isPresent() ? FollowUpExportOptions.checkpoint(env) : null;
            if (settings.artifactS3Uri().isPresent()) {
                FollowUpExportOptions.s3(env, "GUARDRAIL_EXPORT_ARTIFACT_S3_URI");
            }
            if (settings.statusS3Uri().isPresent()) {
                FollowUpExportOptions.s3(env, "GUARDRAIL_EXPORT_STATUS_S3_URI");
            }
        } catch (SettingsException e) {
            throw ExportFailure.config(e.getMessage());
        }
        FollowUpExportRequest.Sink sink = FollowUpExportRequest.Sink.valueOf(settings.followUpsSink());
        return new FollowUpExportRequest("schedule", settings.followUpsLimit(), null, null, sink, fileSinkPath(settings),
                settings.webhookUrl().orElse(null), settings.webhookToken().orElse(null), FollowUpExportRequest.CursorStoreKind.db,
                null, settings.pageSize(), settings.settleSeconds(), settings.webhookRetries(), 1000, checkpoint,
                settings.artifactS3Uri().isPresent() ? dataDir.resolve("artifact-" + runId + ".ndjson") : null);
    }

    private void execute(ExportSettings settings, UUID runId, AdvisoryLocks.Lease lease) {
        try (lease) {
            ExportOutcome outcome;
            FollowUpExportRequest request = null;
            try {
                request = managedRequest(settings, runId);
                outcome = producer.requestBody("direct:followup-export", request, ExportOutcome.class);
            } catch (ExportFailure e) {
                LOG.warn("Guardrail follow-up export run {} failed: {}", runId, e.getMessage());
                Optional<CursorState> cursor = safeCursor();
                outcome = new ExportOutcome(false, e.category(), e.getMessage(), 0, cursor.map(CursorState::cursor).orElse(null),
                        cursor.map(CursorState::lastFollowUpId).orElse(null), null);
            } catch (RuntimeException e) {
                LOG.error("Guardrail follow-up export run {} failed unexpectedly: {}", runId, e.getClass().getName());
                outcome = new ExportOutcome(false, ExportFailure.SOURCE, "unexpected " + e.getClass().getSimpleName(), 0, null, null, null);
            }
            state.finishRun(runId, outcome, Timestamps.now());
            if (outcome.succeeded()) {
                publishStatus(settings, runId, outcome, request);
            }
            notify(settings, runId, outcome);
            if (request != null && request.spool() != null) {
                try {
                    Files.deleteIfExists(request.spool());
                } catch (java.io.IOException ignored) {
                    // a leftover spool is rewritten by the next run of that id only; harmless
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Guardrail follow-up export run {} could not be recorded: {}", runId, e.getClass().getName());
        }
    }

    private Optional<CursorState> safeCursor() {
        try {
            return state.cursor(FollowUpExport.PIPELINE, "");
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Artifact upload then the status document (3.12); their failures are warnings and never change the run. */
    private void publishStatus(ExportSettings settings, UUID runId, ExportOutcome outcome, FollowUpExportRequest request) {
        EnvSource env = envOf(settings);
        String previousUrl = state.status(FollowUpExport.PIPELINE).map(Json::readOrNull)
                .map(doc -> doc.path("downloadUrl").isTextual() ? doc.get("downloadUrl").asText() : null).orElse(null);
        String downloadUrl = null;
        if (settings.artifactS3Uri().isPresent()) {
            S3Target artifact = FollowUpExportOptions.s3(env, "GUARDRAIL_EXPORT_ARTIFACT_S3_URI");
            downloadUrl = previousUrl;
            if (outcome.rows() > 0 && request.spool() != null && Files.isRegularFile(request.spool())) {
                if (putFile(artifact, request.spool(), "application/x-ndjson")) {
                    downloadUrl = artifact.objectUrl();
                }
            }
        }
        CursorState written = outcome.written();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cursor", written == null ? outcome.cursor() : written.cursor());
        doc.put("rows", written == null ? outcome.rows() : written.rows());
        doc.put("updatedAt", written == null ? Timestamps.canonical(Timestamps.now()) : written.updatedAt());
        doc.put("downloadUrl", downloadUrl);
        doc.put("workflowUrl", settings.workflowUrl().map(url -> url.replace("{runId}", runId.toString())).orElse(null));
        String text = CanonicalJson.pretty(doc);
        try {
            state.saveStatus(FollowUpExport.PIPELINE, text, Timestamps.now());
        } catch (RuntimeException e) {
            LOG.warn("Storing the export status document failed: {}", e.getClass().getSimpleName());
        }
        if (settings.statusS3Uri().isPresent()) {
            S3Target target = FollowUpExportOptions.s3(env, "GUARDRAIL_EXPORT_STATUS_S3_URI");
            putBytes(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
        }
    }

    private boolean putFile(S3Target target, Path file, String contentType) {
        Exchange result = producer.send("direct:export-s3", exchange -> S3Transfers.preparePutFile(exchange, target, file, contentType));
        return uploaded(result, target);
    }

    private boolean putBytes(S3Target target, byte[] content, String contentType) {
        Exchange result = producer.send("direct:export-s3", exchange -> S3Transfers.preparePut(exchange, target, content, contentType));
        return uploaded(result, target);
    }

    private static boolean uploaded(Exchange result, S3Target target) {
        Throwable failure = result.getException() != null ? result.getException()
                : result.getProperty(ExportRetries.FAILURE, Throwable.class);
        if (failure != null) {
            LOG.warn("Uploading {} failed ({})", target, ExportRetries.describe(failure));
            return false;
        }
        return true;
    }

    /** The Slack notice (3.12) through route followup-export-notify; never changes the run's outcome. */
    private void notify(ExportSettings settings, UUID runId, ExportOutcome outcome) {
        if (settings.slackWebhook().isEmpty()) {
            return;
        }
        String text = FollowUpExportNotice.text(outcome, settings.workflowUrl().map(url -> url.replace("{runId}", runId.toString()))
                .orElse(runId.toString()));
        try {
            Exchange result = producer.send("direct:followup-export-notify", exchange -> {
                exchange.getMessage().setBody(Json.write(Map.of("text", text)));
                exchange.setProperty(FollowUpExportNotice.WEBHOOK, settings.slackWebhook().get());
            });
            Throwable failure = result.getException() != null ? result.getException()
                    : result.getProperty(ExportRetries.FAILURE, Throwable.class);
            if (failure != null) {
                LOG.warn("Guardrail export notification failed ({})", ExportRetries.describe(failure));
            }
        } catch (RuntimeException e) {
            LOG.warn("Guardrail export notification failed ({})", e.getClass().getSimpleName());
        }
    }

    /** The settings as an EnvSource again, for the S3 target parsing shared with the command. */
    private static EnvSource envOf(ExportSettings settings) {
        Map<String, String> values = new HashMap<>();
        settings.cursorS3Uri().ifPresent(v -> values.put("GUARDRAIL_EXPORT_CURSOR_S3_URI", v));
        settings.artifactS3Uri().ifPresent(v -> values.put("GUARDRAIL_EXPORT_ARTIFACT_S3_URI", v));
        settings.statusS3Uri().ifPresent(v -> values.put("GUARDRAIL_EXPORT_STATUS_S3_URI", v));
        settings.awsAccessKeyId().ifPresent(v -> values.put("GUARDRAIL_EXPORT_AWS_ACCESS_KEY_ID", v));
        settings.awsSecretAccessKey().ifPresent(v -> values.put("GUARDRAIL_EXPORT_AWS_SECRET_ACCESS_KEY", v));
        settings.s3Endpoint().ifPresent(v -> values.put("GUARDRAIL_EXPORT_S3_ENDPOINT", v));
        values.put("GUARDRAIL_EXPORT_AWS_REGION", settings.awsRegion());
        return EnvSource.of(values);
    }
}
