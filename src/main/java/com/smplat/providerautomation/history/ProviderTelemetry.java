package com.smplat.providerautomation.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The automation-snapshot telemetry of one provider, or the sum over several (alerts.md 3.2 to 3.4,
 * replay-and-history.md 7.1). Add the sampled orders newest first, then render with {@link #toJson()}.
 * Pure: no Spring, no SQL.
 */
public final class ProviderTelemetry {

    /** The guardrail outcome of one evaluated order; {@code IDLE} counts as evaluated only. */
    public enum Outcome { IDLE, PASS, WARN, FAIL }

    /** Bigger or finer numbers cannot be money; refusing them keeps exact subtraction from growing unbounded. */
    private static final int MAX_SCALE = 1000;
    private static final int MAX_NUMERIC_TEXT = 1000;

    private int totalOrders;
    private int replaysTotal;
    private int replaysExecuted;
    private int replaysFailed;
    private int replaysScheduled;
    private final Outcomes guardrails = new Outcomes();
    private final Map<String, Outcomes> hitsByService = new LinkedHashMap<>();
    private final Map<String, RuleOverrides> overridesByService = new LinkedHashMap<>();

    /** The telemetry of one order: call once per sampled order, newest first (the label rule depends on it). */
    public void add(SampledOrder order) {
        JsonNode payload = order.payload() instanceof ObjectNode object ? object : Json.MAPPER.createObjectNode();
        String serviceKey = serviceKey(order);
        totalOrders++;
        for (JsonNode replay : list(payload, "replays")) {
            if (replay.isObject()) {
                replaysTotal++;
                replaysExecuted += hasStatus(replay, "executed") ? 1 : 0;
                replaysFailed += hasStatus(replay, "failed") ? 1 : 0;
            }
        }
        for (JsonNode scheduled : list(payload, "scheduledReplays")) {
            replaysScheduled += scheduled.isObject() && hasStatus(scheduled, "scheduled") ? 1 : 0;
        }
        evaluate(order.amount(), payload).ifPresent(outcome -> {
            guardrails.add(outcome);
            hitsByService.computeIfAbsent(serviceKey, key -> new Outcomes()).add(outcome);
        });
        JsonNode rules = list(payload, "serviceRules");
        if (!rules.isEmpty()) {
            // the bucket exists once the order names rules, even if none of them is usable
            RuleOverrides bucket = overridesByService.computeIfAbsent(serviceKey, key -> new RuleOverrides());
            rules.forEach(bucket::add);
        }
    }

    /** Adds another telemetry field by field; a rule label already set is kept (the first non-null wins). */
    public void merge(ProviderTelemetry other) {
        totalOrders += other.totalOrders;
        replaysTotal += other.replaysTotal;
        replaysExecuted += other.replaysExecuted;
        replaysFailed += other.replaysFailed;
        replaysScheduled += other.replaysScheduled;
        guardrails.merge(other.guardrails);
        other.hitsByService.forEach((key, hits) -> hitsByService.computeIfAbsent(key, k -> new Outcomes()).merge(hits));
        other.overridesByService.forEach((key, overrides) ->
                overridesByService.computeIfAbsent(key, k -> new RuleOverrides()).merge(overrides));
    }

    /** Members in the order of the spec's example. */
    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("totalOrders", totalOrders);
        json.putObject("replays").put("total", replaysTotal).put("executed", replaysExecuted)
                .put("failed", replaysFailed).put("scheduled", replaysScheduled);
        json.set("guardrails", guardrails.toJson());
        ObjectNode hits = json.putObject("guardrailHitsByService");
        hitsByService.forEach((key, outcomes) -> hits.set(key, outcomes.toJson()));
        ObjectNode overrides = json.putObject("ruleOverridesByService");
        overridesByService.forEach((key, bucket) -> overrides.set(key, bucket.toJson()));
        return json;
    }

    /**
     * The guardrail outcome of one order (AL-SNAP-4..7), or empty when it is not evaluated: no thresholds object,
     * or a price or cost that is not numeric. {@code payload} is an object. Exact decimals: {@code marginPercent <
     * limit} is tested as {@code margin * 100 < limit * price} (price is positive there), so no division rounds.
     */
    static Optional<Outcome> evaluate(BigDecimal price, JsonNode payload) {
        JsonNode limits = payload.path("guardrails");
        if (!limits.isObject()) {
            limits = payload.path("service").path("metadata").path("guardrails");
        }
        BigDecimal cost = decimal(payload.path("providerCostAmount"));
        if (!limits.isObject() || cost == null || price == null) {
            return Optional.empty();
        }
        if (price.signum() <= 0) {
            return Optional.of(Outcome.IDLE);
        }
        BigDecimal margin = price.subtract(cost);
        BigDecimal minimumAbsolute = decimal(limits.path("minimumMarginAbsolute"));
        if ((minimumAbsolute != null && margin.compareTo(minimumAbsolute) < 0)
                || percentBelow(margin, price, decimal(limits.path("minimumMarginPercent")))) {
            return Optional.of(Outcome.FAIL);
        }
        return Optional.of(percentBelow(margin, price, decimal(limits.path("warningMarginPercent"))) ? Outcome.WARN : Outcome.PASS);
    }

    /** A JSON number, or a string holding one (surrounding whitespace allowed); null for anything else. */
    static BigDecimal decimal(JsonNode value) {
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual() && value.asText().length() <= MAX_NUMERIC_TEXT) {
            try {
                number = new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Math.abs(number.stripTrailingZeros().scale()) <= MAX_SCALE ? number : null;
    }

    private static boolean percentBelow(BigDecimal margin, BigDecimal price, BigDecimal limitPercent) {
        return limitPercent != null && margin.movePointRight(2).compareTo(limitPercent.multiply(price)) < 0;
    }

    /** The array under {@code key}, or an empty one: an object there must not be iterated as entries. */
    private static JsonNode list(JsonNode payload, String key) {
        JsonNode value = payload.path(key);
        return value.isArray() ? value : Json.MAPPER.createArrayNode();
    }

    private static boolean hasStatus(JsonNode entry, String status) {
        JsonNode value = entry.get("status");
        return value != null && value.isTextual() && value.asText().equals(status);
    }

    /** {@code service_id}, else {@code provider_id}, else {@code unknown}. */
    private static String serviceKey(SampledOrder order) {
        if (order.serviceId() != null && !order.serviceId().isEmpty()) {
            return order.serviceId();
        }
        return order.providerId() != null && !order.providerId().isEmpty() ? order.providerId() : "unknown";
    }

    /** The trimmed text of a non-blank string member, else null. */
    private static String trimmedText(JsonNode value) {
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static final class Outcomes {
        private int evaluated;
        private int pass;
        private int warn;
        private int fail;

        void add(Outcome outcome) {
            evaluated++;
            switch (outcome) {
                case PASS -> pass++;
                case WARN -> warn++;
                case FAIL -> fail++;
                case IDLE -> { }
            }
        }

        void merge(Outcomes other) {
            evaluated += other.evaluated;
            pass += other.pass;
            warn += other.warn;
            fail += other.fail;
        }

        ObjectNode toJson() {
            return Json.MAPPER.createObjectNode().put("evaluated", evaluated).put("pass", pass).put("warn", warn).put("fail", fail);
        }
    }

    private static final class RuleOverrides {
        private int totalOverrides;
        private final Map<String, RuleCount> rules = new LinkedHashMap<>();

        /** A rule object with a non-blank string id counts; every non-blank label overwrites (AL-SNAP-8). */
        void add(JsonNode rule) {
            String id = rule.isObject() ? trimmedText(rule.get("id")) : null;
            if (id == null) {
                return;
            }
            totalOverrides++;
            RuleCount count = rules.computeIfAbsent(id, key -> new RuleCount());
            count.count++;
            String label = trimmedText(rule.get("label"));
            if (label != null) {
                count.label = label;
            }
        }

        void merge(RuleOverrides other) {
            totalOverrides += other.totalOverrides;
            other.rules.forEach((id, theirs) -> {
                RuleCount mine = rules.computeIfAbsent(id, key -> new RuleCount());
                mine.count += theirs.count;
                if (mine.label == null) {
                    mine.label = theirs.label;
                }
            });
        }

        ObjectNode toJson() {
            ObjectNode json = Json.MAPPER.createObjectNode().put("totalOverrides", totalOverrides);
            ObjectNode byId = json.putObject("rules");
            rules.forEach((id, rule) -> byId.putObject(id).put("id", id).put("label", rule.label).put("count", rule.count));
            return json;
        }
    }

    private static final class RuleCount {
        private String label;
        private int count;
    }
}
