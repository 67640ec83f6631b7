package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;

/** The 502 that the sandbox's failing providers (demo-gamma) always answer, to show failures in the demo. */
@Schema(description = "A deliberate provider failure.")
public record SandboxFailure(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String error) {
}
