package com.smplat.providerautomation.exports;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One guardrail follow-up export run, fully validated (exports.md 3.4, 3.10): what the command's flags, the schedule's
 * settings or the trigger resolved to. Nullable members are unset.
 *
 * @param retryBaseMillis the first webhook retry wait (1 s in production; the doubling backoff starts from it)
 * @param spool           where a managed run spools the delivered rows for the artifact upload, or null
 * @param webhookSecret   the Standard Webhooks signing key ({@code whsec_<base64>}), or null for unsigned pages
 * @param landing         the {@code s3} sink's bucket and key prefix ({@code s3://bucket/prefix}), or null
 */
public record FollowUpExportRequest(String trigger, int limit, Instant cursor, String providerId, Sink sink, Path filePath,
                        String webhookUrl, String webhookToken, CursorStoreKind cursorStore, Path cursorStorePath,
                        int pageSize, int settleSeconds, int webhookRetries, long retryBaseMillis, S3Target checkpoint,
                        Path spool, String webhookSecret, S3Target landing) {

    public enum Sink { stdout, file, webhook, s3 }

    public enum CursorStoreKind { none, file, db }

    /** A run with unsigned webhook pages and no landing target. */
    public FollowUpExportRequest(String trigger, int limit, Instant cursor, String providerId, Sink sink, Path filePath,
                                 String webhookUrl, String webhookToken, CursorStoreKind cursorStore, Path cursorStorePath,
                                 int pageSize, int settleSeconds, int webhookRetries, long retryBaseMillis,
                                 S3Target checkpoint, Path spool) {
        this(trigger, limit, cursor, providerId, sink, filePath, webhookUrl, webhookToken, cursorStore, cursorStorePath,
                pageSize, settleSeconds, webhookRetries, retryBaseMillis, checkpoint, spool, null, null);
    }

    public FollowUpExportRequest withSpool(Path spoolPath) {
        return new FollowUpExportRequest(trigger, limit, cursor, providerId, sink, filePath, webhookUrl, webhookToken,
                cursorStore, cursorStorePath, pageSize, settleSeconds, webhookRetries, retryBaseMillis, checkpoint, spoolPath,
                webhookSecret, landing);
    }

    public FollowUpExportRequest withRetryBaseMillis(long millis) {
        return new FollowUpExportRequest(trigger, limit, cursor, providerId, sink, filePath, webhookUrl, webhookToken,
                cursorStore, cursorStorePath, pageSize, settleSeconds, webhookRetries, millis, checkpoint, spool,
                webhookSecret, landing);
    }

    public FollowUpExportRequest withWebhookSecret(String secret) {
        return new FollowUpExportRequest(trigger, limit, cursor, providerId, sink, filePath, webhookUrl, webhookToken,
                cursorStore, cursorStorePath, pageSize, settleSeconds, webhookRetries, retryBaseMillis, checkpoint, spool,
                secret, landing);
    }

    public FollowUpExportRequest withLanding(Sink landingSink, S3Target target) {
        return new FollowUpExportRequest(trigger, limit, cursor, providerId, landingSink, filePath, webhookUrl, webhookToken,
                cursorStore, cursorStorePath, pageSize, settleSeconds, webhookRetries, retryBaseMillis, checkpoint, spool,
                webhookSecret, target);
    }

    /** The webhook URL without its query: header CamelHttpUri of the post (the URL never goes into an endpoint URI). */
    public String webhookAddress() {
        int query = webhookUrl == null ? -1 : webhookUrl.indexOf('?');
        return query < 0 ? webhookUrl : webhookUrl.substring(0, query);
    }

    /** The webhook URL's query, or empty: header CamelHttpRawQuery of the post. */
    public String webhookQuery() {
        int query = webhookUrl == null ? -1 : webhookUrl.indexOf('?');
        return query < 0 ? "" : webhookUrl.substring(query + 1);
    }

    @Override
    public String toString() {
        return "FollowUpExportRequest[trigger=" + trigger + ", limit=" + limit + ", sink=" + sink + ", cursorStore="
                + cursorStore + "]";
    }
}
