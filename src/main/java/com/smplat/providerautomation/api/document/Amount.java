package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;

/** An amount in a request body: a JSON number or a numeric string, at least 0. */
@Schema(description = "A number or a numeric string, at least 0; null or absent means the provider order's amount.",
        nullable = true, oneOf = {Amount.Number.class, Amount.Text.class})
public interface Amount {
    @Schema(type = "number", minimum = "0", description = "A JSON number.")
    interface Number extends Amount {
    }

    @Schema(type = "string", pattern = "^\\s*[+]?[0-9]*\\.?[0-9]+([eE][+-]?[0-9]+)?\\s*$", description = "A numeric string.")
    interface Text extends Amount {
    }
}
