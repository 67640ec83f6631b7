package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.support.AtomicFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The state of one follow-up export run, kept in exchange property {@link FollowUpExport#RUN}: one page in memory, two
 * while the webhook sink reads ahead.
 * Public getters are read by the route's simple expressions.
 */
public final class FollowUpRun {
    final FollowUpExportRequest request;
    final CursorStore store;
    final Instant startedAt;
    String stage = ExportFailure.CONFIG;
    CursorState stored;
    Instant afterTs;
    String afterId;
    Instant upperBound;
    List<FollowUpRows.Row> page = List.of();
    /** The webhook sink's page read ahead while {@link #page} is in flight. */
    List<FollowUpRows.Row> next;
    /** The webhook post's failure after its retries (null: confirmed), and its attempts. */
    Throwable postFailure;
    Integer postAttempts;
    /** The bytes the sink received for {@link #page}, for the metrics. */
    long pageBytes;
    long fetched;
    long wanted;
    boolean more = true;
    long delivered;
    long pending;
    FollowUpRows.Row lastDelivered;
    FollowUpRows.Row lastPending;
    boolean cursorWritten;
    CursorState written;

    FollowUpRun(FollowUpExportRequest request, CursorStore store, Instant startedAt) {
        this.request = request;
        this.store = store;
        this.startedAt = startedAt;
    }

    public boolean isCheckpointConfigured() {
        return request.checkpoint() != null && request.cursorStore() != FollowUpExportRequest.CursorStoreKind.none;
    }

    public boolean isUploadCheckpoint() {
        return isCheckpointConfigured() && cursorWritten;
    }

    public boolean isMore() {
        return more;
    }

    public Throwable getPostFailure() {
        return postFailure;
    }

    public Integer getPostAttempts() {
        return postAttempts;
    }

    /** How many rows the next page may hold: the page size, less near the run's limit; 0 ends the loop. */
    public long getWanted() {
        return wanted;
    }

    /**
     * The page query's provider condition (sql/followup-export-page.sql), one of two fixed texts: all providers is a
     * one-time filter that keeps the plan on the (created_at, id) index. Never holds the provider id itself.
     */
    public String getProviderScope() {
        return request.providerId() == null ? "CAST(:#providerId AS text) IS NULL" : "provider_id = CAST(:#providerId AS text)";
    }

    public boolean isPageEmpty() {
        return page.isEmpty();
    }

    public int getPageRows() {
        return page.size();
    }

    public long getPageBytes() {
        return pageBytes;
    }

    public String getSink() {
        return request.sink().name();
    }

    public long getDelivered() {
        return delivered;
    }

    public CursorState getWritten() {
        return written;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    /** The first wait of the S3 transfers' retries. */
    public long getRetryBaseMillis() {
        return request.retryBaseMillis();
    }

    public FollowUpExportRequest getRequest() {
        return request;
    }

    /** The rows of the current page. */
    public List<FollowUpRows.Row> getPage() {
        return page;
    }

    /** The current page's Idempotency-Key (exports.md 3.6); also the name of its landing object. */
    public String getPageKey() {
        return FollowUpRows.idempotencyKey(page);
    }

    /** The UTC date of the current page's first createdAt, for the landing object's key. */
    public String getPageDate() {
        return page.isEmpty() ? null : page.get(0).createdAt().substring(0, 10);
    }

    /** The landing target's key prefix without trailing slashes. */
    public String getLandingPrefix() {
        return request.landing() == null ? null : request.landing().key().replaceAll("/+$", "");
    }

    /** The file sink's folder; the pages go to {@link #getFilePartialName()} there until the run's end. */
    public String getFileFolder() {
        return folderOf(request.filePath());
    }

    public String getFilePartialName() {
        return partialNameOf(request.filePath());
    }

    /** Whether a managed run spools its delivered rows for the artifact upload. */
    public boolean isSpooled() {
        return request.spool() != null;
    }

    public String getSpoolFolder() {
        return folderOf(request.spool());
    }

    public String getSpoolPartialName() {
        return partialNameOf(request.spool());
    }

    private static String folderOf(Path file) {
        return file == null ? null : file.toAbsolutePath().getParent().toString();
    }

    private static String partialNameOf(Path file) {
        return file == null ? null : AtomicFiles.partialOf(file).getFileName().toString();
    }
}
