package com.smplat.providerautomation.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.support.Json;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunStatusViewTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void columnsFillOnlyWhatTheSummaryLacks() throws Exception {
        RunRecord run = new RunRecord(UUID.randomUUID(), RunType.REPLAY, "success",
                json("{\"processed\": 2, \"succeeded\": 1, \"failed\": 1, \"scheduledBacklog\": 7}"), null,
                3, Instant.parse("2025-01-10T14:00:00Z"), null, Instant.parse("2025-01-10T12:05:00.000001Z"));
        JsonNode view = RunStatusView.of(run);
        assertThat(view.get("ranAt").asText()).isEqualTo("2025-01-10T12:05:00.000001Z");
        assertThat(view.get("summary").get("scheduledBacklog").asInt()).as("stored value wins").isEqualTo(7);
        assertThat(view.get("summary").get("nextScheduledAt").asText()).isEqualTo("2025-01-10T14:00:00.000000Z");
        assertThat(view.get("summary").has("alertsSent")).isFalse();
        assertThat(view.get("metadata").isNull()).isTrue();
    }

    @Test
    void alertMetadataListsBecomeSummaryMembersWithCounts() throws Exception {
        RunRecord run = new RunRecord(UUID.randomUUID(), RunType.ALERT, "success", json("{\"alertsSent\": 2}"),
                json("{\"autoPausedProviders\": [{\"providerId\": \"prov-1\"}, {\"providerId\": \"prov-2\"}],"
                        + " \"autoResumedProviders\": [], \"alertsDigest\": [{\"providerId\": \"prov-1\"}]}"),
                null, null, 5, Instant.parse("2025-01-10T12:00:00Z"));
        JsonNode summary = RunStatusView.of(run).get("summary");
        assertThat(summary.get("alertsSent").asInt()).isEqualTo(2);
        assertThat(summary.get("autoPaused").asInt()).isEqualTo(2);
        assertThat(summary.get("autoResumed").asInt()).isZero();
        assertThat(summary.get("alertsDigest").size()).isEqualTo(1);
        assertThat(summary.has("loadAlertsDigest")).isFalse();
        assertThat(RunStatusView.of(run).get("metadata").get("autoPausedProviders").size()).isEqualTo(2);
    }

    @Test
    void nonObjectSummaryBecomesEmptyAndEmptyMetadataIsNull() throws Exception {
        RunRecord run = new RunRecord(UUID.randomUUID(), RunType.ALERT, "failed", json("[1, 2]"), json("{}"),
                null, null, null, Instant.parse("2025-01-10T12:00:00Z"));
        JsonNode view = RunStatusView.of(run);
        assertThat(view.get("summary").isEmpty()).isTrue();
        assertThat(view.get("metadata").isNull()).isTrue();
    }
}
