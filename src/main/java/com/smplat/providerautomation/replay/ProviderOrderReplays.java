package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.ServiceException;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Replays or schedules one provider order (replay-and-history.md 3, 4, 7.6 and the operator command of 8). The
 * route splits the work around the provider call: {@link #plan} decides and, for a schedule or an idempotent
 * repeat, answers at once; after {@code direct:provider-call}, {@link #complete} records a success or rejects.
 */
@Component("providerOrderReplays")
public class ProviderOrderReplays {
    /** Exchange properties shared with the route. */
    public static final String EXECUTES = "replayExecutes";
    private static final String PLAN = "replayPlan";

    /** Who asked: decides the timeline actor and trigger. */
    public enum Trigger {
        ADMIN("operator", "admin_replay"), CLI("automation", "cli_replay");

        final String actor;
        final String trigger;

        Trigger(String actor, String trigger) {
            this.actor = actor;
            this.trigger = trigger;
        }
    }

    record Plan(Trigger trigger, Provider provider, ProviderOrder order, BigDecimal amount, String idempotencyKey) {
    }

    private final ProviderOrderRepository orders;
    private final TimelineRepository timeline;
    private final IdempotencyKeys idempotencyKeys;

    public ProviderOrderReplays(ProviderOrderRepository orders, TimelineRepository timeline, IdempotencyKeys idempotencyKeys) {
        this.orders = orders;
        this.timeline = timeline;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** HTTP: validates the body, finds the order, then schedules, repeats an idempotent answer, or plans a call. */
    public void planFromRequest(Exchange exchange, @Header("providerId") String providerId,
                                @Header("providerOrderId") String providerOrderId, @Header("Idempotency-Key") String key) {
        ReplayRequest request = ReplayRequest.parse(exchange.getMessage().getBody(String.class));
        String idempotencyKey = IdempotencyKeys.normalize(key);
        UUID orderId = UUID.fromString(providerOrderId);
        Provider provider = orders.existingProvider(providerId);
        ProviderOrder order = orders.orderOfProvider(providerId, orderId);
        if (idempotencyKey != null) {
            IdempotencyKeys.Claim claim = idempotencyKeys.claim(orderId, idempotencyKey);
            if (claim instanceof IdempotencyKeys.Completed completed) {
                answer(exchange, completed.response());
                return;
            }
            if (claim instanceof IdempotencyKeys.InProgress) {
                throw new ServiceException(ServiceException.Kind.CONFLICT, "A request with this Idempotency-Key is in progress");
            }
        }
        Instant now = Timestamps.now();
        if (request.schedules(now)) {
            ObjectNode view = schedule(order, request.amount(), request.runAt());
            if (idempotencyKey != null) {
                idempotencyKeys.complete(orderId, idempotencyKey, view);
            }
            answer(exchange, view);
            return;
        }
        plan(exchange, new Plan(Trigger.ADMIN, provider, order, request.amount(), idempotencyKey));
    }

    /** The operator command: execute now, with actor {@code automation} and trigger {@code cli_replay}. */
    public void planFromCommand(Exchange exchange, @Header("providerId") String providerId,
                                @Header("providerOrderId") String providerOrderId, @Header("amount") BigDecimal amount) {
        ProviderOrder order = orders.orderOfProvider(providerId, UUID.fromString(providerOrderId));
        Provider provider = orders.provider(providerId).orElseThrow(() -> ServiceException.rejected("Provider not found"));
        plan(exchange, new Plan(Trigger.CLI, provider, order, amount, null));
    }

    private void plan(Exchange exchange, Plan plan) {
        try {
            ProviderEndpoint endpoint = ProviderEndpoint.lookup(plan.provider().metadata(), EndpointKind.ORDER);
            BigDecimal amount = Amounts.resolve(plan.amount(), plan.order());
            exchange.setProperty(ProviderCalls.REQUEST,
                    ProviderRequest.render(endpoint, TemplateVariables.forReplay(plan.provider(), plan.order(), amount)));
        } catch (RuntimeException e) {
            release(plan);
            throw e;
        }
        exchange.setProperty(PLAN, plan);
        exchange.setProperty(EXECUTES, true);
    }

    /** After the call: a success is persisted and answered; a failure persists nothing and is a 400. */
    public void complete(Exchange exchange) {
        Plan plan = exchange.getProperty(PLAN, Plan.class);
        ProviderCallOutcome outcome = exchange.getProperty(ProviderCalls.OUTCOME, ProviderCallOutcome.class);
        if (!outcome.succeeded()) {
            release(plan);
            throw ServiceException.rejected(outcome.error());
        }
        BigDecimal amount = Amounts.resolve(plan.amount(), plan.order());
        ObjectNode entry = orders.mutate(plan.order().id(), order -> {
            ObjectNode replay = ReplayEntries.replay(amount, order.currency(), Timestamps.now(), "executed",
                    outcome.response(), RuleContext.of(order.payload()));
            ReplayEntries.append(order.payload(), "replays", replay);
            order.payload().set("providerResponse", outcome.response());
            return replay;
        });
        timeline.record(new TimelineRepository.Event(plan.order().orderId(), "replay_executed", plan.trigger().actor,
                plan.order().id().toString(), null, null,
                TimelineMetadata.of(plan.order(), entry, Map.of(
                        "providerId", text(plan.order().providerId()),
                        "trigger", text(plan.trigger().trigger)))));
        ObjectNode view = EntryViews.replayEntryView(entry).orElseThrow();
        if (plan.idempotencyKey() != null) {
            idempotencyKeys.complete(plan.order().id(), plan.idempotencyKey(), view);
        }
        answer(exchange, view);
    }

    private ObjectNode schedule(ProviderOrder found, BigDecimal amount, Instant runAt) {
        ObjectNode entry = orders.mutate(found.id(), order -> {
            ObjectNode schedule = ReplayEntries.schedule(amount == null ? null : Amounts.decimal(amount), order.currency(),
                    runAt, RuleContext.of(order.payload()));
            ReplayEntries.append(order.payload(), "scheduledReplays", schedule);
            return schedule;
        });
        timeline.record(new TimelineRepository.Event(found.orderId(), "replay_scheduled", Trigger.ADMIN.actor,
                found.id().toString(), null, "Replay scheduled for " + entry.get("scheduledFor").asText(),
                TimelineMetadata.of(found, entry, Map.of(
                        "providerId", text(found.providerId()),
                        "trigger", text(Trigger.ADMIN.trigger)))));
        return EntryViews.scheduleEntryView(entry).orElseThrow();
    }

    private void release(Plan plan) {
        if (plan.idempotencyKey() != null) {
            idempotencyKeys.release(plan.order().id(), plan.idempotencyKey());
        }
    }

    private static void answer(Exchange exchange, ObjectNode view) {
        exchange.setProperty(EXECUTES, false);
        exchange.getMessage().setBody(view);
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }
}
