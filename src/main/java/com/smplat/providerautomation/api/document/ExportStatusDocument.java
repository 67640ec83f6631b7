package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** GET .../followups/export/status (docs/export-schema.md). */
@Schema(description = "The status document of the latest successful export run.")
public record ExportStatusDocument(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String cursor,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") long rows,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime updatedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String downloadUrl,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String workflowUrl) {
}
