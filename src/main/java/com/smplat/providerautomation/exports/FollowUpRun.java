package com.smplat.providerautomation.exports;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * The state of one follow-up export run, kept in exchange property {@link FollowUpExport#RUN} (one page in memory).
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
    OutputStream fileOut;
    OutputStream spoolOut;

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
}
