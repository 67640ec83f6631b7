package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body a provider endpoint receives: any JSON object (the sandbox only digests it). */
@Schema(description = "A provider call's rendered payload; any JSON object.")
public record ProviderCall() {
}
