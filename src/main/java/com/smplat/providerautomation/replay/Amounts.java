package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Amount parsing and resolution (replay-and-history.md 3.2). Amounts are decimals: 150 becomes 150.0. An amount is
 * at most {@link #MAX} (the range of the {@code amount} column, numeric(12,2)) in magnitude with at most
 * {@link #MAX_FRACTION_DIGITS} decimal places; anything else is not an amount. The bound is checked on the number's
 * digits and exponent before any arithmetic: {@code 1e1000000} is cheap to hold but not to expand.
 */
public final class Amounts {
    public static final BigDecimal MAX = new BigDecimal("9999999999.99");
    public static final int MAX_FRACTION_DIGITS = 6;
    /** Longer numeric text is no amount: {@code MAX} with six decimals and an exponent fits in far fewer characters. */
    private static final int MAX_TEXT_LENGTH = 64;

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

    /** A JSON number, or a string that parses as one, within the bounds; anything else is absent. */
    public static Optional<BigDecimal> parse(JsonNode value) {
        return number(value).filter(Amounts::withinBounds);
    }

    /** A JSON number, or a string of at most 64 characters that parses as one; not yet checked against the bounds. */
    static Optional<BigDecimal> number(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isTextual() && value.asText().length() <= MAX_TEXT_LENGTH) {
            try {
                return Optional.of(new BigDecimal(value.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * At most {@link #MAX} in magnitude, at most six decimal places (trailing zeros aside). Digits and exponent are
     * looked at first, so no arithmetic ever runs on a value like {@code 1e1000000} or {@code 1e-1000000}.
     */
    public static boolean withinBounds(BigDecimal value) {
        if (value.precision() > MAX_TEXT_LENGTH || Math.abs(value.scale()) > MAX_TEXT_LENGTH) {
            return false;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= MAX_FRACTION_DIGITS && stripped.abs().compareTo(MAX) <= 0;
    }

    /** At least one fraction digit and no trailing zeros beyond it: 150 → 150.0, 12.50 → 12.5. */
    public static BigDecimal decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
    }
}
