package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.support.AtomicFiles;
import com.smplat.providerautomation.support.Timestamps;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The paging and cursor rules of route {@code followup-export} (exports.md 3.3, 3.5, 3.7): start position and settle
 * bound, the next page's query parameters, the read position, and the delivery-gated cursor. The route does the I/O;
 * the run's state is a {@link FollowUpRun} in exchange property {@link #RUN}. How a run ends is
 * {@link FollowUpExportResult}.
 */
@Component("followUpExport")
public class FollowUpExport {
    public static final String RUN = "followUpRun";
    public static final String PIPELINE = "guardrail-followups";
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpExport.class);
    private static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");

    private final FollowUpExportRepository source;
    private final ExportStateRepository state;

    public FollowUpExport(FollowUpExportRepository source, ExportStateRepository state) {
        this.source = source;
        this.state = state;
    }

    private CursorStore storeFor(FollowUpExportRequest request) {
        return switch (request.cursorStore()) {
            case none -> CursorStore.none();
            case file -> new CursorStore.FileStore(request.cursorStorePath());
            case db -> new CursorStore.DbStore(state, PIPELINE, request.providerId() == null ? "" : request.providerId());
        };
    }

    /** A new run of the request, started now; the route keeps it in exchange property {@link #RUN}. */
    public FollowUpRun begin(FollowUpExportRequest request) {
        return new FollowUpRun(request, storeFor(request), Timestamps.now());
    }

    /** Reads and checks the stored cursor, then fixes the start position and the settle bound. */
    public void openCursor(FollowUpRun run) {
        FollowUpExportRequest request = run.request;
        run.stage = ExportFailure.CONFIG;
        run.stored = run.store.read().orElse(null);
        if (run.stored != null && !Objects.equals(run.stored.providerId(), request.providerId())) {
            throw ExportFailure.config("the stored cursor belongs to provider scope "
                    + scope(run.stored.providerId()) + ", not " + scope(request.providerId()));
        }
        if (request.cursor() != null) {
            run.afterTs = request.cursor();
            run.afterId = CursorState.NIL_UUID;
        } else if (run.stored != null && run.stored.cursor() != null) {
            run.afterTs = run.stored.cursorInstant();
            run.afterId = run.stored.lastFollowUpId() == null ? CursorState.NIL_UUID : run.stored.lastFollowUpId();
        } else {
            run.afterTs = BEGINNING;
            run.afterId = CursorState.NIL_UUID;
        }
        run.upperBound = run.startedAt.minusSeconds(request.settleSeconds());
        run.stage = ExportFailure.SINK;
    }

    private static String scope(String providerId) {
        return providerId == null ? "all providers" : "'" + providerId + "'";
    }

    /**
     * The named parameters of the next page's query ({@code sql/followup-export-page.sql}); also fixes how many rows
     * the page may hold ({@link FollowUpRun#getWanted()}, written into the query), none once the limit is reached.
     */
    public Map<String, Object> pageParameters(FollowUpRun run) {
        run.stage = ExportFailure.SOURCE;
        run.wanted = Math.min(run.request.pageSize(), run.request.limit() - run.fetched);
        if (run.wanted <= 0) {
            // the route reads nothing then, and the empty list ends the loop
            run.more = false;
        }
        Map<String, Object> parameters = new HashMap<>();
        // typed as timestamptz and uuid, so the row comparison is an index range on (created_at, id)
        parameters.put("afterTs", OffsetDateTime.ofInstant(run.afterTs, ZoneOffset.UTC));
        parameters.put("afterId", UUID.fromString(run.afterId));
        parameters.put("upperBound", OffsetDateTime.ofInstant(run.upperBound, ZoneOffset.UTC));
        parameters.put("providerId", run.request.providerId());
        return parameters;
    }

    /**
     * The page the query read, held in the run: a short page ends the loop. The read position moves on here; the
     * cursor moves only when the page is delivered.
     */
    public void pageRead(FollowUpRun run, List<FollowUpRows.Row> rows) {
        run.page = read(run, rows);
    }

    /**
     * The webhook sink's read-ahead: the next page, read while the current one is in flight, waits in the run until
     * {@link #advance}; two pages in memory at most.
     */
    public void pageReadAhead(FollowUpRun run, List<FollowUpRows.Row> rows) {
        run.next = read(run, rows);
    }

    /** After the current page is confirmed: the page read ahead becomes current (none: the loop ends). */
    public void advance(FollowUpRun run) {
        run.page = run.next == null ? List.of() : run.next;
        run.next = null;
    }

    private static List<FollowUpRows.Row> read(FollowUpRun run, List<FollowUpRows.Row> page) {
        run.fetched += page.size();
        if (page.size() < run.wanted) {
            run.more = false;
        }
        if (!page.isEmpty()) {
            FollowUpRows.Row last = page.get(page.size() - 1);
            run.afterTs = Timestamps.parse(last.createdAt()).orElseThrow();
            run.afterId = last.followUpId();
        }
        run.stage = ExportFailure.SINK;
        return page;
    }

    /** The end of a webhook post, on the post's own thread: its failure, after the retries, waits for the confirmation. */
    public void postFinished(FollowUpRun run, Throwable failure, Integer attempts) {
        run.postFailure = failure;
        run.postAttempts = attempts;
    }

    /**
     * After the webhook post or the landing put: a confirmed page moves the cursor (checkpoint per page); a failure
     * left by the post's or put's retries ({@link ExportRetries#FAILURE}, after {@code attempts}) fails the run.
     */
    public void pageConfirmed(FollowUpRun run, Throwable failure, Integer attempts) {
        if (failure != null) {
            throw new ExportFailure(ExportFailure.SINK, run.request.sink() + " page failed after " + (attempts == null ? 1 : attempts)
                    + " attempt(s) (" + ExportRetries.describe(failure) + ")");
        }
        run.delivered += run.page.size();
        run.lastDelivered = run.page.get(run.page.size() - 1);
        writeCursor(run, run.delivered);
    }

    /** After a page went to stdout or into the file sink's partial file: confirmed with the whole run at its end. */
    public void pageWritten(FollowUpRun run) {
        run.pending += run.page.size();
        run.lastPending = run.page.get(run.page.size() - 1);
    }

    /** The webhook and s3 sinks confirm page by page; stdout and file confirm the whole run at its end. */
    private static boolean perPage(FollowUpExportRequest request) {
        return request.sink() == FollowUpExportRequest.Sink.webhook || request.sink() == FollowUpExportRequest.Sink.s3;
    }

    /**
     * The end of delivery, after the route flushed stdout or appended the file's last page: the file renamed into
     * place (nothing half-written ever has the final name), then the run's cursor write.
     */
    public void finishDelivery(FollowUpRun run) {
        FollowUpExportRequest request = run.request;
        run.stage = ExportFailure.SINK;
        if (request.sink() == FollowUpExportRequest.Sink.file) {
            try {
                AtomicFiles.commit(AtomicFiles.partialOf(request.filePath()), request.filePath());
            } catch (IOException e) {
                throw new ExportFailure(ExportFailure.SINK, "writing the file sink failed (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (!perPage(request)) {
            run.delivered = run.pending;
            run.lastDelivered = run.lastPending;
        }
        if (!perPage(request) || run.delivered == 0) {
            writeCursor(run, run.delivered);
        }
        if (run.fetched >= request.limit() && source.anyAfter(run.afterTs, run.afterId, run.upperBound, request.providerId())) {
            LOG.warn("Guardrail follow-up export: rows beyond the limit of {} remain (backlog)", request.limit());
        }
        if (request.cursorStore() == FollowUpExportRequest.CursorStoreKind.none && run.lastDelivered != null) {
            LOG.info("Guardrail follow-up export final position: cursor {} lastFollowUpId {}",
                    run.lastDelivered.createdAt(), run.lastDelivered.followUpId());
        }
    }

    private void writeCursor(FollowUpRun run, long rows) {
        CursorState next = run.lastDelivered == null
                ? new CursorState(run.stored == null ? null : run.stored.cursor(),
                        run.stored == null ? null : run.stored.lastFollowUpId(), run.request.providerId(), rows,
                        Timestamps.canonical(Timestamps.now()))
                : new CursorState(run.lastDelivered.createdAt(), run.lastDelivered.followUpId(), run.request.providerId(),
                        rows, Timestamps.canonical(Timestamps.now()));
        run.stage = ExportFailure.CURSOR_WRITE;
        try {
            run.store.write(next);
        } catch (IOException | RuntimeException e) {
            throw new ExportFailure(ExportFailure.CURSOR_WRITE, "writing the cursor failed (" + e.getClass().getSimpleName() + ")");
        }
        run.stage = ExportFailure.SINK;
        if (run.request.cursorStore() != FollowUpExportRequest.CursorStoreKind.none) {
            run.cursorWritten = true;
            run.written = next;
        }
    }
}
