package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;

/** POST .../{providerId}/orders/{providerOrderId}/refill (replay-and-history.md 7.8). */
@Schema(description = "A refill of one provider order; every member is optional.")
public record RefillRequestBody(
        Amount amount,
        @Schema(nullable = true, maxLength = 500, description = "At most 500 characters.") String note,
        @Schema(nullable = true, maxLength = 255, description = "Who asked; at most 255 characters.") String actorLabel) {
}
