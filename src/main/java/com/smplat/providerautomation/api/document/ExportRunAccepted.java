package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** 202 of POST .../followups/export/run (exports.md 3.11). */
@Schema(description = "The started export run.")
public record ExportRunAccepted(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID runId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "accepted") String status) {
}
