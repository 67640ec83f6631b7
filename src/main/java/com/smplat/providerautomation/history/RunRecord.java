package com.smplat.providerautomation.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One {@code provider_automation_runs} row. {@code summary} and {@code metadata} are parsed JSON (or null). */
public record RunRecord(UUID id, RunType runType, String status, JsonNode summary, JsonNode metadata,
                        Integer backlogTotal, Instant nextScheduledAt, Integer alertsSent, Instant createdAt) {
}
