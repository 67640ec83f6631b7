package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;

/** Every error answer (4xx and 5xx): a one-line detail; a 409 of the export trigger adds the running {@code runId}. */
@Schema(description = "An error: a one-line detail, never a stack trace, SQL text or HTML page.")
public record ErrorBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What went wrong, for a person.") String detail) {
}
