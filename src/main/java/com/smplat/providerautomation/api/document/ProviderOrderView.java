package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One provider order of a listing (replay-and-history.md 7.7): the stored payload plus typed views of its entries. */
@Schema(description = "A provider order with its replays, scheduled replays and refills.")
public record ProviderOrderView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String providerId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String providerName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String serviceId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String serviceAction,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID orderId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID orderItemId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) BigDecimal amount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String currency,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "The provider's order reference.") String providerOrderId,
        @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "As stored.") Object payload,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime updatedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<RefillView> refills,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ReplayEntryView> replays,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ReplayEntryView> scheduledReplays) {
}
