package com.smplat.providerautomation.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The status and history read model (replay-and-history.md 7.2, 7.3). Both come from the run history alone, so
 * the status can never be older than the newest history row.
 */
@Component("runHistory")
public class RunHistory {
    private final RunHistoryRepository repository;

    public RunHistory(RunHistoryRepository repository) {
        this.repository = repository;
    }

    /** {@code {"replay": runStatus|null, "alerts": runStatus|null}}: the newest run of each type. */
    public ObjectNode status() {
        ObjectNode result = Json.MAPPER.createObjectNode();
        Map<RunType, List<RunRecord>> newest = repository.newestPerType(1);
        for (RunType type : RunType.values()) {
            List<RunRecord> runs = newest.get(type);
            result.set(type.apiKey(), runs.isEmpty() ? Json.MAPPER.nullNode() : RunStatusView.of(runs.get(0)));
        }
        return result;
    }

    /** {@code {"replay": [...], "alerts": [...]}}: up to {@code limit} runs of each type, newest first. */
    public ObjectNode history(int limit) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        Map<RunType, List<RunRecord>> newest = repository.newestPerType(limit);
        for (RunType type : RunType.values()) {
            ArrayNode runs = result.putArray(type.apiKey());
            newest.get(type).forEach(run -> runs.add(RunStatusView.of(run)));
        }
        return result;
    }
}
