package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** POST .../{providerId}/balance/refresh (replay-and-history.md 7.9): the provider without credentials or metadata. */
@Schema(description = "The provider with its refreshed balance snapshot.")
public record ProviderBalanceView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
        @Schema(nullable = true) String name,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) String baseUrl,
        @Schema(nullable = true) List<String> allowedRegions,
        @Schema(nullable = true) String status,
        @Schema(nullable = true) String healthStatus,
        @Schema(nullable = true) OffsetDateTime lastHealthCheckAt,
        @Schema(nullable = true) OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime updatedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BalanceSnapshot balanceSnapshot) {

    public record BalanceSnapshot(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) BigDecimal amount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) String currency,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) OffsetDateTime retrievedAt) {
    }
}
