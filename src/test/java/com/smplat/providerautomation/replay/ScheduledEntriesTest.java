package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.support.Json;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScheduledEntriesTest {
    private static final Instant NOW = Instant.parse("2025-01-10T12:00:00Z");

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void pendingNeedsAnObjectWithAnIdAndScheduledOrNoStatus() throws Exception {
        assertThat(ScheduledEntries.pending(json("{\"id\": \"a\"}"))).isTrue();
        assertThat(ScheduledEntries.pending(json("{\"id\": \"a\", \"status\": \"scheduled\"}"))).isTrue();
        assertThat(ScheduledEntries.pending(json("{\"id\": \"\", \"status\": \"scheduled\"}"))).isFalse();
        assertThat(ScheduledEntries.pending(json("{\"status\": \"scheduled\"}"))).isFalse();
        assertThat(ScheduledEntries.pending(json("{\"id\": \"a\", \"status\": \"executed\"}"))).isFalse();
        assertThat(ScheduledEntries.pending(json("{\"id\": \"a\", \"status\": \"in_progress\"}"))).isFalse();
        assertThat(ScheduledEntries.pending(json("\"text\""))).isFalse();
    }

    @Test
    void dueIsInclusiveAndUnparseableOrMissingTimesAreDueAtOnce() throws Exception {
        assertThat(ScheduledEntries.due(json("{\"scheduledFor\": \"2025-01-10T12:00:00Z\"}"), NOW)).isTrue();
        assertThat(ScheduledEntries.due(json("{\"scheduledFor\": \"2025-01-10T12:00:00.000001Z\"}"), NOW)).isFalse();
        assertThat(ScheduledEntries.due(json("{\"scheduledFor\": \"2025-01-10T13:00:00+02:00\"}"), NOW)).isTrue();
        assertThat(ScheduledEntries.due(json("{\"scheduledFor\": \"2025-01-10T12:30:00\"}"), NOW)).as("naive means UTC").isFalse();
        assertThat(ScheduledEntries.due(json("{}"), NOW)).isTrue();
        assertThat(ScheduledEntries.due(json("{\"scheduledFor\": \"  \"}"), NOW)).isTrue();
        assertThat(ScheduledEntries.due(json("{\"scheduledFor\": \"soon\"}"), NOW)).isTrue();
    }

    @Test
    void validationCatchesBadTimesAndAmountsBeforeAnyCall() throws Exception {
        assertThat(ScheduledEntries.invalidity(json("{\"scheduledFor\": \"soon\"}"))).contains("Invalid scheduledFor on scheduled replay");
        assertThat(ScheduledEntries.invalidity(json("{\"requestedAmount\": -1}"))).contains("Invalid requestedAmount on scheduled replay");
        assertThat(ScheduledEntries.invalidity(json("{\"requestedAmount\": \"abc\"}"))).contains("Invalid requestedAmount on scheduled replay");
        assertThat(ScheduledEntries.invalidity(json("{\"requestedAmount\": \"12.5\"}"))).isEmpty();
        assertThat(ScheduledEntries.invalidity(json("{\"requestedAmount\": null, \"scheduledFor\": null}"))).isEmpty();
    }

    @Test
    void dueEntriesComeOldestFirstWithUntimedOnesFirst() throws Exception {
        UUID older = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID newer = UUID.fromString("00000000-0000-0000-0000-000000000002");
        List<ScheduledEntries.Candidate> candidates = List.of(
                new ScheduledEntries.Candidate(newer, NOW.minusSeconds(10), json("""
                        [{"id": "n1", "scheduledFor": "2025-01-10T11:00:00Z"}, {"id": "n2"},
                         {"id": "n3", "scheduledFor": "2025-01-10T11:00:00Z"}]""")),
                new ScheduledEntries.Candidate(older, NOW.minusSeconds(100), json("""
                        [{"id": "o1", "scheduledFor": "2025-01-10T11:00:00Z"}, {"id": "o2", "scheduledFor": "2025-01-10T10:00:00Z"},
                         {"id": "future", "scheduledFor": "2025-01-11T00:00:00Z"}, {"id": "done", "status": "failed"}]""")));
        assertThat(ScheduledEntries.dueOldestFirst(candidates, NOW)).extracting(ScheduledEntries.Due::entryId)
                .containsExactly("n2", "o2", "o1", "n1", "n3");
    }

    @Test
    void backlogCountsPendingEntriesAndTheEarliestTime() throws Exception {
        ScheduledEntries.Backlog backlog = ScheduledEntries.backlog(List.of(new ScheduledEntries.Candidate(UUID.randomUUID(), NOW, json("""
                [{"id": "a", "scheduledFor": "2025-01-10T14:00:00Z"}, {"id": "b", "scheduledFor": "2025-01-10T09:00:00Z"},
                 {"id": "c"}, {"scheduledFor": "2025-01-01T00:00:00Z"}, {"id": "d", "status": "executed", "scheduledFor": "2024-01-01T00:00:00Z"}]"""))));
        assertThat(backlog.pending()).isEqualTo(3);
        assertThat(backlog.nextScheduledAt()).isEqualTo(Instant.parse("2025-01-10T09:00:00Z"));
    }
}
