package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** A replay batch or alert run as {@code {ranAt, summary, metadata}} (replay-and-history.md 6.2, alerts.md 11.1). */
@Schema(description = "One run: when it ran, its summary and its metadata.")
public record RunStatus(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime ranAt,
        @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, description = "Counts and outcomes; the members depend on the run type.") Object summary,
        @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) Object metadata) {
}
