package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.support.AtomicFiles;
import com.smplat.providerautomation.support.Timestamps;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How a run of route {@code followup-export} ends (exports.md 3.9): its {@link ExportOutcome}, the spool kept for the
 * artifact after a success, partial files removed after a failure.
 */
@Component("followUpExportResult")
public class FollowUpExportResult {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpExportResult.class);

    public ExportOutcome succeeded(FollowUpRun run) throws IOException {
        if (run.request.spool() != null) {
            AtomicFiles.commit(AtomicFiles.partialOf(run.request.spool()), run.request.spool());
        }
        long millis = Math.max(1, Duration.between(run.startedAt, Timestamps.now()).toMillis());
        LOG.info("Guardrail follow-up export succeeded: {} row(s) delivered to {} in {} ms ({} rows/s)", run.delivered,
                run.request.sink(), millis, run.delivered * 1000 / millis);
        return outcome(run, true, null, null);
    }

    /**
     * A failed run ({@code run} is null when it failed before it began): partial files removed, the category from the
     * failure or the stage it happened in.
     */
    public ExportOutcome failed(FollowUpRun run, Throwable caught) {
        ExportFailure failure = ObjectHelper.getException(ExportFailure.class, caught);
        String category = failure != null ? failure.category() : run == null ? ExportFailure.CONFIG : run.stage;
        String detail = failure != null ? failure.getMessage() : category + " failure (" + ExportRetries.describe(caught) + ")";
        if (failure == null) {
            LOG.warn("Guardrail follow-up export failed in stage {}: {}", category, caught == null ? "" : caught.getClass().getName());
        }
        if (run == null) {
            return new ExportOutcome(false, category, detail, 0, null, null, null);
        }
        if (run.request.sink() == FollowUpExportRequest.Sink.file) {
            AtomicFiles.discard(run.request.filePath());
        }
        if (run.request.spool() != null) {
            AtomicFiles.discard(run.request.spool());
        }
        LOG.warn("Guardrail follow-up export failed ({}): {}; {} row(s) delivered", category, detail, run.delivered);
        return outcome(run, false, category, detail);
    }

    private static ExportOutcome outcome(FollowUpRun run, boolean succeeded, String category, String detail) {
        Optional<CursorState> now = Optional.ofNullable(run.written).or(() -> Optional.ofNullable(run.stored));
        return new ExportOutcome(succeeded, category, detail, run.delivered,
                run.lastDelivered != null ? run.lastDelivered.createdAt() : now.map(CursorState::cursor).orElse(null),
                run.lastDelivered != null ? run.lastDelivered.followUpId() : now.map(CursorState::lastFollowUpId).orElse(null),
                run.written);
    }
}
