package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The rules of the follow-up export's HTTP endpoints ({@code routes/export-followups-api.yaml}, exports.md 3.11,
 * resolution 7): the trigger's token, its 202 and 409 answers, the run records, the status document and the
 * download's source.
 */
@Component("followUpExportApi")
public class FollowUpExportApi {
    private final ExportSettings settings;
    private final ExportStateRepository state;
    private final FollowUpExportRunner runner;

    public FollowUpExportApi(ExportSettings settings, ExportStateRepository state, FollowUpExportRunner runner) {
        this.settings = settings;
        this.state = state;
        this.runner = runner;
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
     * GET .../export/download (resolution 7): the NDJSON of the latest successful run is the landed artifact when one
     * is configured and uploaded (its S3 object, which the route downloads), else null.
     */
    public S3Target downloadArtifact() {
        if (settings.artifactS3Uri().isPresent() && state.status(FollowUpExport.PIPELINE)
                .map(Json::readOrNull).map(doc -> doc.path("downloadUrl").isTextual()).orElse(false)) {
            return FollowUpExportOptions.s3(settings, "GUARDRAIL_EXPORT_ARTIFACT_S3_URI", settings.artifactS3Uri());
        }
        return null;
    }

    /** Without an artifact, the scheduled file sink's file; 404 when there is none. */
    public File exportedFile() {
        Path file = runner.fileSinkPath(settings);
        if (settings.followUpsSink().equals("file") && Files.isRegularFile(file)) {
            return file.toFile();
        }
        throw ServiceException.notFound("No exported NDJSON yet");
    }

    /** A failure of the artifact's download ({@link ExportRetries#FAILURE}) answers 404 or 503. */
    public void downloaded(Throwable failure) {
        if (failure != null) {
            if (Objects.equals(ExportRetries.s3Status(failure), 404)) {
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
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw new ServiceException(ServiceException.Kind.UNAUTHORIZED, "Invalid trigger token");
        }
    }
}
