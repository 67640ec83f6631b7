package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** GET /api/v1/reporting/blueprint-metrics (alerts.md 7.1). */
@Schema(description = "Blueprint adoption over window_days, the preset/provider pressure map and the load alerts.")
public record BlueprintMetricsReport(
        @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, description = "days and start.") Object window,
        @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, description = "total, items, itemRevenue.") Object orders,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Object> options,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Object> addOns,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Object> providerEngagements,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Object> presets,
        @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, description = "generatedAt and windows by day count.") Object presetProviderEngagements,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Object> providerLoadAlerts) {
}
