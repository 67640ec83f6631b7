package com.smplat.providerautomation.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.history.ProviderTelemetry.Outcome;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderTelemetryTest {

    private static JsonNode json(String text) {
        JsonNode node = Json.readOrNull(text);
        assertThat(node).as("test JSON parses: " + text).isNotNull();
        return node;
    }

    private static SampledOrder order(String serviceId, String amount, String payload) {
        return new SampledOrder("prov-t", serviceId, amount == null ? null : new BigDecimal(amount),
                payload == null ? null : json(payload));
    }

    private static Optional<Outcome> evaluate(String price, String cost, String guardrails) {
        return ProviderTelemetry.evaluate(price == null ? null : new BigDecimal(price),
                json("{\"providerCostAmount\": " + cost + ", \"guardrails\": " + guardrails + "}"));
    }

    private static ObjectNode telemetryOf(SampledOrder... orders) {
        ProviderTelemetry telemetry = new ProviderTelemetry();
        for (SampledOrder order : orders) {
            telemetry.add(order);
        }
        return telemetry.toJson();
    }

    @Test
    void aMarginExactlyAtALimitNeverBreachesAndOneBelowDoes() {
        // AL-SNAP-7: binary floating point made this 28.999999999999996 and therefore fail
        assertThat(evaluate("100", "71", "{\"minimumMarginPercent\": 29}")).contains(Outcome.PASS);
        assertThat(evaluate("100", "72", "{\"minimumMarginPercent\": 29}")).contains(Outcome.FAIL);
        assertThat(evaluate("100", "71", "{\"minimumMarginPercent\": 29.01}")).contains(Outcome.FAIL);
        assertThat(evaluate("10.00", "7.50", "{\"minimumMarginAbsolute\": 2.5}")).contains(Outcome.PASS);
        assertThat(evaluate("10.00", "7.51", "{\"minimumMarginAbsolute\": 2.5}")).contains(Outcome.FAIL);
        assertThat(evaluate("100", "80", "{\"warningMarginPercent\": 20}")).contains(Outcome.PASS);
        assertThat(evaluate("100", "80.01", "{\"warningMarginPercent\": 20}")).contains(Outcome.WARN);
        assertThat(evaluate("0.30", "0.20", "{\"minimumMarginAbsolute\": 0.1}")).as("no 0.1 + 0.2 drift").contains(Outcome.PASS);
    }

    @Test
    void percentagesThatDoNotTerminateAreComparedExactly() {
        // margin 1 of price 3 is 33.333...%: above any finite prefix of it, below the next step up
        assertThat(evaluate("3", "2", "{\"minimumMarginPercent\": 33.333333333333333333333333333333333333}"))
                .contains(Outcome.PASS);
        assertThat(evaluate("3", "2", "{\"minimumMarginPercent\": 33.333333333333333333333333333333333334}"))
                .contains(Outcome.FAIL);
    }

    @Test
    void failWinsOverWarnAndEitherFailLimitIsEnough() {
        String limits = "{\"minimumMarginPercent\": 10, \"warningMarginPercent\": 30, \"minimumMarginAbsolute\": 5}";
        assertThat(evaluate("100", "95", limits)).contains(Outcome.FAIL);
        assertThat(evaluate("100", "80", limits)).contains(Outcome.WARN);
        assertThat(evaluate("100", "60", limits)).contains(Outcome.PASS);
        assertThat(evaluate("20", "16", limits)).as("20% margin but only 4 absolute").contains(Outcome.FAIL);
        assertThat(evaluate("100", "50", "{}")).as("no limits set").contains(Outcome.PASS);
        assertThat(evaluate("100", "150", "{\"warningMarginPercent\": 0}")).as("negative margin").contains(Outcome.WARN);
    }

    @Test
    void numericStringsCountAndAnythingElseIsUnset() {
        assertThat(evaluate("100", "\" 71 \"", "{\"minimumMarginPercent\": \" 29 \"}")).contains(Outcome.PASS);
        assertThat(evaluate("100", "\"72.00\"", "{\"minimumMarginPercent\": \"29\"}")).contains(Outcome.FAIL);
        assertThat(evaluate("100", "\"7.2e1\"", "{\"minimumMarginPercent\": \"29\"}")).contains(Outcome.FAIL);
        assertThat(evaluate("100", "90", "{\"minimumMarginPercent\": \"high\", \"warningMarginPercent\": true,"
                + " \"minimumMarginAbsolute\": null}")).contains(Outcome.PASS);
        assertThat(evaluate("100", "90", "{\"minimumMarginPercent\": [29], \"warningMarginPercent\": {\"v\": 29},"
                + " \"minimumMarginAbsolute\": \"NaN\"}")).contains(Outcome.PASS);
    }

    @Test
    void aPriceAtOrBelowZeroIsIdle() {
        assertThat(evaluate("0", "5", "{\"minimumMarginPercent\": 29}")).contains(Outcome.IDLE);
        assertThat(evaluate("-1.50", "\"5\"", "{}")).contains(Outcome.IDLE);
        assertThat(evaluate("0.01", "5", "{\"minimumMarginPercent\": 29}")).contains(Outcome.FAIL);
    }

    @Test
    void missingPiecesMeanNotEvaluated() {
        assertThat(evaluate(null, "5", "{}")).as("no price").isEmpty();
        assertThat(evaluate("0", "null", "{}")).as("no cost, even for a zero price").isEmpty();
        assertThat(evaluate("100", "\"cheap\"", "{}")).isEmpty();
        assertThat(evaluate("100", "\"\"", "{}")).isEmpty();
        assertThat(evaluate("100", "true", "{}")).isEmpty();
        assertThat(evaluate("100", "5", "[]")).as("thresholds must be an object").isEmpty();
        assertThat(evaluate("100", "5", "\"strict\"")).isEmpty();
        assertThat(evaluate("100", "\"1e-99999\"", "{}")).as("not money: refused rather than expanded").isEmpty();
        assertThat(ProviderTelemetry.evaluate(new BigDecimal("100"), json("{\"providerCostAmount\": 5}"))).isEmpty();
    }

    @Test
    void serviceMetadataGuardrailsAreTheFallback() {
        String service = "\"service\": {\"metadata\": {\"guardrails\": {\"minimumMarginPercent\": 50}}}";
        BigDecimal price = new BigDecimal("100");
        assertThat(ProviderTelemetry.evaluate(price, json("{\"providerCostAmount\": 60, " + service + "}")))
                .contains(Outcome.FAIL);
        assertThat(ProviderTelemetry.evaluate(price, json("{\"providerCostAmount\": 60, \"guardrails\": \"none\", " + service + "}")))
                .as("a non-object guardrails falls back").contains(Outcome.FAIL);
        assertThat(ProviderTelemetry.evaluate(price, json("{\"providerCostAmount\": 60, \"guardrails\": {}, " + service + "}")))
                .as("payload guardrails win, even empty").contains(Outcome.PASS);
        assertThat(ProviderTelemetry.evaluate(price, json("{\"providerCostAmount\": 60, \"service\": {\"metadata\": []}}")))
                .isEmpty();
    }

    @Test
    void replaysCountObjectEntriesAndScheduledOnlyTheLiteralStatus() {
        ObjectNode telemetry = telemetryOf(
                order("svc", "10", """
                        {"replays": [{"status": "executed"}, {"status": "failed"}, {"status": "FAILED"}, {}, "executed", 3, null],
                         "scheduledReplays": [{"status": "scheduled"}, {"status": "executed"}, {}, {"status": "Scheduled"}, "scheduled"]}"""),
                order("svc", "10", """
                        {"replays": {"a": {"status": "executed"}}, "scheduledReplays": {"status": "scheduled"}}"""),
                order("svc", "10", "{\"replays\": [{\"status\": \"executed\"}]}"));
        assertThat(telemetry.get("totalOrders").asInt()).isEqualTo(3);
        assertThat(telemetry.get("replays")).isEqualTo(json("{\"total\": 5, \"executed\": 2, \"failed\": 1, \"scheduled\": 1}"));
    }

    @Test
    void aPayloadThatIsNotAnObjectCountsAsEmpty() {
        ObjectNode telemetry = telemetryOf(order("svc", "10", "[{\"status\": \"failed\"}]"),
                order("svc", "10", "\"text\""), order("svc", "10", null));
        assertThat(telemetry).isEqualTo(json("""
                {"totalOrders": 3, "replays": {"total": 0, "executed": 0, "failed": 0, "scheduled": 0},
                 "guardrails": {"evaluated": 0, "pass": 0, "warn": 0, "fail": 0},
                 "guardrailHitsByService": {}, "ruleOverridesByService": {}}"""));
    }

    @Test
    void guardrailOutcomesAreCountedPerServiceKeyOnlyOnceEvaluated() {
        String guarded = "{\"providerCostAmount\": 71, \"guardrails\": {\"minimumMarginPercent\": 29, \"warningMarginPercent\": 40}}";
        ObjectNode telemetry = telemetryOf(
                order("svc-a", "100", guarded),
                order("svc-a", "100", "{\"providerCostAmount\": 90, \"guardrails\": {\"minimumMarginPercent\": 29}}"),
                order("svc-a", "0", guarded),
                order("", "100", guarded),
                order("svc-b", "100", "{\"providerCostAmount\": 71}"),
                new SampledOrder("", "", new BigDecimal("100"), json("{\"providerCostAmount\": 10, \"guardrails\": {}}")));
        assertThat(telemetry.get("guardrails")).isEqualTo(json("{\"evaluated\": 5, \"pass\": 1, \"warn\": 2, \"fail\": 1}"));
        assertThat(telemetry.get("guardrailHitsByService")).isEqualTo(json("""
                {"svc-a": {"evaluated": 3, "pass": 0, "warn": 1, "fail": 1},
                 "prov-t": {"evaluated": 1, "pass": 0, "warn": 1, "fail": 0},
                 "unknown": {"evaluated": 1, "pass": 1, "warn": 0, "fail": 0}}"""));
        assertThat(telemetry.get("guardrails").fieldNames()).toIterable().containsExactly("evaluated", "pass", "warn", "fail");
    }

    @Test
    void ruleOverridesCountUsableRulesAndTheOldestSampledLabelWins() {
        // newest first: the last non-blank label visited is the oldest order's (AL-SNAP-8)
        ObjectNode telemetry = telemetryOf(
                order("svc", "10", """
                        {"serviceRules": [{"id": " rule-margin ", "label": "Newest label"}, {"id": "rule-geo"},
                                          {"id": "  "}, {"id": 7}, {"label": "no id"}, "rule-drip", null]}"""),
                order("svc", "10", """
                        {"serviceRules": [{"id": "rule-margin", "label": " Oldest label "}, {"id": "rule-geo", "label": "  "}]}"""),
                order("svc-empty-list", "10", "{\"serviceRules\": []}"),
                order("svc-empty", "10", "{\"serviceRules\": [{\"id\": \"\"}, 5]}"),
                order("svc-none", "10", "{\"serviceRules\": {\"id\": \"rule-x\"}}"));
        assertThat(telemetry.get("ruleOverridesByService")).isEqualTo(json("""
                {"svc": {"totalOverrides": 4, "rules": {
                    "rule-margin": {"id": "rule-margin", "label": "Oldest label", "count": 2},
                    "rule-geo": {"id": "rule-geo", "label": null, "count": 2}}},
                 "svc-empty": {"totalOverrides": 0, "rules": {}}}"""));
        assertThat(telemetry.get("guardrailHitsByService").isEmpty()).as("rules alone do not evaluate").isTrue();
        ObjectNode rule = (ObjectNode) telemetry.get("ruleOverridesByService").get("svc").get("rules").get("rule-margin");
        assertThat(rule.fieldNames()).toIterable().containsExactly("id", "label", "count");
    }

    @Test
    void anEmptyTelemetryHasTheFullShapeInSpecOrder() {
        ObjectNode telemetry = new ProviderTelemetry().toJson();
        assertThat(telemetry).isEqualTo(json("""
                {"totalOrders": 0, "replays": {"total": 0, "executed": 0, "failed": 0, "scheduled": 0},
                 "guardrails": {"evaluated": 0, "pass": 0, "warn": 0, "fail": 0},
                 "guardrailHitsByService": {}, "ruleOverridesByService": {}}"""));
        assertThat(telemetry.fieldNames()).toIterable()
                .containsExactly("totalOrders", "replays", "guardrails", "guardrailHitsByService", "ruleOverridesByService");
        assertThat(telemetry.get("replays").fieldNames()).toIterable().containsExactly("total", "executed", "failed", "scheduled");
    }

    @Test
    void aggregationSumsFieldByFieldAndKeepsTheFirstNonNullLabel() {
        ProviderTelemetry first = new ProviderTelemetry();
        first.add(order("svc-a", "100", """
                {"providerCostAmount": 80, "guardrails": {"warningMarginPercent": 25},
                 "replays": [{"status": "failed"}], "scheduledReplays": [{"status": "scheduled"}],
                 "serviceRules": [{"id": "rule-1"}, {"id": "rule-2", "label": "Two (first)"}]}"""));
        ProviderTelemetry second = new ProviderTelemetry();
        second.add(order("svc-b", "100", "{\"providerCostAmount\": 10, \"guardrails\": {}, \"replays\": [{\"status\": \"executed\"}]}"));
        second.add(order("svc-a", "100", """
                {"providerCostAmount": 99, "guardrails": {"minimumMarginAbsolute": 5},
                 "serviceRules": [{"id": "rule-1", "label": "One"}, {"id": "rule-2", "label": "Two (second)"}, {"id": "rule-3"}]}"""));
        ProviderTelemetry aggregated = new ProviderTelemetry();
        aggregated.merge(first);
        aggregated.merge(second);
        aggregated.merge(new ProviderTelemetry());
        assertThat(aggregated.toJson()).isEqualTo(json("""
                {"totalOrders": 3,
                 "replays": {"total": 2, "executed": 1, "failed": 1, "scheduled": 1},
                 "guardrails": {"evaluated": 3, "pass": 1, "warn": 1, "fail": 1},
                 "guardrailHitsByService": {
                   "svc-a": {"evaluated": 2, "pass": 0, "warn": 1, "fail": 1},
                   "svc-b": {"evaluated": 1, "pass": 1, "warn": 0, "fail": 0}},
                 "ruleOverridesByService": {"svc-a": {"totalOverrides": 5, "rules": {
                   "rule-1": {"id": "rule-1", "label": "One", "count": 2},
                   "rule-2": {"id": "rule-2", "label": "Two (first)", "count": 2},
                   "rule-3": {"id": "rule-3", "label": null, "count": 1}}}}}"""));
        assertThat(aggregated.toJson().get("guardrailHitsByService").fieldNames()).toIterable().containsExactly("svc-a", "svc-b");
        assertThat(first.toJson().get("totalOrders").asInt()).as("merging leaves the parts alone").isEqualTo(1);
    }
}
