package com.smplat.providerautomation.api.document;

import io.swagger.v3.oas.annotations.media.Schema;

/** An amount in a request body: a JSON number or a numeric string, within the {@code amount} column's range. */
@Schema(description = "A number or a numeric string from 0 to 9999999999.99 with at most 6 decimal places (trailing zeros"
        + " do not count); null or absent means the provider order's amount.",
        anyOf = {Amount.Number.class, Amount.Text.class})
public interface Amount {
    @Schema(type = "number", nullable = true, minimum = "0", maximum = "9999999999.99", description = "A JSON number.")
    interface Number extends Amount {
    }

    @Schema(type = "string", nullable = true, maxLength = 64, pattern = "^\\s*[+]?[0-9]*\\.?[0-9]+([eE][+-]?[0-9]+)?\\s*$", description = "A numeric string.")
    interface Text extends Amount {
    }
}
