package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 201 of POST /api/v1/reporting/guardrails/followups (exports.md 3.1). */
@Schema(description = "The stored follow-up and the provider's guardrail status after it.")
public record FollowUpRecorded(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Entry entry,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) GuardrailStatus status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, ref = OpenApiDocument.ANY_VALUE) Object providerTelemetry) {

    public record Entry(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String providerId,
            @Schema(nullable = true) String providerName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String action,
            @Schema(nullable = true) String notes,
            @Schema(nullable = true) FollowUpRequestBody.PlatformContext platformContext,
            @Schema(ref = OpenApiDocument.ANY_VALUE) Object attachments,
            @Schema(nullable = true) String conversionCursor,
            @Schema(nullable = true) String conversionHref,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime createdAt) {
    }

    public record GuardrailStatus(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String providerId,
            @Schema(nullable = true) String providerName,
            @Schema(nullable = true) String lastAction,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean isPaused,
            @Schema(nullable = true) String lastSource,
            @Schema(nullable = true) UUID lastFollowUpId,
            @Schema(nullable = true) OffsetDateTime updatedAt) {
    }
}
