package com.smplat.providerautomation.exports;

import org.springframework.stereotype.Component;

/**
 * The bytes each sink receives for the run's current page (exports.md 3.2, 3.6): the webhook envelope, or NDJSON
 * lines for stdout, the file, the landing object and the artifact spool. Each call notes the size for the metrics.
 */
@Component("followUpPageRenderer")
public class FollowUpPageRenderer {

    /** {@code {"followUps": [row, ...]}}. */
    public byte[] webhookBody(FollowUpRun run) {
        byte[] body = FollowUpRows.webhookBody(run.page);
        run.pageBytes = body.length;
        return body;
    }

    /** The page as NDJSON, LF after every line. */
    public byte[] ndjson(FollowUpRun run) {
        byte[] lines = FollowUpRows.ndjson(run.page);
        run.pageBytes = lines.length;
        return lines;
    }
}
