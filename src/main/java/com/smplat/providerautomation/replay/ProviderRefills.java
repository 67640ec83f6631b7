package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.ServiceException;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Refills one provider order through the provider's {@code refill} endpoint (replay-and-history.md 7.8). As with
 * replays, the route splits the work around {@code direct:provider-call}: {@link #plan} validates and renders the
 * request, {@link #complete} records a success or rejects; nothing is written before the call succeeded.
 */
@Component("providerRefills")
public class ProviderRefills {
    private static final String PLAN = "refillPlan";
    /** Where the provider's own order reference may sit in the payload, in order of preference (1.4). */
    private static final List<String> REFERENCE_KEYS = List.of("providerOrderId", "provider_order_id", "providerOrderID", "orderId");

    record Plan(ProviderOrder order, BigDecimal amount, RefillRequest request) {
    }

    private final ProviderOrderRepository orders;
    private final TimelineRepository timeline;

    public ProviderRefills(ProviderOrderRepository orders, TimelineRepository timeline) {
        this.orders = orders;
        this.timeline = timeline;
    }

    /** Validates the body, then checks in the order of 7.8 and renders the call; each failure is thrown. */
    public void plan(Exchange exchange, @Header("providerId") String providerId,
                     @Header("providerOrderId") String providerOrderId) {
        RefillRequest request = RefillRequest.parse(exchange.getMessage().getBody(String.class));
        Provider provider = orders.existingProvider(providerId);
        ProviderOrder order = orders.orderOfProvider(providerId, UUID.fromString(providerOrderId));
        ProviderEndpoint endpoint = ProviderEndpoint.lookup(provider.metadata(), EndpointKind.REFILL);
        String reference = reference(order.payload()).orElseThrow(
                () -> ServiceException.rejected("Provider order identifier is missing; cannot trigger refill"));
        // the body's amount, else the amount column: unlike a replay, no payload fallback
        BigDecimal amount = request.amount() != null ? request.amount() : order.amount();
        BigDecimal resolved = amount == null ? null : Amounts.decimal(amount);
        exchange.setProperty(ProviderCalls.REQUEST,
                ProviderRequest.render(endpoint, TemplateVariables.forRefill(provider, order, resolved, reference)));
        exchange.setProperty(PLAN, new Plan(order, resolved, request));
    }

    /** After the call: a success appends the refill entry and records the timeline event; a failure is a 400. */
    public void complete(Exchange exchange) {
        Plan plan = exchange.getProperty(PLAN, Plan.class);
        ProviderCallOutcome outcome = exchange.getProperty(ProviderCalls.OUTCOME, ProviderCallOutcome.class);
        if (!outcome.succeeded()) {
            throw ServiceException.rejected(outcome.error());
        }
        ObjectNode entry = orders.mutate(plan.order().id(), order -> {
            ObjectNode refill = ReplayEntries.refill(plan.amount(), order.currency(), Timestamps.now(), outcome.response());
            ReplayEntries.append(order.payload(), "refills", refill);
            return refill;
        });
        ProviderOrder order = plan.order();
        timeline.record(new TimelineRepository.Event(order.orderId(), "refill_completed", "operator", order.id().toString(),
                plan.request().actorLabel(), plan.request().note(), TimelineMetadata.of(order, entry,
                        Map.of("providerId", JsonNodeFactory.instance.textNode(order.providerId())))));
        exchange.getMessage().setBody(EntryViews.refillView(entry).orElseThrow());
    }

    /** The first reference key holding a string or integer with non-blank text, stripped. */
    static Optional<String> reference(ObjectNode payload) {
        for (String key : REFERENCE_KEYS) {
            JsonNode value = payload.get(key);
            String text = value == null ? null
                    : value.isTextual() ? value.asText().strip()
                    : value.isIntegralNumber() ? value.bigIntegerValue().toString() : null;
            if (text != null && !text.isEmpty()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
