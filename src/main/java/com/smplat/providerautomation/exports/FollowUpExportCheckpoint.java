package com.smplat.providerautomation.exports;

import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The S3 checkpoint steps of route {@code followup-export} (exports.md 3.8): the download before the run (only a 404
 * means "no checkpoint"), the upload whenever the run wrote the cursor, and after a failure with confirmed pages.
 */
@Component("followUpExportCheckpoint")
public class FollowUpExportCheckpoint {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpExportCheckpoint.class);

    /**
     * The downloaded checkpoint ({@code content}) restores the cursor; a failure after the download's retries fails the
     * run, except a 404, which means "no checkpoint yet".
     */
    public void checkpointDownloaded(FollowUpRun run, Throwable failure, byte[] content) throws IOException {
        if (failure != null) {
            if (Objects.equals(ExportRetries.s3Status(failure), 404)) {
                LOG.info("No S3 checkpoint at {} yet: keeping the local cursor", run.request.checkpoint());
                return;
            }
            throw new ExportFailure(ExportFailure.CHECKPOINT_DOWNLOAD,
                    "S3 checkpoint download failed (" + ExportRetries.describe(failure) + ")");
        }
        run.stage = ExportFailure.CONFIG;
        CursorState parsed = CursorState.parse(content, "the S3 checkpoint");
        run.store.restore(content, parsed);
        LOG.info("Cursor restored from the S3 checkpoint {}", run.request.checkpoint());
    }

    /** What the checkpoint upload puts: the stored cursor as the cursor store holds it. */
    public byte[] checkpointContent(FollowUpRun run) {
        run.stage = ExportFailure.CHECKPOINT_UPLOAD;
        return run.store.checkpointBytes().orElseThrow();
    }

    /** A failure left by the upload's retries ({@link ExportRetries#FAILURE}) fails the run. */
    public void checkpointUploaded(Throwable failure) {
        if (failure != null) {
            throw new ExportFailure(ExportFailure.CHECKPOINT_UPLOAD,
                    "S3 checkpoint upload failed (" + ExportRetries.describe(failure) + ")");
        }
    }
}
