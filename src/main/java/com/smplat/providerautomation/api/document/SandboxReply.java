package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** The development sandbox provider's answers: an order or refill reference, a balance, or a deliberate failure. */
@Schema(description = "The sandbox provider's answer; which members are present depends on the endpoint.")
public record SandboxReply(
        @Schema(description = "Order reference (orders).") String order,
        @Schema(description = "Refill reference (refills).") String refill,
        @Schema(allowableValues = "accepted") String status,
        String provider,
        @Schema(description = "Balance (balance).") BigDecimal balance,
        String currency) {
}
