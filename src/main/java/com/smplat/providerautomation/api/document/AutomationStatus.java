package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;

/** GET .../automation/status (replay-and-history.md 7.2). */
@Schema(description = "The newest replay batch and alert run, or null before the first.")
public record AutomationStatus(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) RunStatus replay,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) RunStatus alerts) {
}
