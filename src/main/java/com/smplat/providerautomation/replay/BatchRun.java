package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.AdvisoryLocks;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** One scheduled batch in progress: its limit, its claims and its counters (shared by the worker threads). */
public final class BatchRun {
    final UUID id = UUID.randomUUID();
    final int limit;
    final int concurrency;
    final Instant startedAt;
    final String claimedBy;
    final AdvisoryLocks.Lease lease;
    final AtomicInteger processed = new AtomicInteger();
    final AtomicInteger succeeded = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    /** Providers read once per batch: a batch calls few providers many times. */
    final java.util.concurrent.ConcurrentMap<String, java.util.Optional<Provider>> providers =
            new java.util.concurrent.ConcurrentHashMap<>();
    ClaimQueue claims;

    BatchRun(int limit, int concurrency, Instant startedAt, String worker, AdvisoryLocks.Lease lease) {
        this.limit = limit;
        this.concurrency = concurrency;
        this.startedAt = startedAt;
        this.claimedBy = worker + "/" + id;
        this.lease = lease;
    }

    /** One token per worker: the batch route runs one worker loop per token on the replay worker pool. */
    public List<Integer> getWorkers() {
        return java.util.stream.IntStream.rangeClosed(1, concurrency).boxed().toList();
    }

    /**
     * One provider order's claimed entries, run in order by one worker. It keeps the row as this batch last wrote it
     * and that row version, so the worker can record outcomes without reading the row again (optimistic write).
     */
    public static final class ClaimedJob {
        private final List<ClaimedEntry> entries;
        ProviderOrder order;
        /** The row version ({@code xmin}) of {@link #order}; null when not known, then writes lock and re-read. */
        String version;

        final String claimedBy;

        ClaimedJob(ProviderOrder order, String version, String claimedBy, List<ObjectNode> claimedEntries) {
            this.order = order;
            this.claimedBy = claimedBy;
            this.version = version;
            this.entries = claimedEntries.stream().map(entry -> new ClaimedEntry(this, entry)).toList();
        }

        public List<ClaimedEntry> getEntries() {
            return entries;
        }

        UUID providerOrderId() {
            return order.id();
        }
    }

    /** A claimed schedule entry as it was when claimed. */
    public record ClaimedEntry(ClaimedJob job, ObjectNode entry) {
        ProviderOrder order() {
            return job.order;
        }

        UUID providerOrderId() {
            return job.providerOrderId();
        }

        String entryId() {
            return entry.get("id").asText();
        }
    }
}
