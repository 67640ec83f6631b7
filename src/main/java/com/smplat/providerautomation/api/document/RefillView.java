package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The refill view (replay-and-history.md 7.8). */
@Schema(description = "One refill of a provider order.")
public record RefillView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) BigDecimal amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String currency,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime performedAt,
        @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "The provider's answer.") Object response) {
}
