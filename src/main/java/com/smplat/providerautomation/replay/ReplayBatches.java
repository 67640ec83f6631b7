package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.config.ReplaySettings;
import com.smplat.providerautomation.history.RunHistoryRepository;
import com.smplat.providerautomation.history.RunRecord;
import com.smplat.providerautomation.history.RunStatusView;
import com.smplat.providerautomation.history.RunType;
import com.smplat.providerautomation.support.AdvisoryLocks;
import com.smplat.providerautomation.support.OperatorErrors;
import com.smplat.providerautomation.support.ServiceException;
import com.smplat.providerautomation.support.Timestamps;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scheduled replay batch (replay-and-history.md 5, README "Resolutions" 3 and 4). The {@code replay-batch}
 * route calls {@link #begin}, splits {@link BatchRun#getJobs()} over the worker pool (each job one provider order,
 * its entries in order through {@link #prepareEntry}, the provider call and {@link #recordEntry}), then calls
 * {@link #finish}, or {@link #abort} when something unexpected broke the batch.
 */
@Component("replayBatches")
public class ReplayBatches {
    public static final String RUN = "replayBatchRun";
    public static final String SKIPPED = "replayBatchSkipped";
    public static final String EXECUTES = "replayExecutes";
    /** Set on a worker's exchange when no claimed job is left for it. */
    static final String WORKER_DONE = "replayWorkerDone";
    /** The entry being executed; the provider call replaces the message body. */
    static final String ENTRY = "replayClaimedEntry";
    static final String PIPELINE_LOCK = "provider-automation:replay-batch";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayBatches.class);
    private static final int CLAIM_CHUNK = 50;
    private static final String WORKER = ManagementFactory.getRuntimeMXBean().getName();

    /** Who started the batch; {@code unlocked} runs without the pipeline lock (concurrency tests only). */
    public enum Trigger { schedule, manual, command, unlocked }

    private final ReplaySettings settings;
    private final ReplayBatchRepository batches;
    private final ProviderOrderRepository orders;
    private final TimelineRepository timeline;
    private final RunHistoryRepository history;
    private final IdempotencyKeys idempotencyKeys;
    private final AdvisoryLocks locks;
    private final CamelContext camelContext;
    private ExecutorService claimThreads;
    /** Untaken claims a batch could not give back (the database was away); the next batch gives them back first. */
    private final java.util.Queue<List<BatchRun.ClaimedJob>> pendingReleases = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public ReplayBatches(ReplaySettings settings, ReplayBatchRepository batches, ProviderOrderRepository orders,
                         TimelineRepository timeline, RunHistoryRepository history, IdempotencyKeys idempotencyKeys,
                         AdvisoryLocks locks, CamelContext camelContext) {
        this.settings = settings;
        this.batches = batches;
        this.orders = orders;
        this.timeline = timeline;
        this.history = history;
        this.idempotencyKeys = idempotencyKeys;
        this.locks = locks;
        this.camelContext = camelContext;
    }

    /** The effective limit: a non-zero supplied limit, else the configured default. */
    static int effectiveLimit(Integer supplied, int configured) {
        return supplied != null && supplied != 0 ? supplied : configured;
    }

    public static Map<String, Object> skipped(String reason) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("processed", 0);
        result.put("succeeded", 0);
        result.put("failed", 0);
        result.put("skipped", true);
        result.put("reason", reason);
        return result;
    }

    public void begin(Exchange exchange, @Header("replayTrigger") String triggerName, @Header("limit") Integer limit) {
        Trigger trigger = triggerName == null ? Trigger.manual : Trigger.valueOf(triggerName);
        if (trigger == Trigger.schedule && !settings.enabled()) {
            skip(exchange, "disabled");
            return;
        }
        AdvisoryLocks.Lease lease = null;
        if (trigger != Trigger.unlocked) {
            Optional<AdvisoryLocks.Lease> acquired = locks.tryAcquire(PIPELINE_LOCK);
            if (acquired.isEmpty()) {
                switch (trigger) {
                    case schedule -> {
                        LOG.info("Scheduled replay batch skipped: another batch is running");
                        skip(exchange, "already-running");
                        return;
                    }
                    case manual -> throw new ServiceException(ServiceException.Kind.CONFLICT, "Replay batch already running");
                    default -> throw new IllegalStateException("a replay batch is already running");
                }
            }
            lease = acquired.get();
        }
        Instant now = Timestamps.now();
        BatchRun run = new BatchRun(effectiveLimit(limit, settings.limit()), settings.concurrency(), now, WORKER, lease);
        exchange.setProperty(RUN, run);
        exchange.setProperty(SKIPPED, false);
        try {
            releasePending();
            recoverInterrupted(now);
            idempotencyKeys.purgeExpired();
            List<ScheduledEntries.Due> due = run.limit < 0 ? List.of()
                    : ScheduledEntries.dueOldestFirst(batches.openSchedules(), now);
            Map<UUID, List<String>> plan = new LinkedHashMap<>();
            due.subList(0, Math.min(due.size(), Math.max(run.limit, 0))).forEach(d ->
                    plan.computeIfAbsent(d.providerOrderId(), id -> new ArrayList<>()).add(d.entryId()));
            Instant staleBefore = now.minus(Duration.ofSeconds(settings.claimTimeoutSeconds()));
            run.claims = new ClaimQueue(plan, CLAIM_CHUNK, chunk -> claim(run, chunk, now, staleBefore));
            run.claims.start(claimThreads());
        } catch (RuntimeException e) {
            release(run);
            throw e;
        }
        exchange.getMessage().setBody(run);
    }

    private List<BatchRun.ClaimedJob> claim(BatchRun run, Map<UUID, List<String>> chunk, Instant now, Instant staleBefore) {
        List<BatchRun.ClaimedJob> jobs = batches.claim(chunk, run.claimedBy, now, staleBefore);
        jobs.forEach(job -> run.processed.addAndGet(job.getEntries().size()));
        return jobs;
    }

    private synchronized ExecutorService claimThreads() {
        if (claimThreads == null) {
            claimThreads = camelContext.getExecutorServiceManager().newCachedThreadPool(this, "ReplayClaims");
        }
        return claimThreads;
    }

    /**
     * A worker loop's step: puts the next claimed job into the body, waiting for its claim if need be; once the batch
     * has handed out every job it sets {@link #WORKER_DONE} instead.
     */
    public void takeJob(Exchange exchange) {
        BatchRun run = exchange.getProperty(RUN, BatchRun.class);
        Optional<BatchRun.ClaimedJob> job = run.claims.take();
        job.ifPresentOrElse(exchange.getMessage()::setBody, () -> exchange.setProperty(WORKER_DONE, true));
    }

    private static void skip(Exchange exchange, String reason) {
        exchange.setProperty(SKIPPED, true);
        exchange.getMessage().setBody(skipped(reason));
    }

    /** Claims that outlived the claim timeout: the worker died mid-call. Never re-sent; failed as interrupted. */
    private void recoverInterrupted(Instant now) {
        Instant staleBefore = now.minus(Duration.ofSeconds(settings.claimTimeoutSeconds()));
        for (UUID providerOrderId : batches.withStaleClaims(staleBefore)) {
            List<ObjectNode> recovered = orders.mutate(providerOrderId, order -> {
                List<ObjectNode> replays = new ArrayList<>();
                for (JsonNode entry : order.payload().path("scheduledReplays")) {
                    if (ReplayBatchRepository.isClaim(entry) && ReplayBatchRepository.claimedAt(entry).isBefore(staleBefore)) {
                        replays.add(fail(order, (ObjectNode) entry, "interrupted", Timestamps.now()));
                    }
                }
                return replays;
            });
            orders.find(providerOrderId).ifPresent(order -> recovered.forEach(replay ->
                    recordTimeline(order, replay, replay.path("scheduleId").asText(), "interrupted")));
            LOG.warn("Resolved {} interrupted replay claim(s) on provider order {} as failed", recovered.size(), providerOrderId);
        }
    }

    /** Before the call: validation, provider and endpoint; any problem is this entry's failure, without a call. */
    public void prepareEntry(Exchange exchange) {
        BatchRun.ClaimedEntry claimed = exchange.getMessage().getBody(BatchRun.ClaimedEntry.class);
        exchange.setProperty(ENTRY, claimed);
        exchange.setProperty(EXECUTES, false);
        exchange.removeProperty(ProviderCalls.OUTCOME);
        Optional<String> invalid = ScheduledEntries.invalidity(claimed.entry());
        if (invalid.isPresent()) {
            exchange.setProperty(ProviderCalls.OUTCOME, ProviderCallOutcome.failure(invalid.get()));
            return;
        }
        try {
            ProviderOrder order = claimed.order();
            BatchRun run = exchange.getProperty(RUN, BatchRun.class);
            Provider provider = run.providers.computeIfAbsent(order.providerId(), orders::provider)
                    .orElseThrow(() -> ServiceException.rejected("Provider not found"));
            ProviderEndpoint endpoint = ProviderEndpoint.lookup(provider.metadata(), EndpointKind.ORDER);
            BigDecimal amount = Amounts.resolve(ScheduledEntries.requestedAmount(claimed.entry()).orElse(null), order);
            exchange.setProperty(ProviderCalls.REQUEST, ProviderRequest.render(endpoint,
                    TemplateVariables.forReplay(provider, order, amount)));
            exchange.setProperty(EXECUTES, true);
        } catch (ServiceException e) {
            exchange.setProperty(ProviderCalls.OUTCOME, ProviderCallOutcome.failure(e.getMessage()));
        } catch (RuntimeException e) {
            if (OperatorErrors.databaseAway(e)) {
                throw e;
            }
            exchange.setProperty(ProviderCalls.OUTCOME, ProviderCallOutcome.failure(OperatorErrors.logged(LOG,
                    "Schedule entry " + claimed.entryId() + " on provider order " + claimed.providerOrderId() + " failed", e)));
        }
    }

    /**
     * Something unexpected broke one entry after its preparation (its outcome could not be written: a provider answer
     * PostgreSQL cannot store, say). The entry fails alone: it is recorded as failed with a category and a reference
     * (the detail goes to the log), from a fresh read of its row, and the batch goes on. When even that cannot be
     * written, the claim stays and the claim timeout resolves it. When the database itself is away, the batch stops
     * instead (aborted as before): going on would only make calls whose outcomes cannot be recorded.
     */
    public void entryBroke(Exchange exchange) throws Exception {
        BatchRun.ClaimedEntry claimed = exchange.getProperty(ENTRY, BatchRun.ClaimedEntry.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (OperatorErrors.databaseAway(cause)) {
            throw cause;
        }
        String error = OperatorErrors.logged(LOG, "Schedule entry " + claimed.entryId() + " on provider order "
                + claimed.providerOrderId() + " broke", cause);
        ProviderCallOutcome outcome = exchange.getProperty(ProviderCalls.OUTCOME, ProviderCallOutcome.class);
        exchange.setProperty(ProviderCalls.OUTCOME, ProviderCallOutcome.failure(outcome != null && outcome.succeeded()
                ? "Provider called, but its answer was not recorded: " + error : error));
        // the in-memory row may hold the change that failed: read it again
        claimed.job().version = null;
        try {
            recordEntry(exchange);
        } catch (RuntimeException e) {
            exchange.getProperty(RUN, BatchRun.class).failed.incrementAndGet();
            OperatorErrors.logged(LOG, "The failure of schedule entry " + claimed.entryId() + " was not recorded either", e);
        }
    }

    /** After the call (or instead of it): records the outcome on the entry and in replays, committed at once. */
    public void recordEntry(Exchange exchange) {
        BatchRun run = exchange.getProperty(RUN, BatchRun.class);
        BatchRun.ClaimedEntry claimed = exchange.getProperty(ENTRY, BatchRun.ClaimedEntry.class);
        ProviderCallOutcome outcome = exchange.getProperty(ProviderCalls.OUTCOME, ProviderCallOutcome.class);
        Instant now = Timestamps.now();
        Function<ProviderOrder, ObjectNode> record = order -> ScheduledEntries.find(order.payload(), claimed.entryId())
                .filter(e -> ReplayBatchRepository.isClaim(e) && run.claimedBy.equals(e.path("claimedBy").asText()))
                .map(entry -> outcome.succeeded() ? succeed(order, entry, outcome.response(), now)
                        : fail(order, entry, outcome.error(), now))
                .orElse(null);
        BatchRun.ClaimedJob job = claimed.job();
        ObjectNode replay = null;
        Optional<String> written = Optional.empty();
        if (job.version != null) {
            // the row as this batch last wrote it: no read, and no lock unless someone else wrote the row meanwhile
            replay = record.apply(job.order);
            written = replay == null ? Optional.empty() : orders.writeIfUnchanged(job.order, job.version);
        }
        job.version = written.orElse(null);
        if (written.isEmpty()) {
            replay = orders.mutate(claimed.providerOrderId(), order -> {
                job.order = order;
                return record.apply(order);
            });
        }
        if (replay == null) {
            LOG.warn("Schedule entry {} on provider order {} lost its claim before its outcome was recorded",
                    claimed.entryId(), claimed.providerOrderId());
            return;
        }
        (outcome.succeeded() ? run.succeeded : run.failed).incrementAndGet();
        recordTimeline(job.order, replay, claimed.entryId(), outcome.succeeded() ? null : outcome.error());
    }

    private static ObjectNode succeed(ProviderOrder order, ObjectNode schedule, ObjectNode response, Instant now) {
        BigDecimal amount = Amounts.resolve(ScheduledEntries.requestedAmount(schedule).orElse(null), order);
        RuleContext rules = RuleContext.of(order.payload());
        ObjectNode replay = ReplayEntries.replay(amount, order.currency(), now, "executed", response, rules);
        ReplayEntries.append(order.payload(), "replays", replay);
        order.payload().set("providerResponse", response);
        close(schedule, "executed", now, replay.deepCopy(), rules);
        return replay;
    }

    private static ObjectNode fail(ProviderOrder order, ObjectNode schedule, String error, Instant now) {
        RuleContext rules = RuleContext.of(order.payload());
        ObjectNode errorResponse = ProviderCallOutcome.failure(error).errorResponse();
        ObjectNode replay = ReplayEntries.replay(ScheduledEntries.requestedAmount(schedule).map(Amounts::decimal).orElse(null),
                order.currency(), now, "failed", errorResponse, rules);
        ReplayEntries.append(order.payload(), "replays", replay);
        close(schedule, "failed", now, errorResponse.deepCopy(), rules);
        ObjectNode result = replay.deepCopy();
        result.put("scheduleId", schedule.path("id").asText());
        return result;
    }

    /** The schedule entry's end state; {@code ruleMetadata} is back-filled when it has none. */
    private static void close(ObjectNode schedule, String status, Instant now, ObjectNode response, RuleContext rules) {
        schedule.put("status", status);
        schedule.put("performedAt", Timestamps.canonical(now));
        schedule.set("response", response);
        schedule.remove(ReplayBatchRepository.CLAIM_KEYS);
        if (!(schedule.get("ruleMetadata") instanceof ObjectNode metadata && !metadata.isEmpty()) && !rules.ruleMetadata().isEmpty()) {
            schedule.set("ruleMetadata", rules.ruleMetadata().deepCopy());
        }
    }

    private void recordTimeline(ProviderOrder order, ObjectNode replay, String scheduleId, String error) {
        ObjectNode entry = replay.deepCopy();
        entry.remove("scheduleId");
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        extras.put("scheduleId", JsonNodeFactory.instance.textNode(scheduleId));
        extras.put("trigger", JsonNodeFactory.instance.textNode("scheduled_replay"));
        if (error != null) {
            extras.put("error", JsonNodeFactory.instance.textNode(error));
        }
        timeline.record(new TimelineRepository.Event(order.orderId(), "replay_executed", "automation", order.id().toString(),
                null, error == null ? "Scheduled automation replay executed" : "Scheduled replay attempt failed",
                TimelineMetadata.of(order, entry, extras)));
    }

    /** Backlog, summary and the run record, written with one timestamp; the body becomes this run's status. */
    public void finish(Exchange exchange) {
        BatchRun run = exchange.getProperty(RUN, BatchRun.class);
        try {
            releaseUntaken(run);
            Map<String, Object> summary = counts(run);
            ScheduledEntries.Backlog backlog = null;
            if (run.limit >= 0) {
                backlog = ScheduledEntries.backlog(batches.openSchedules());
                summary.put("scheduledBacklog", backlog.pending());
                if (backlog.nextScheduledAt() != null) {
                    summary.put("nextScheduledAt", Timestamps.canonical(backlog.nextScheduledAt()));
                }
                summary.put("concurrency", run.concurrency);
            }
            exchange.getMessage().setBody(record(run, "success", summary, backlog));
            LOG.info("Replay batch {} finished: processed {}, succeeded {}, failed {} in {} ms", run.id, run.processed.get(),
                    run.succeeded.get(), run.failed.get(), Duration.between(run.startedAt, Timestamps.now()).toMillis());
        } finally {
            release(run);
        }
    }

    /** The batch broke (the database went away): recorded as failed with the counts reached, then surfaced. */
    public void abort(Exchange exchange) {
        BatchRun run = exchange.getProperty(RUN, BatchRun.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // the stored summary is shown by /status, /status/history and the console: a category and a reference only
        String message = OperatorErrors.logged(LOG, "Replay batch " + run.id + " aborted", error);
        try {
            releaseUntaken(run);
            Map<String, Object> summary = counts(run);
            summary.put("error", message);
            record(run, "failed", summary, null);
        } catch (RuntimeException e) {
            OperatorErrors.logged(LOG, "The aborted replay batch " + run.id + " could not be recorded", e);
        } finally {
            release(run);
        }
        throw new IllegalStateException("Replay batch aborted: " + message);
    }

    private static Map<String, Object> counts(BatchRun run) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("processed", run.processed.get());
        summary.put("succeeded", run.succeeded.get());
        summary.put("failed", run.failed.get());
        return summary;
    }

    private ObjectNode record(BatchRun run, String status, Map<String, Object> summary, ScheduledEntries.Backlog backlog) {
        RunRecord record = new RunRecord(UUID.randomUUID(), RunType.REPLAY, status,
                com.smplat.providerautomation.support.Json.MAPPER.valueToTree(summary), null,
                backlog == null ? null : backlog.pending(), backlog == null ? null : backlog.nextScheduledAt(), null,
                Timestamps.now());
        history.insert(record);
        return RunStatusView.of(record);
    }

    /** Stops claiming; claims never handed to a worker go back to {@code scheduled} and leave the counts. */
    private void releaseUntaken(BatchRun run) {
        if (run.claims == null) {
            return;
        }
        ClaimQueue claims = run.claims;
        run.claims = null;
        List<BatchRun.ClaimedJob> untaken = claims.close();
        if (untaken.isEmpty()) {
            return;
        }
        untaken.forEach(job -> run.processed.addAndGet(-job.getEntries().size()));
        try {
            LOG.info("Released {} claimed replay entries this batch did not start", batches.release(untaken));
        } catch (RuntimeException e) {
            pendingReleases.add(untaken);
            LOG.warn("Claims this batch did not start are given back by the next batch: {}", e.getMessage());
        }
    }

    /** Gives back claims an earlier batch of this instance could not (each entry carries its claimant). */
    private void releasePending() {
        List<BatchRun.ClaimedJob> untaken;
        while ((untaken = pendingReleases.peek()) != null) {
            LOG.info("Released {} claimed replay entries an earlier batch did not start", batches.release(untaken));
            pendingReleases.remove();
        }
    }

    private void release(BatchRun run) {
        releaseUntaken(run);
        if (run.lease != null) {
            run.lease.close();
        }
    }
}
