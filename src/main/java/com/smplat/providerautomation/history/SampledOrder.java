package com.smplat.providerautomation.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * What the automation snapshot reads of one provider order: the {@code amount} column (null when unset) and
 * the parsed {@code payload} (null when absent or unparseable).
 */
public record SampledOrder(String providerId, String serviceId, BigDecimal amount, JsonNode payload) {
}
