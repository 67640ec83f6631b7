package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The replay entry view (replay-and-history.md 7.6): every member present, null when unknown. */
@Schema(description = "One replay or scheduled replay of a provider order.")
public record ReplayEntryView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) BigDecimal requestedAmount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String currency,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime performedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime scheduledFor,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"executed", "scheduled", "failed"}) String status,
        @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "The provider's answer.") Object response,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) List<String> ruleIds,
        @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) Object ruleMetadata) {
}
