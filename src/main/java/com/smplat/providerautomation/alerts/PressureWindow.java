package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.time.Instant;
import java.util.List;

/** A window of {@code days} days from {@code start} (inclusive, no upper bound) with its COMPLETE aggregation. */
public record PressureWindow(int days, Instant start, List<PressureEntry> entries) {

    /** {@code {"days", "start", "entries"}} with the entries truncated for display (AL-REP-5). */
    public ObjectNode toJson(int entryLimit) {
        ObjectNode window = Json.MAPPER.createObjectNode().put("days", days).put("start", Timestamps.canonical(start));
        ArrayNode list = window.putArray("entries");
        entries.stream().limit(entryLimit).forEach(entry -> list.add(entry.toJson()));
        return window;
    }
}
