package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** GET .../automation/status/history (replay-and-history.md 7.3). */
@Schema(description = "Up to limit runs of each type, newest first.")
public record AutomationStatusHistory(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<RunStatus> replay,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<RunStatus> alerts) {
}
