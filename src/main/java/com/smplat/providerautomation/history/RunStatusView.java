package com.smplat.providerautomation.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;

/**
 * A run presented as {@code {"ranAt", "summary", "metadata"}} (replay-and-history.md 6.2): the stored summary,
 * enriched from the columns and metadata only where it lacks a member, so stored values always win.
 */
public final class RunStatusView {
    private RunStatusView() {
    }

    public static ObjectNode of(RunRecord run) {
        ObjectNode summary = run.summary() instanceof ObjectNode stored ? stored.deepCopy() : Json.MAPPER.createObjectNode();
        JsonNode metadata = run.metadata();
        if (run.backlogTotal() != null) {
            putIfAbsent(summary, "scheduledBacklog", Json.MAPPER.getNodeFactory().numberNode(run.backlogTotal()));
        }
        if (run.nextScheduledAt() != null) {
            putIfAbsent(summary, "nextScheduledAt", Json.MAPPER.getNodeFactory().textNode(Timestamps.canonical(run.nextScheduledAt())));
        }
        if (run.alertsSent() != null) {
            putIfAbsent(summary, "alertsSent", Json.MAPPER.getNodeFactory().numberNode(run.alertsSent()));
        }
        if (metadata instanceof ObjectNode meta) {
            copyIfPresent(meta, summary, "alertsDigest");
            copyIfPresent(meta, summary, "loadAlertsDigest");
            copyListWithCount(meta, summary, "autoPausedProviders", "autoPaused");
            copyListWithCount(meta, summary, "autoResumedProviders", "autoResumed");
        }
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("ranAt", Timestamps.canonical(run.createdAt()));
        view.set("summary", summary);
        view.set("metadata", metadata instanceof ObjectNode meta && !meta.isEmpty() ? meta : Json.MAPPER.nullNode());
        return view;
    }

    private static void putIfAbsent(ObjectNode summary, String key, JsonNode value) {
        if (!summary.has(key)) {
            summary.set(key, value);
        }
    }

    private static void copyIfPresent(ObjectNode metadata, ObjectNode summary, String key) {
        JsonNode value = metadata.get(key);
        if (value != null && !value.isNull()) {
            putIfAbsent(summary, key, value.deepCopy());
        }
    }

    private static void copyListWithCount(ObjectNode metadata, ObjectNode summary, String listKey, String countKey) {
        if (metadata.get(listKey) instanceof ArrayNode list) {
            putIfAbsent(summary, listKey, list.deepCopy());
            putIfAbsent(summary, countKey, Json.MAPPER.getNodeFactory().numberNode(list.size()));
        }
    }
}
