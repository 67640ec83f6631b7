package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.UUID;

/** A {@code fulfillment_provider_orders} row; {@code payload} is the automation document (an empty object if not one). */
public record ProviderOrder(UUID id, UUID orderId, UUID orderItemId, String providerId, String providerName,
                            String serviceId, String serviceAction, BigDecimal amount, String currency, ObjectNode payload) {
}
