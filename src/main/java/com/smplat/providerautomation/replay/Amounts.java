package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/** Amount parsing and resolution (replay-and-history.md 3.2). Amounts are decimals: 150 becomes 150.0. */
public final class Amounts {
    private Amounts() {
    }

    /** The first present of: the explicit override (0 counts), the {@code amount} column, {@code payload.requestedAmount}. */
    public static BigDecimal resolve(BigDecimal override, ProviderOrder order) {
        if (override != null) {
            return decimal(override);
        }
        if (order.amount() != null) {
            return decimal(order.amount());
        }
        return parse(order.payload().get("requestedAmount")).map(Amounts::decimal).orElse(null);
    }

    /** A JSON number, or a string that parses as one; anything else is absent. */
    public static Optional<BigDecimal> parse(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(new BigDecimal(value.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** At least one fraction digit and no trailing zeros beyond it: 150 → 150.0, 12.50 → 12.5. */
    public static BigDecimal decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
    }
}
