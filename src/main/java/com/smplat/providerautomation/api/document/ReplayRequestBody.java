package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** POST .../{providerId}/orders/{providerOrderId}/replay (replay-and-history.md 7.6). */
@Schema(description = "Replay now, or schedule: a future runAt schedules; scheduleOnly schedules whatever runAt says.")
public record ReplayRequestBody(
        Amount amount,
        @Schema(nullable = true, description = "ISO-8601 instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z;"
                + " required when scheduleOnly is true.") OffsetDateTime runAt,
        @Schema(nullable = true, defaultValue = "false") Boolean scheduleOnly) {
}
