package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;

/** POST /api/v1/reporting/guardrails/followups (exports.md 3.1). Lengths are in characters. */
@Schema(description = "A guardrail follow-up: the action taken on a provider and its context.")
public record FollowUpRequestBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 128, description = "A known provider's id.") String providerId,
        @Schema(nullable = true, maxLength = 255) String providerName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 64, description = "pause and resume change the provider's pause state.") String action,
        @Schema(nullable = true, maxLength = 500) String notes,
        @Schema(nullable = true) PlatformContext platformContext,
        @Schema(ref = OpenApiDocument.ANY_VALUE) Object attachments,
        @Schema(nullable = true, maxLength = 255) String conversionCursor,
        @Schema(nullable = true, maxLength = 2048) String conversionHref) {

    @Schema(description = "Where the follow-up was taken.")
    public record PlatformContext(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255) String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 255) String label,
            @Schema(nullable = true, maxLength = 255) String handle,
            @Schema(nullable = true, maxLength = 64) String platformType) {
    }
}
