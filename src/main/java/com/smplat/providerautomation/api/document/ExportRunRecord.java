package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

/** GET .../followups/export/runs/{runId} (docs/export-schema.md). */
@Schema(description = "One export run.")
public record ExportRunRecord(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID runId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"schedule", "manual"}) String trigger,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"running", "succeeded", "failed"}) String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true,
                allowableValues = {"config", "checkpoint-download", "source", "sink", "checkpoint-upload", "cursor-write"}) String errorCategory,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") long rows,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String cursor,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String lastFollowUpId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime startedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime finishedAt) {
}
