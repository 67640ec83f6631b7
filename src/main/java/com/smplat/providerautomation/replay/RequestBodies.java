package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.ServiceException;
import java.math.BigDecimal;

/** Validation shared by the request bodies of this package (7.6, 7.8): every problem is a 422. */
final class RequestBodies {
    private RequestBodies() {
    }

    /** The optional {@code amount}: a number or numeric string from 0 to {@link Amounts#MAX}; null when absent or null. */
    static BigDecimal amount(ObjectNode object) {
        JsonNode amountNode = object.get("amount");
        if (amountNode == null || amountNode.isNull()) {
            return null;
        }
        BigDecimal amount = Amounts.number(amountNode).orElseThrow(() -> ServiceException.invalid("amount must be a number"));
        if (amount.signum() < 0) {
            throw ServiceException.invalid("amount must be greater than or equal to 0");
        }
        if (!Amounts.withinBounds(amount)) {
            throw ServiceException.invalid("amount must be at most " + Amounts.MAX.toPlainString() + " with at most "
                    + Amounts.MAX_FRACTION_DIGITS + " decimal places");
        }
        return amount;
    }
}
