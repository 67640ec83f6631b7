package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled batch's reads and claims. A claim marks entries {@code in_progress} (with {@code claimedAt},
 * {@code claimedBy} and {@code startedAt: null}) and commits before any provider call, under
 * {@code FOR UPDATE SKIP LOCKED}: two batches, on one instance or several, never claim the same entry, and a crash
 * leaves a visible claim instead of a silent re-send. Just before its call an entry gets its {@code startedAt}, so a
 * claim its worker never started can be given back safely once the worker is gone.
 */
@Repository
public class ReplayBatchRepository {
    /** Identical to the predicate of the partial index ix_fulfillment_provider_orders_open_schedules (V4). */
    static final String HAS_OPEN_ENTRIES = "jsonb_path_exists(payload, '$.scheduledReplays[*] ? (@.type() == \"object\" && "
            + "(!exists(@.status) || @.status == \"scheduled\" || @.status == \"in_progress\"))')";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ProviderOrderRepository orders;

    public ReplayBatchRepository(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, ProviderOrderRepository orders) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.orders = orders;
    }

    /** Every provider order with a pending or claimed entry, with its schedule list. */
    public List<ScheduledEntries.Candidate> openSchedules() {
        return jdbc.query("SELECT id, updated_at, payload->'scheduledReplays' AS entries FROM fulfillment_provider_orders WHERE "
                        + HAS_OPEN_ENTRIES,
                new MapSqlParameterSource(),
                (rs, row) -> new ScheduledEntries.Candidate(rs.getObject("id", UUID.class),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        com.smplat.providerautomation.support.Json.readOrNull(rs.getString("entries"))));
    }

    /**
     * Claims the wanted entries of these provider orders in one transaction. Orders another transaction holds are
     * skipped, as are orders with a live claim of another worker (one worker per provider order at a time) and
     * entries that are no longer pending. Returns one job per provider order with its claimed entries, the row as
     * written and its new version, so the workers need not read it again.
     */
    public List<BatchRun.ClaimedJob> claim(Map<UUID, List<String>> wanted, String claimedBy, Instant now,
                                           Instant staleBefore) {
        return transaction.execute(status -> {
            Map<ProviderOrder, List<ObjectNode>> claimed = new java.util.LinkedHashMap<>();
            List<ProviderOrder> changed = new ArrayList<>();
            for (ProviderOrder order : orders.lockSkippingLocked(new ArrayList<>(wanted.keySet()))) {
                if (hasLiveClaim(order.payload(), staleBefore)) {
                    continue;
                }
                List<ObjectNode> entries = new ArrayList<>();
                for (String entryId : wanted.get(order.id())) {
                    ScheduledEntries.find(order.payload(), entryId)
                            .filter(entry -> ScheduledEntries.pending(entry) && ScheduledEntries.due(entry, now))
                            .ifPresent(entry -> {
                                entry.put("status", ScheduledEntries.IN_PROGRESS);
                                entry.put("claimedAt", com.smplat.providerautomation.support.Timestamps.canonical(now));
                                entry.put("claimedBy", claimedBy);
                                entry.putNull("startedAt");
                                entries.add(entry.deepCopy());
                            });
                }
                if (!entries.isEmpty()) {
                    changed.add(order);
                    claimed.put(order, entries);
                }
            }
            orders.writePayloads(changed);
            Map<UUID, String> versions = orders.versions(changed.stream().map(ProviderOrder::id).toList());
            List<BatchRun.ClaimedJob> jobs = new ArrayList<>();
            claimed.forEach((order, entries) -> jobs.add(new BatchRun.ClaimedJob(order, versions.get(order.id()), claimedBy, entries)));
            return jobs;
        });
    }

    /**
     * Gives claims that were never started back: their claimant's {@code in_progress} entries among them become
     * {@code scheduled} again. Returns how many entries were released.
     */
    public int release(List<BatchRun.ClaimedJob> jobs) {
        int released = 0;
        for (BatchRun.ClaimedJob job : jobs) {
            Set<String> entryIds = new java.util.HashSet<>();
            job.getEntries().forEach(claimed -> entryIds.add(claimed.entryId()));
            released += orders.mutate(job.providerOrderId(), order -> {
                int count = 0;
                for (JsonNode entry : order.payload().path("scheduledReplays")) {
                    if (isClaim(entry) && job.claimedBy.equals(entry.path("claimedBy").asText())
                            && entryIds.contains(entry.path("id").asText())) {
                        unclaim((ObjectNode) entry);
                        count++;
                    }
                }
                return count;
            });
        }
        return released;
    }

    /**
     * Writes a change to a claimed job's provider order and commits: on the row as this batch last wrote it when the
     * row is still at that version (no read, no lock), else under the row lock after a fresh read. {@code change}
     * mutates the payload in place and returns null when there is nothing to write; returns what it returned.
     */
    <T> T writeClaimed(BatchRun.ClaimedJob job, java.util.function.Function<ProviderOrder, T> change) {
        if (job.version != null) {
            T result = change.apply(job.order);
            java.util.Optional<String> written = result == null ? java.util.Optional.empty()
                    : orders.writeIfUnchanged(job.order, job.version);
            job.version = written.orElse(null);
            if (written.isPresent()) {
                return result;
            }
        }
        return orders.mutate(job.providerOrderId(), order -> {
            job.order = order;
            return change.apply(order);
        });
    }

    /** A claimed entry back to {@code scheduled}, without its claim. */
    static void unclaim(ObjectNode entry) {
        entry.put("status", ScheduledEntries.SCHEDULED);
        entry.remove(CLAIM_KEYS);
    }

    /**
     * True for a claim whose provider call certainly never started: it carries {@code startedAt: null}. A claim
     * without the key (written before claims recorded their start) may have been sent, like a started one.
     */
    static boolean neverStarted(JsonNode entry) {
        return entry.has("startedAt") && entry.get("startedAt").isNull();
    }

    /** Provider orders holding a claim older than {@code staleBefore}: their worker is gone. */
    public List<UUID> withStaleClaims(Instant staleBefore) {
        List<UUID> stale = new ArrayList<>();
        for (ScheduledEntries.Candidate candidate : openSchedules()) {
            if (candidate.scheduledReplays() instanceof ArrayNode entries) {
                for (JsonNode entry : entries) {
                    if (isClaim(entry) && claimedAt(entry).isBefore(staleBefore)) {
                        stale.add(candidate.providerOrderId());
                        break;
                    }
                }
            }
        }
        return stale;
    }

    static boolean hasLiveClaim(ObjectNode payload, Instant staleBefore) {
        if (payload.get("scheduledReplays") instanceof ArrayNode entries) {
            for (JsonNode entry : entries) {
                if (isClaim(entry) && !claimedAt(entry).isBefore(staleBefore)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isClaim(JsonNode entry) {
        return entry instanceof ObjectNode && ScheduledEntries.IN_PROGRESS.equals(entry.path("status").asText());
    }

    /** A claim without a readable time counts as stale. */
    static Instant claimedAt(JsonNode entry) {
        return com.smplat.providerautomation.support.Timestamps.parse(entry.path("claimedAt").asText(null)).orElse(Instant.EPOCH);
    }

    static final Set<String> CLAIM_KEYS = Set.of("claimedAt", "claimedBy", "startedAt");
}
