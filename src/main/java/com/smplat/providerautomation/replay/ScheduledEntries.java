package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Due-ness, order, validation and backlog of schedule entries (replay-and-history.md 5.3, 5.4, 5.6). Pure: it
 * reads {@code scheduledReplays} arrays and says what to do.
 */
public final class ScheduledEntries {
    public static final String SCHEDULED = "scheduled";
    public static final String IN_PROGRESS = "in_progress";

    private ScheduledEntries() {
    }

    /** A provider order's schedule list as read for a batch. */
    public record Candidate(UUID providerOrderId, Instant updatedAt, JsonNode scheduledReplays) {
    }

    /** One due entry, with what orders it. */
    public record Due(UUID providerOrderId, String entryId, Instant updatedAt, int position, Optional<Instant> scheduledFor) {
    }

    public record Backlog(int pending, Instant nextScheduledAt) {
    }

    /** Entries due now and not claimed, and since when the oldest of them has been due (null when none). */
    public record DueSummary(int due, Instant oldestDueSince) {
    }

    /** Object, non-empty id, status {@code scheduled} or absent. */
    public static boolean pending(JsonNode entry) {
        if (!(entry instanceof ObjectNode)) {
            return false;
        }
        JsonNode id = entry.get("id");
        if (id == null || id.isNull() || id.asText().isEmpty()) {
            return false;
        }
        JsonNode status = entry.get("status");
        return status == null || status.isNull() || SCHEDULED.equals(status.asText());
    }

    /** Absent, null or blank; or a parseable instant at or before now; or not parseable at all (fails validation). */
    public static boolean due(JsonNode entry, Instant now) {
        JsonNode scheduledFor = entry.get("scheduledFor");
        if (scheduledFor == null || scheduledFor.isNull() || scheduledFor.asText().isBlank()) {
            return true;
        }
        return scheduledFor(entry).map(at -> !at.isAfter(now)).orElse(true);
    }

    static Optional<Instant> scheduledFor(JsonNode entry) {
        JsonNode value = entry.get("scheduledFor");
        return value != null && value.isTextual() ? Timestamps.parse(value.asText()) : Optional.empty();
    }

    /** The due entries, oldest first: no usable time first, then by time, provider order age, position. */
    public static List<Due> dueOldestFirst(List<Candidate> candidates, Instant now) {
        List<Due> due = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (!(candidate.scheduledReplays() instanceof ArrayNode entries)) {
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                if (pending(entry) && due(entry, now)) {
                    due.add(new Due(candidate.providerOrderId(), entry.get("id").asText(), candidate.updatedAt(), i,
                            scheduledFor(entry)));
                }
            }
        }
        due.sort(Comparator.<Due, Boolean>comparing(d -> d.scheduledFor().isPresent())
                .thenComparing(d -> d.scheduledFor().orElse(Instant.MIN))
                .thenComparing(Due::updatedAt)
                .thenComparing(Due::providerOrderId)
                .thenComparingInt(Due::position));
        return due;
    }

    /**
     * The due backlog for the metrics: an entry with a time has been due since that time; one without a time (or with
     * an unparseable one) since its provider order last changed, the closest the row tells.
     */
    public static DueSummary dueSummary(List<Candidate> candidates, Instant now) {
        int count = 0;
        Instant oldest = null;
        for (Candidate candidate : candidates) {
            if (!(candidate.scheduledReplays() instanceof ArrayNode entries)) {
                continue;
            }
            for (JsonNode entry : entries) {
                if (pending(entry) && due(entry, now)) {
                    count++;
                    Instant since = scheduledFor(entry).orElse(candidate.updatedAt());
                    oldest = oldest == null || since.isBefore(oldest) ? since : oldest;
                }
            }
        }
        return new DueSummary(count, oldest);
    }

    /** Pending entries anywhere, due or not, and the earliest parseable time among them. */
    public static Backlog backlog(List<Candidate> candidates) {
        int pending = 0;
        Instant next = null;
        for (Candidate candidate : candidates) {
            if (!(candidate.scheduledReplays() instanceof ArrayNode entries)) {
                continue;
            }
            for (JsonNode entry : entries) {
                if (pending(entry)) {
                    pending++;
                    Optional<Instant> at = scheduledFor(entry);
                    if (at.isPresent() && (next == null || at.get().isBefore(next))) {
                        next = at.get();
                    }
                }
            }
        }
        return new Backlog(pending, next);
    }

    /** Why a due entry cannot be executed, or empty when it can (checked before any provider call). */
    public static Optional<String> invalidity(JsonNode entry) {
        JsonNode scheduledFor = entry.get("scheduledFor");
        if (scheduledFor != null && !scheduledFor.isNull() && !scheduledFor.asText().isBlank()
                && scheduledFor(entry).isEmpty()) {
            return Optional.of("Invalid scheduledFor on scheduled replay");
        }
        JsonNode amount = entry.get("requestedAmount");
        if (amount != null && !amount.isNull() && requestedAmount(entry).isEmpty()) {
            return Optional.of("Invalid requestedAmount on scheduled replay");
        }
        return Optional.empty();
    }

    /** A finite number >= 0 (numeric strings accepted); anything else is absent. */
    public static Optional<BigDecimal> requestedAmount(JsonNode entry) {
        return Amounts.parse(entry.get("requestedAmount")).filter(amount -> amount.signum() >= 0);
    }

    /** The entry with this id in a payload's {@code scheduledReplays}, if any. */
    public static Optional<ObjectNode> find(ObjectNode payload, String entryId) {
        if (payload.get("scheduledReplays") instanceof ArrayNode entries) {
            for (JsonNode entry : entries) {
                if (entry instanceof ObjectNode object && entryId.equals(object.path("id").asText(null))) {
                    return Optional.of(object);
                }
            }
        }
        return Optional.empty();
    }
}
