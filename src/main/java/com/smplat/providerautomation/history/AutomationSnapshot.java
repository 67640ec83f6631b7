package com.smplat.providerautomation.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The automation snapshot (alerts.md 3, replay-and-history.md 7.1): per-provider telemetry over each provider's
 * most recent provider orders. Served by {@code GET /automation/snapshot} and read by the alert evaluation.
 */
@Component("automationSnapshot")
public class AutomationSnapshot {
    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 250;

    /** One snapshot entry: a catalog provider and its telemetry object (alerts.md 3.2). */
    public record ProviderSnapshot(String id, String name, ObjectNode telemetry) {
    }

    private record Computed(String id, String name, ProviderTelemetry telemetry) {
    }

    private final SnapshotRepository repository;

    public AutomationSnapshot(SnapshotRepository repository) {
        this.repository = repository;
    }

    /** Every provider, ordered by name then id, with the telemetry of its newest {@code limitPerProvider} orders. */
    public List<ProviderSnapshot> providers(int limitPerProvider) {
        return compute(limitPerProvider).stream()
                .map(entry -> new ProviderSnapshot(entry.id(), entry.name(), entry.telemetry().toJson()))
                .toList();
    }

    /** The response body: {@code {"aggregated": telemetry, "providers": [{id, name, telemetry}, ...]}}. */
    public ObjectNode snapshot(int limitPerProvider) {
        ProviderTelemetry aggregated = new ProviderTelemetry();
        ArrayNode providers = Json.MAPPER.createArrayNode();
        for (Computed entry : compute(limitPerProvider)) {
            aggregated.merge(entry.telemetry());
            providers.addObject().put("id", entry.id()).put("name", entry.name()).set("telemetry", entry.telemetry().toJson());
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("aggregated", aggregated.toJson());
        body.set("providers", providers);
        return body;
    }

    private List<Computed> compute(int limitPerProvider) {
        // the route validates already; this guards other callers, which must clamp (alerts.md 2.1)
        if (limitPerProvider < MIN_LIMIT || limitPerProvider > MAX_LIMIT) {
            throw ServiceException.invalid("limitPerProvider must be an integer between " + MIN_LIMIT + " and " + MAX_LIMIT);
        }
        return repository.sample(limitPerProvider).stream().map(provider -> {
            ProviderTelemetry telemetry = new ProviderTelemetry();
            provider.orders().forEach(telemetry::add);
            return new Computed(provider.id(), provider.name(), telemetry);
        }).toList();
    }
}
