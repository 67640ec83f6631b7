package com.smplat.providerautomation.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceTest
class AutomationStatusApiTest {
    @LocalServerPort
    int port;

    @Autowired
    RunHistoryRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void cleanHistory() {
        api = new ApiClient(port);
        jdbc.update("DELETE FROM provider_automation_runs");
    }

    private void run(RunType type, String summary, String metadata, Integer backlog, Integer alertsSent, String createdAt)
            throws Exception {
        repository.insert(new RunRecord(UUID.randomUUID(), type, "success", Json.MAPPER.readTree(summary),
                metadata == null ? null : Json.MAPPER.readTree(metadata), backlog, null, alertsSent, Instant.parse(createdAt)));
    }

    @Test
    void freshSystemHasNoRuns() {
        JsonNode status = api.get("/api/v1/fulfillment/providers/automation/status").json();
        assertThat(status.get("replay").isNull()).isTrue();
        assertThat(status.get("alerts").isNull()).isTrue();
        JsonNode history = api.get("/api/v1/fulfillment/providers/automation/status/history").json();
        assertThat(history.get("replay").isArray()).isTrue();
        assertThat(history.get("replay").isEmpty()).isTrue();
        assertThat(history.get("alerts").isEmpty()).isTrue();
    }

    @Test
    void statusShowsTheNewestRunOfEachType() throws Exception {
        run(RunType.REPLAY, "{\"processed\": 1, \"succeeded\": 1, \"failed\": 0}", null, 4, null, "2025-01-10T12:00:00Z");
        run(RunType.REPLAY, "{\"processed\": 2, \"succeeded\": 1, \"failed\": 1}", null, 3, null, "2025-01-10T12:05:00.123456Z");
        run(RunType.ALERT, "{\"alerts\": 1}", "{\"alertsDigest\": [{\"providerId\": \"prov-a\"}]}", null, 1, "2025-01-10T12:00:00Z");

        JsonNode status = api.get("/api/v1/fulfillment/providers/automation/status").json();
        assertThat(status.get("replay").get("ranAt").asText()).isEqualTo("2025-01-10T12:05:00.123456Z");
        assertThat(status.get("replay").get("summary").get("scheduledBacklog").asInt()).isEqualTo(3);
        assertThat(status.get("replay").get("metadata").isNull()).isTrue();
        assertThat(status.get("alerts").get("summary").get("alertsSent").asInt()).isEqualTo(1);
        assertThat(status.get("alerts").get("summary").get("alertsDigest").get(0).get("providerId").asText()).isEqualTo("prov-a");
    }

    @Test
    void historyIsNewestFirstLimitedPerTypeAndTiesKeepInsertionOrder() throws Exception {
        for (int i = 0; i < 4; i++) {
            run(RunType.REPLAY, "{\"processed\": " + i + "}", null, null, null, "2025-01-10T12:0" + i + ":00Z");
        }
        run(RunType.REPLAY, "{\"processed\": 99}", null, null, null, "2025-01-10T12:03:00Z");
        run(RunType.ALERT, "{\"alertsSent\": 0}", null, null, 0, "2025-01-10T11:00:00Z");

        JsonNode history = api.get("/api/v1/fulfillment/providers/automation/status/history?limit=3").json();
        assertThat(history.get("replay")).hasSize(3);
        assertThat(history.get("replay").get(0).get("summary").get("processed").asInt()).as("same time: newest insert first").isEqualTo(99);
        assertThat(history.get("replay").get(1).get("summary").get("processed").asInt()).isEqualTo(3);
        assertThat(history.get("replay").get(2).get("summary").get("processed").asInt()).isEqualTo(2);
        assertThat(history.get("alerts")).hasSize(1);
        assertThat(history.fieldNames()).toIterable().containsExactly("replay", "alerts");
    }
}
