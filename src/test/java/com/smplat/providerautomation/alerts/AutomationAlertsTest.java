package com.smplat.providerautomation.alerts;

import static com.smplat.providerautomation.alerts.AlertMessagesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.alerts.AutomationAlerts.Alert;
import com.smplat.providerautomation.alerts.AutomationAlerts.Condition;
import com.smplat.providerautomation.alerts.AutomationAlerts.Thresholds;
import com.smplat.providerautomation.history.AutomationSnapshot.ProviderSnapshot;
import com.smplat.providerautomation.history.ProviderTelemetry;
import com.smplat.providerautomation.history.SampledOrder;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomationAlertsTest {

    private static final Thresholds DEFAULTS = new Thresholds(3, 5, 3);
    private static final JsonNode RUN = json(AlertMessagesTest.RUN_SUMMARY_12_1);

    /** A snapshot entry with just the counts the trigger rule reads. */
    private static ProviderSnapshot provider(String id, String name, int fails, int warns, int replayFailed, int replayTotal) {
        ObjectNode telemetry = (ObjectNode) json("""
                {"totalOrders": 0, "replays": {"total": %d, "executed": 0, "failed": %d, "scheduled": 0},
                 "guardrails": {"evaluated": 0, "pass": 0, "warn": %d, "fail": %d},
                 "guardrailHitsByService": {}, "ruleOverridesByService": {}}""".formatted(replayTotal, replayFailed, warns, fails));
        return new ProviderSnapshot(id, name, telemetry);
    }

    private static SampledOrder order(String cost, String replays, String rules) {
        return new SampledOrder("prov-alpha", "svc-followers", new BigDecimal("100"), json("""
                {"providerCostAmount": %s, "guardrails": {"minimumMarginPercent": 20, "warningMarginPercent": 30},
                 "replays": %s, "serviceRules": %s}""".formatted(cost, replays, rules)));
    }

    /** The telemetry behind 12.1's prov-alpha, computed by the snapshot's own arithmetic: 3 fails, 1 warn, 2/5 replays. */
    private static ProviderSnapshot alphaOf12_1() {
        String floor = "[{\"id\": \"rule-margin-floor\", \"label\": \"Margin floor\"}]";
        ProviderTelemetry telemetry = new ProviderTelemetry();
        telemetry.add(order("90", "[{\"status\": \"failed\"}, {\"status\": \"executed\"}]", floor));
        telemetry.add(order("90", "[{\"status\": \"failed\"}, {\"status\": \"executed\"}]", floor));
        telemetry.add(order("90", "[{\"status\": \"executed\"}]", floor));
        telemetry.add(order("75", "[]", floor));
        telemetry.add(order("50", "[]", "[{\"id\": \"rule-geo\"}]"));
        for (int i = 0; i < 5; i++) {
            telemetry.add(order("50", "[]", "[]"));
        }
        return new ProviderSnapshot("prov-alpha", "Alpha Fulfillment", telemetry.toJson());
    }

    @Test
    void theAlertOf12_1HasTheDigestOf12_1KeyForKey() {
        List<Alert> alerts = AutomationAlerts.evaluate(List.of(alphaOf12_1()), DEFAULTS);
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        // serialised text, so key order counts too (4.3)
        assertThat(Json.write(alert.digest())).isEqualTo(Json.write(RUN.get("alertsDigest").get(0)));
        assertThat(alert.breached()).containsExactly(Condition.GUARDRAIL_FAIL);
        assertThat(alert.fingerprint()).isEqualTo("automation|prov-alpha|guardrail-fail");
        assertThat(alert.pauseCandidate()).isTrue();
        assertThat(Json.write(PlaybookEntries.pause(alert, "0b6f7f1e-3c55-4b8e-9d0a-2f4f1d2a9c11")))
                .isEqualTo(Json.write(RUN.get("autoPausedProviders").get(0)));
        assertThat(Json.write(PlaybookEntries.resume("prov-gamma", "Gamma Supply", "5d1c2b7a-8e9f-4a3b-b6c5-0d9e8f7a6b5c",
                "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b"))).isEqualTo(Json.write(RUN.get("autoResumedProviders").get(0)));
        assertThat(PlaybookEntries.resume("p", "", "f", null).get("providerName").asText()).isEqualTo("p");
        assertThat(PlaybookEntries.resume("p", "", "f", null).get("previousFollowUpId").isNull()).isTrue();
    }

    @Test
    void eachThresholdFiresExactlyAtItsValueAndNotOneBelow() {
        assertThat(AutomationAlerts.evaluate(List.of(provider("p", "P", 2, 4, 2, 9)), DEFAULTS)).isEmpty();
        assertThat(AutomationAlerts.evaluate(List.of(provider("p", "P", 3, 4, 2, 9)), DEFAULTS).get(0).breached())
                .containsExactly(Condition.GUARDRAIL_FAIL);
        assertThat(AutomationAlerts.evaluate(List.of(provider("p", "P", 2, 5, 2, 9)), DEFAULTS).get(0).breached())
                .containsExactly(Condition.GUARDRAIL_WARN);
        assertThat(AutomationAlerts.evaluate(List.of(provider("p", "P", 2, 4, 3, 9)), DEFAULTS).get(0).breached())
                .containsExactly(Condition.REPLAY_FAILURE);
        assertThat(AutomationAlerts.evaluate(List.of(provider("p", "P", 0, 0, 1, 1)), new Thresholds(0, -4, 0)))
                .as("thresholds below 1 count as 1").hasSize(1);
        assertThat(new Thresholds(0, -4, 7)).isEqualTo(new Thresholds(1, 1, 7));
        assertThat(AutomationAlerts.evaluate(List.of(provider("p", "P", 0, 0, 0, 0)), new Thresholds(0, 0, 0))).isEmpty();
    }

    @Test
    void warnOnlyNeverPausesAndTheFingerprintSortsItsConditions() {
        Alert warnOnly = AutomationAlerts.evaluate(List.of(provider("p", "P", 0, 5, 0, 0)), DEFAULTS).get(0);
        assertThat(warnOnly.pauseCandidate()).isFalse();
        assertThat(warnOnly.fingerprint()).isEqualTo("automation|p|guardrail-warn");
        Alert replayOnly = AutomationAlerts.evaluate(List.of(provider("p", "P", 0, 0, 3, 3)), DEFAULTS).get(0);
        assertThat(replayOnly.pauseCandidate()).isTrue();
        Alert all = AutomationAlerts.evaluate(List.of(provider("p", "P", 9, 9, 9, 9)), DEFAULTS).get(0);
        assertThat(all.fingerprint()).isEqualTo("automation|p|guardrail-fail,guardrail-warn,replay-failure");
        Alert failAndReplay = AutomationAlerts.evaluate(List.of(provider("p", "P", 3, 0, 3, 4)), DEFAULTS).get(0);
        assertThat(failAndReplay.fingerprint()).isEqualTo("automation|p|guardrail-fail,replay-failure");
    }

    @Test
    void reasonsListEveryNonZeroCountInOrderEvenBelowItsThreshold() {
        Alert alert = AutomationAlerts.evaluate(List.of(provider("p", "P", 2, 1, 3, 4)), DEFAULTS).get(0);
        assertThat(alert.reasons()).containsExactly("2 guardrail fail(s)", "1 guardrail warn(s)", "3/4 replay failures");
        assertThat(AutomationAlerts.evaluate(List.of(provider("p", "P", 0, 6, 0, 7)), DEFAULTS).get(0).reasons())
                .containsExactly("6 guardrail warn(s)");
        assertThat(AutomationAlerts.reasons(0, 0, 2, 0)).containsExactly("2 replay failure(s)");
        assertThat(AutomationAlerts.reasons(1000, 0, 0, 0)).as("no grouping").containsExactly("1000 guardrail fail(s)");
        assertThat(AutomationAlerts.reasonsText(json("[\"a\", \"b\"]"))).isEqualTo("a, b");
        assertThat(AutomationAlerts.reasonsText(json("[]"))).isEqualTo("Unknown breach");
        assertThat(AutomationAlerts.reasonsText(null)).isEqualTo("Unknown breach");
    }

    @Test
    void alertsFollowTheSnapshotOrderAndABlankNameFallsBackToTheId() {
        List<Alert> alerts = AutomationAlerts.evaluate(List.of(provider("z-1", "Alpha", 3, 0, 0, 0),
                provider("a-2", "Beta", 1, 0, 0, 0), provider("a-3", "  ", 0, 5, 0, 0)), DEFAULTS);
        assertThat(alerts).extracting(Alert::providerId).containsExactly("z-1", "a-3");
        assertThat(alerts.get(1).providerName()).isEqualTo("a-3");
        assertThat(alerts.get(1).digest().get("providerName").asText()).isEqualTo("a-3");
    }

    @Test
    void ruleOverridesKeepTheTopThreeByCountThenIdAndHotspotsKeepEveryService() {
        ObjectNode telemetry = (ObjectNode) json("""
                {"replays": {"total": 0, "failed": 0}, "guardrails": {"evaluated": 9, "pass": 3, "warn": 0, "fail": 3},
                 "guardrailHitsByService": {"svc-b": {"evaluated": 6, "pass": 0, "warn": 0, "fail": 3},
                                            "svc-a": {"evaluated": 3, "pass": 3, "warn": 0, "fail": 0}},
                 "ruleOverridesByService": {
                   "svc-b": {"totalOverrides": 12, "rules": {
                     "r-d": {"id": "r-d", "label": "D", "count": 2}, "r-e": {"id": "r-e", "label": null, "count": 1},
                     "r-b": {"id": "r-b", "label": "B", "count": 5}, "r-c": {"id": "r-c", "label": null, "count": 2},
                     "r-a": {"id": "r-a", "label": "A", "count": 2}}},
                   "svc-a": {"totalOverrides": 0, "rules": {}}}}""");
        ObjectNode digest = AutomationAlerts.evaluate(List.of(new ProviderSnapshot("p", "P", telemetry)), DEFAULTS).get(0).digest();
        assertThat(Json.write(digest.get("ruleOverrides"))).isEqualTo(Json.write(json("""
                {"svc-a": [],
                 "svc-b": [{"id": "r-b", "label": "B", "count": 5}, {"id": "r-a", "label": "A", "count": 2},
                           {"id": "r-c", "label": null, "count": 2}]}""")));
        assertThat(Json.write(digest.get("guardrailHotspots"))).isEqualTo(Json.write(json("""
                {"svc-a": {"fail": 0, "warn": 0, "pass": 3, "evaluated": 3},
                 "svc-b": {"fail": 3, "warn": 0, "pass": 0, "evaluated": 6}}""")));
        assertThat(digest.fieldNames()).toIterable().containsExactly("providerId", "providerName", "reasons", "guardrailFailures",
                "guardrailWarnings", "replayFailures", "replayTotal", "guardrailHotspots", "ruleOverrides");
    }

    @Test
    void theDigestIsACopySoAnAlertCannotBeChangedThroughIt() {
        Alert alert = AutomationAlerts.evaluate(List.of(provider("p", "P", 3, 0, 0, 0)), DEFAULTS).get(0);
        alert.digest().put("providerId", "other");
        assertThat(alert.providerId()).isEqualTo("p");
    }
}
