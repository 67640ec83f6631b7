package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** GET .../automation/snapshot (replay-and-history.md 7.1). */
@Schema(description = "Every provider's telemetry over its newest provider orders, and their sum.")
public record AutomationSnapshot(
        @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, description = "The sum of every provider's telemetry.") Object aggregated,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "By name, then id.") List<ProviderTelemetry> providers) {

    public record ProviderTelemetry(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String name,
            @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, description = "totalOrders, replays, guardrails, guardrailHitsByService, ruleOverridesByService.") Object telemetry) {
    }
}
