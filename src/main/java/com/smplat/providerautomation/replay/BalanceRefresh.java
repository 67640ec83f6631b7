package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.ServiceException;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Refreshes a provider's balance through its {@code balance} endpoint (replay-and-history.md 7.9). The route calls
 * {@link #plan}, then {@code direct:provider-call}, then {@link #complete}, which stores the snapshot and answers
 * with the provider representation.
 */
@Component("balanceRefresh")
public class BalanceRefresh {
    private static final String PLAN = "balancePlan";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** {@code balance_amount} is numeric(14,2); {@code currency} is varchar(8). */
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1E12");
    private static final int CURRENCY_MAX = 8;

    /** @param responseHints the endpoint's {@code response} object ({@code balancePath}, {@code currencyPath}), or null */
    record Plan(String providerId, JsonNode responseHints) {
    }

    private final ProviderOrderRepository providers;
    private final BalanceRepository balances;

    public BalanceRefresh(ProviderOrderRepository providers, BalanceRepository balances) {
        this.providers = providers;
        this.balances = balances;
    }

    /** 404 for an unknown provider, 400 for a missing balance endpoint; otherwise renders the call. */
    public void plan(Exchange exchange, @Header("providerId") String providerId) {
        Provider provider = providers.existingProvider(providerId);
        ProviderEndpoint endpoint = ProviderEndpoint.lookup(provider.metadata(), EndpointKind.BALANCE);
        exchange.setProperty(ProviderCalls.REQUEST, ProviderRequest.render(endpoint, TemplateVariables.forBalance(provider)));
        exchange.setProperty(PLAN, new Plan(provider.id(), endpoint.response()));
    }

    /** After the call: a failure is a 400; a success upserts the snapshot and answers the provider representation. */
    public void complete(Exchange exchange) {
        Plan plan = exchange.getProperty(PLAN, Plan.class);
        ProviderCallOutcome outcome = exchange.getProperty(ProviderCalls.OUTCOME, ProviderCallOutcome.class);
        if (!outcome.succeeded()) {
            throw ServiceException.rejected(outcome.error());
        }
        ObjectNode response = outcome.response();
        // false or empty only when the provider was deleted during the call
        if (!balances.upsert(plan.providerId(), amount(response, plan.responseHints()),
                currency(response, plan.responseHints()), response)) {
            throw ServiceException.notFound("Provider not found");
        }
        exchange.getMessage().setBody(view(balances.providerBalance(plan.providerId())
                .orElseThrow(() -> ServiceException.notFound("Provider not found"))));
    }

    /**
     * The value at {@code balancePath}, else top-level {@code balance}, else {@code amount}: the first that is a number
     * or numeric string and fits the column. Null when none does.
     */
    static BigDecimal amount(ObjectNode response, JsonNode hints) {
        return Stream.of(at(response, hint(hints, "balancePath")), response.get("balance"), response.get("amount"))
                .map(Amounts::parse).flatMap(Optional::stream)
                .filter(value -> value.setScale(2, RoundingMode.HALF_UP).abs().compareTo(AMOUNT_LIMIT) < 0)
                .findFirst().orElse(null);
    }

    /** The string at {@code currencyPath}, else top-level {@code currency}, upper-cased: the first non-blank that fits. */
    static String currency(ObjectNode response, JsonNode hints) {
        return Stream.of(at(response, hint(hints, "currencyPath")), response.get("currency"))
                .filter(value -> value != null && value.isTextual())
                .map(value -> value.asText().strip().toUpperCase(Locale.ROOT))
                .filter(text -> !text.isEmpty() && text.length() <= CURRENCY_MAX)
                .findFirst().orElse(null);
    }

    /**
     * The value at a dot path such as {@code data.wallet.balance}; a segment of digits indexes an array. Null when
     * the path is null or leads nowhere.
     */
    static JsonNode at(JsonNode root, String path) {
        if (path == null) {
            return null;
        }
        JsonNode current = root;
        for (String segment : path.split("\\.", -1)) {
            if (current instanceof ObjectNode object) {
                current = object.get(segment);
            } else if (current instanceof ArrayNode array && segment.matches("\\d{1,9}")) {
                current = array.get(Integer.parseInt(segment));
            } else {
                return null;
            }
        }
        return current;
    }

    private static String hint(JsonNode hints, String key) {
        JsonNode value = hints instanceof ObjectNode object ? object.get(key) : null;
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    /** The provider representation with its {@code balanceSnapshot} (null without a snapshot). */
    static ObjectNode view(BalanceRepository.ProviderBalance provider) {
        ObjectNode view = NODES.objectNode();
        view.put("id", provider.id());
        view.put("name", provider.name());
        view.put("description", provider.description());
        view.put("baseUrl", provider.baseUrl());
        view.set("allowedRegions", provider.allowedRegions());
        view.put("status", provider.status());
        view.put("healthStatus", provider.healthStatus());
        view.set("lastHealthCheckAt", instant(provider.lastHealthCheckAt()));
        view.set("createdAt", instant(provider.createdAt()));
        view.set("updatedAt", instant(provider.updatedAt()));
        if (provider.retrievedAt() == null) {
            view.putNull("balanceSnapshot");
            return view;
        }
        ObjectNode snapshot = view.putObject("balanceSnapshot");
        snapshot.set("amount", provider.balanceAmount() == null ? null : NODES.numberNode(Amounts.decimal(provider.balanceAmount())));
        snapshot.put("currency", provider.balanceCurrency());
        snapshot.set("retrievedAt", instant(provider.retrievedAt()));
        return view;
    }

    private static JsonNode instant(Instant value) {
        return value == null ? null : NODES.textNode(Timestamps.canonical(value));
    }
}
