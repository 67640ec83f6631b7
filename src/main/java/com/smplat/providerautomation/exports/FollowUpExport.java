package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.support.AtomicFiles;
import com.smplat.providerautomation.support.Timestamps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Java side of the GF export route ({@code routes/export-followups-routes.yaml}, exports.md 3.3 to 3.9): start
 * position and settle bound, keyset pages, sink writes, the delivery-gated cursor, and the checkpoint glue. The route
 * does the I/O with the webhook and S3; this bean keeps the run's state in exchange property {@link #RUN}.
 */
@Component("followUpExport")
public class FollowUpExport {
    public static final String RUN = "followUpRun";
    public static final String PIPELINE = "guardrail-followups";
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpExport.class);
    private static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");

    private final FollowUpExportRepository source;
    private final ExportStateRepository state;
    /** stdout of the process; replaceable in tests. */
    private volatile PrintStream stdout = System.out;

    public FollowUpExport(FollowUpExportRepository source, ExportStateRepository state) {
        this.source = source;
        this.state = state;
    }

    void redirectStdout(PrintStream out) {
        this.stdout = out;
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

    static FollowUpRun run(Exchange exchange) {
        return exchange.getProperty(RUN, FollowUpRun.class);
    }

    // ---- cursor and pages (3.3, 3.5, 3.7)

    /** Reads and checks the stored cursor, then fixes the start position and the settle bound. */
    public void openCursor(FollowUpRun run) throws IOException {
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
        if (request.sink() == FollowUpExportRequest.Sink.file) {
            run.fileOut = new java.io.BufferedOutputStream(AtomicFiles.openPartial(request.filePath()), 1 << 16);
        }
        if (request.spool() != null) {
            run.spoolOut = new java.io.BufferedOutputStream(AtomicFiles.openPartial(request.spool()), 1 << 16);
        }
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
            run.page = List.of();
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
    public void pageRead(FollowUpRun run, List<Map<String, Object>> rows) {
        run.page = FollowUpRows.rows(rows);
        run.fetched += run.page.size();
        if (run.page.size() < run.wanted) {
            run.more = false;
        }
        if (!run.page.isEmpty()) {
            FollowUpRows.Row last = run.page.get(run.page.size() - 1);
            run.afterTs = Timestamps.parse(last.createdAt()).orElseThrow();
            run.afterId = last.followUpId();
        }
        run.stage = ExportFailure.SINK;
    }

    /** One webhook request for the page: body, Idempotency-Key, and the target in headers (never the endpoint URI). */
    public void prepareWebhookPage(Exchange exchange) {
        FollowUpRun run = run(exchange);
        FollowUpExportRequest request = run.request;
        run.stage = ExportFailure.SINK;
        Message message = exchange.getMessage();
        com.smplat.providerautomation.support.HttpTargets.address(message, request.webhookUrl(), "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        String key = FollowUpRows.idempotencyKey(run.page);
        message.setHeader("Idempotency-Key", key);
        if (request.webhookToken() != null) {
            message.setHeader("Authorization", "Bearer " + request.webhookToken());
        }
        // the signature, the retries and their first wait are parameters of the post's template instance (YAML)
        byte[] body = FollowUpRows.webhookBody(run.page);
        run.pageBytes = body.length;
        message.setBody(body);
    }

    /**
     * One landing object for the page (the {@code s3} sink, issue 12): its rows as the file sink writes them, the page's
     * Idempotency-Key and the UTC date of its first createdAt, from which the route builds the object key.
     */
    public void prepareLandingPage(Exchange exchange) {
        FollowUpRun run = run(exchange);
        run.stage = ExportFailure.SINK;
        S3Target landing = run.request.landing();
        S3Transfers.preparePut(exchange, landing, FollowUpRows.ndjson(run.page), "application/x-ndjson");
        exchange.getMessage().setHeader("Idempotency-Key", FollowUpRows.idempotencyKey(run.page));
        exchange.setProperty("landingPrefix", landing.key().replaceAll("/+$", ""));
        exchange.setProperty("landingDate", run.page.get(0).createdAt().substring(0, 10));
    }

    /**
     * After the webhook post or the landing put: a confirmed page moves the cursor (checkpoint per page); a failure
     * left by the post's or put's retries ({@link ExportRetries#FAILURE}, after {@code attempts}) fails the run.
     */
    public void pageDone(FollowUpRun run, Throwable failure, Integer attempts) throws IOException {
        if (failure != null) {
            throw new ExportFailure(ExportFailure.SINK, run.request.sink() + " page failed after " + (attempts == null ? 1 : attempts)
                    + " attempt(s) (" + ExportRetries.describe(failure) + ")");
        }
        spool(run, run.page);
        run.delivered += run.page.size();
        run.lastDelivered = run.page.get(run.page.size() - 1);
        writeCursor(run, run.delivered);
    }

    /** The webhook and s3 sinks confirm page by page; stdout and file confirm the whole run at its end. */
    private static boolean perPage(FollowUpExportRequest request) {
        return request.sink() == FollowUpExportRequest.Sink.webhook || request.sink() == FollowUpExportRequest.Sink.s3;
    }

    public void writeStdoutPage(FollowUpRun run) {
        byte[] lines = FollowUpRows.ndjson(run.page);
        run.pageBytes = lines.length;
        stdout.write(lines, 0, lines.length);
        pend(run);
    }

    public void writeFilePage(FollowUpRun run) throws IOException {
        byte[] lines = FollowUpRows.ndjson(run.page);
        run.pageBytes = lines.length;
        run.fileOut.write(lines);
        pend(run);
    }

    private void pend(FollowUpRun run) {
        run.pending += run.page.size();
        run.lastPending = run.page.get(run.page.size() - 1);
        try {
            spool(run, run.page);
        } catch (IOException e) {
            throw new ExportFailure(ExportFailure.SINK, "spooling rows failed");
        }
    }

    private static void spool(FollowUpRun run, List<FollowUpRows.Row> rows) throws IOException {
        if (run.spoolOut != null) {
            run.spoolOut.write(FollowUpRows.ndjson(rows));
        }
    }

    /** The end of delivery: stdout flushed or the file renamed, then the run's cursor write. */
    public void finishDelivery(FollowUpRun run) throws IOException {
        FollowUpExportRequest request = run.request;
        run.stage = ExportFailure.SINK;
        if (request.sink() == FollowUpExportRequest.Sink.stdout) {
            stdout.flush();
            if (stdout.checkError()) {
                throw new ExportFailure(ExportFailure.SINK, "writing to stdout failed");
            }
        } else if (request.sink() == FollowUpExportRequest.Sink.file) {
            try {
                run.fileOut.close();
                run.fileOut = null;
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

    private void writeCursor(FollowUpRun run, long rows) throws IOException {
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

    public ExportOutcome succeeded(FollowUpRun run) throws IOException {
        closeSpool(run, true);
        long millis = Math.max(1, java.time.Duration.between(run.startedAt, Timestamps.now()).toMillis());
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
        if (run.fileOut != null) {
            try {
                run.fileOut.close();
            } catch (IOException ignored) {
                // removed next
            }
            AtomicFiles.discard(run.request.filePath());
        }
        try {
            closeSpool(run, false);
        } catch (IOException ignored) {
            // the spool is only for the artifact
        }
        LOG.warn("Guardrail follow-up export failed ({}): {}; {} row(s) delivered", category, detail, run.delivered);
        return outcome(run, false, category, detail);
    }

    private static void closeSpool(FollowUpRun run, boolean keep) throws IOException {
        if (run.spoolOut == null) {
            return;
        }
        run.spoolOut.close();
        run.spoolOut = null;
        if (keep) {
            AtomicFiles.commit(AtomicFiles.partialOf(run.request.spool()), run.request.spool());
        } else {
            AtomicFiles.discard(run.request.spool());
        }
    }

    private static ExportOutcome outcome(FollowUpRun run, boolean succeeded, String category, String detail) {
        Optional<CursorState> now = Optional.ofNullable(run.written).or(() -> Optional.ofNullable(run.stored));
        return new ExportOutcome(succeeded, category, detail, run.delivered,
                run.lastDelivered != null ? run.lastDelivered.createdAt() : now.map(CursorState::cursor).orElse(null),
                run.lastDelivered != null ? run.lastDelivered.followUpId() : now.map(CursorState::lastFollowUpId).orElse(null),
                run.written);
    }

    /** For the spool upload. */
    public static Path spoolOf(FollowUpRun run) {
        return run.request.spool();
    }

    static ByteArrayInputStream stream(byte[] content) {
        return new ByteArrayInputStream(content);
    }
}
