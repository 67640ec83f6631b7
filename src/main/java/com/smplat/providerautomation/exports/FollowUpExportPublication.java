package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.ExportSettings;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What follows a managed follow-up run (exports.md 3.12), as steps of route {@code followup-export-managed-run}: the
 * artifact upload, the status document (stored, then uploaded) and the Slack notice. Their failures are warnings and
 * never change the run's outcome.
 */
@Component("followUpExportPublication")
public class FollowUpExportPublication {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpExportPublication.class);

    private final ExportStateRepository state;

    public FollowUpExportPublication(ExportStateRepository state) {
        this.state = state;
    }

    /** The artifact's target when this run has rows to upload (a configured artifact, rows, the spool), else null. */
    public S3Target artifactDue(ExportSettings settings, ExportOutcome outcome, FollowUpExportRequest request) {
        if (settings.artifactS3Uri().isEmpty() || outcome.rows() == 0 || request == null || request.spool() == null
                || !Files.isRegularFile(request.spool())) {
            return null;
        }
        return FollowUpExportOptions.s3(settings, "GUARDRAIL_EXPORT_ARTIFACT_S3_URI", settings.artifactS3Uri());
    }

    /** The download URL of the status document: the new artifact's, else the latest one's (a run without rows keeps it). */
    public String downloadUrl(ExportSettings settings, S3Target uploaded) {
        if (settings.artifactS3Uri().isEmpty()) {
            return null;
        }
        if (uploaded != null) {
            return uploaded.objectUrl();
        }
        return state.status(FollowUpExport.PIPELINE).map(Json::readOrNull)
                .map(doc -> doc.path("downloadUrl").isTextual() ? doc.get("downloadUrl").asText() : null).orElse(null);
    }

    /** The status document of a successful run, stored for GET .../export/status; its text for the upload. */
    public String statusDocument(ExportSettings settings, String runId, ExportOutcome outcome, String downloadUrl) {
        CursorState written = outcome.written();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cursor", written == null ? outcome.cursor() : written.cursor());
        doc.put("rows", written == null ? outcome.rows() : written.rows());
        doc.put("updatedAt", written == null ? Timestamps.canonical(Timestamps.now()) : written.updatedAt());
        doc.put("downloadUrl", downloadUrl);
        doc.put("workflowUrl", settings.workflowUrl().map(url -> url.replace("{runId}", runId)).orElse(null));
        String text = CanonicalJson.pretty(doc);
        try {
            state.saveStatus(FollowUpExport.PIPELINE, text, Timestamps.now());
        } catch (RuntimeException e) {
            LOG.warn("Storing the export status document failed: {}", e.getClass().getSimpleName());
        }
        return text;
    }

    /** The status document's S3 object, or null when GUARDRAIL_EXPORT_STATUS_S3_URI is unset. */
    public S3Target statusTarget(ExportSettings settings) {
        return settings.statusS3Uri().isEmpty() ? null
                : FollowUpExportOptions.s3(settings, "GUARDRAIL_EXPORT_STATUS_S3_URI", settings.statusS3Uri());
    }

    /** The uploaded target, or null (logged) when the upload failed ({@code failure}, after the retries). */
    public S3Target uploaded(S3Target target, Throwable failure) {
        if (failure != null) {
            LOG.warn("Uploading {} failed ({})", target, ExportRetries.describe(failure));
            return null;
        }
        return target;
    }

    /** The Slack webhook of the run's settings, or null for no notice. */
    public String noticeWebhook(ExportSettings settings) {
        return settings.slackWebhook().orElse(null);
    }

    /** A failed notice is logged and never changes the run. */
    public void noticeSent(Throwable failure) {
        if (failure != null) {
            LOG.warn("Guardrail export notification failed ({})", ExportRetries.describe(failure));
        }
    }

    /** The run's spool is only for the artifact upload. */
    public void removeSpool(FollowUpExportRequest request) {
        if (request != null && request.spool() != null) {
            try {
                Files.deleteIfExists(request.spool());
            } catch (java.io.IOException ignored) {
                // a leftover spool is rewritten by the next run of that id only; harmless
            }
        }
    }
}
