package com.smplat.providerautomation.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadAlertsTest {
    static final LoadAlerts.Rules DEFAULTS = new LoadAlerts.Rules(7, 90, 0.6, 0.2, 10, 25);

    /** A group with {@code engagements} at 50.00 each, in USD. */
    static PressureEntry entry(String preset, String provider, String service, int engagements, double share) {
        return new PressureEntry(preset, preset + " label", provider, provider + " name", service, service + "_action",
                "USD", engagements, engagements * 50.0, share);
    }

    static List<LoadAlert> evaluate(List<PressureEntry> recent, List<PressureEntry> baseline, LoadAlerts.Rules rules) {
        return LoadAlerts.evaluate(recent, baseline, rules);
    }

    @Test
    void theSpecExampleFiresForBetaOnlyWithTheSpecObject() throws Exception {
        List<PressureEntry> recent = List.of(
                new PressureEntry("preset-growth", "Growth Sprint", "prov-beta", "Beta Ops", "svc-qa", "qa_support", "USD", 12, 600.0, 0.75),
                new PressureEntry("preset-growth", "Growth Sprint", "prov-gamma", "Gamma Supply", "svc-qa", "qa_support", "USD", 4, 160.0, 0.25));
        List<PressureEntry> baseline = List.of(
                new PressureEntry("preset-growth", "Growth Sprint", "prov-gamma", "Gamma Supply", "svc-qa", "qa_support", "USD", 48, 1920.0, 0.6),
                new PressureEntry("preset-growth", "Growth Sprint", "prov-beta", "Beta Ops", "svc-qa", "qa_support", "USD", 32, 1600.0, 0.4));

        List<LoadAlert> alerts = evaluate(recent, baseline, DEFAULTS);

        assertThat(alerts).hasSize(1);
        var json = alerts.get(0).toJson();
        assertThat(json.fieldNames()).toIterable().containsExactly("providerId", "providerName", "presetId", "presetLabel",
                "serviceId", "serviceAction", "currency", "shortWindowDays", "longWindowDays", "shortShare", "longShare",
                "shareDelta", "shortEngagements", "longEngagements", "shortAmountTotal", "longAmountTotal", "links");
        assertThat(json.get("shareDelta").asDouble()).isCloseTo(0.35, within(1e-9));
        json.put("shareDelta", 0.35);
        // doubles on both sides (the shared mapper reads decimals as BigDecimal)
        ObjectMapper doubles = new ObjectMapper();
        assertThat(doubles.readTree(json.toString())).isEqualTo(doubles.readTree("""
                {"providerId": "prov-beta", "providerName": "Beta Ops", "presetId": "preset-growth", "presetLabel": "Growth Sprint",
                 "serviceId": "svc-qa", "serviceAction": "qa_support", "currency": "USD", "shortWindowDays": 7, "longWindowDays": 90,
                 "shortShare": 0.75, "longShare": 0.4, "shareDelta": 0.35, "shortEngagements": 12, "longEngagements": 32,
                 "shortAmountTotal": 600.0, "longAmountTotal": 1600.0,
                 "links": {"merchandising": "/admin/merchandising?presetId=preset-growth",
                           "fulfillment": "/admin/fulfillment/providers?providerId=prov-beta",
                           "orders": "/admin/orders?presetId=preset-growth&providerId=prov-beta"}}"""));
        assertThat(json.get("links").fieldNames()).toIterable().containsExactly("merchandising", "fulfillment", "orders");
    }

    @Test
    void shareExactlyAtTheThresholdFiresAndJustBelowDoesNot() {
        assertThat(evaluate(List.of(entry("p", "a", "s", 10, 6.0 / 10)), List.of(), DEFAULTS)).hasSize(1);
        assertThat(evaluate(List.of(entry("p", "a", "s", 10, 0.6 - 1e-9 / 2)), List.of(), DEFAULTS)).as("within tolerance").hasSize(1);
        assertThat(evaluate(List.of(entry("p", "a", "s", 10, 0.6 - 1e-6)), List.of(), DEFAULTS)).isEmpty();
    }

    @Test
    void deltaExactlyAtTheThresholdFiresDespiteBinaryRounding() {
        double delta = 1.0 - 0.8;
        assertThat(delta).as("the legacy miss").isLessThan(0.2);
        List<LoadAlert> alerts = evaluate(List.of(entry("p", "a", "s", 10, 1.0)), List.of(entry("p", "a", "s", 40, 0.8)), DEFAULTS);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).shareDelta()).as("unrounded").isEqualTo(delta);
        assertThat(evaluate(List.of(entry("p", "a", "s", 10, 1.0)), List.of(entry("p", "a", "s", 40, 0.8 + 1e-6)), DEFAULTS)).isEmpty();
    }

    @Test
    void minimumEngagementsIsInclusive() {
        assertThat(evaluate(List.of(entry("p", "a", "s", 10, 1.0)), List.of(), DEFAULTS)).hasSize(1);
        assertThat(evaluate(List.of(entry("p", "a", "s", 9, 1.0)), List.of(), DEFAULTS)).isEmpty();
    }

    @Test
    void anAbsentBaselineIsZeroAndTheLongCurrencyFillsAMissingShortOne() {
        LoadAlert alert = evaluate(List.of(new PressureEntry("p", null, "a", null, "s", null, null, 12, 0.0, 0.9)),
                List.of(entry("other", "a", "s", 50, 1.0)), DEFAULTS).get(0);
        assertThat(alert.longShare()).isEqualTo(0.0);
        assertThat(alert.longEngagements()).isZero();
        assertThat(alert.longAmountTotal()).isEqualTo(0.0);
        assertThat(alert.shareDelta()).isEqualTo(0.9);
        assertThat(alert.currency()).isNull();

        LoadAlert withBaseline = evaluate(List.of(new PressureEntry("p", null, "a", null, "s", null, null, 12, 0.0, 0.9)),
                List.of(new PressureEntry("p", null, "a", null, "s", null, "EUR", 20, 100.0, 0.5)), DEFAULTS).get(0);
        assertThat(withBaseline.currency()).isEqualTo("EUR");
        assertThat(withBaseline.longEngagements()).isEqualTo(20);
        assertThat(withBaseline.longAmountTotal()).isEqualTo(100.0);
    }

    @Test
    void aBaselineFarDownTheCompleteListStillCountsAndTruncationComesLast() {
        List<PressureEntry> baseline = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            baseline.add(entry("busy-" + i, "x", "s", 1000 - i, 1.0));
        }
        baseline.add(entry("p", "a", "s", 80, 0.7));
        assertThat(evaluate(List.of(entry("p", "a", "s", 20, 0.8)), baseline, DEFAULTS))
                .as("delta 0.1 against the real baseline, not 0.8 against a missing one").isEmpty();

        List<PressureEntry> recent = List.of(entry("p1", "a", "s", 10, 0.7), entry("p2", "a", "s", 10, 0.9),
                entry("p3", "a", "s", 10, 0.8), entry("p4", "a", "s", 10, 0.5));
        LoadAlerts.Rules two = new LoadAlerts.Rules(7, 90, 0.6, 0.2, 10, 2);
        assertThat(evaluate(recent, List.of(), two)).extracting(LoadAlert::presetId).containsExactly("p2", "p3");
        assertThat(evaluate(recent, List.of(), DEFAULTS)).extracting(LoadAlert::presetId).containsExactly("p2", "p3", "p1");
    }

    @Test
    void tiesGoByShortShareThenIdsAfterRoundingToNineDecimals() {
        // equal deltas up to binary noise: 0.9 - 0.6 and 0.7 - 0.4 differ in the last bits
        assertThat(0.9 - 0.6).isNotEqualTo(0.7 - 0.4);
        List<PressureEntry> recent = List.of(
                entry("p-b", "a", "s", 10, 0.7), entry("p-a", "a", "s", 10, 0.9),
                entry("p-c", "b", "s", 10, 0.7), entry("p-c", "a", "s2", 10, 0.7), entry("p-c", "a", "s1", 10, 0.7));
        List<PressureEntry> baseline = List.of(
                entry("p-b", "a", "s", 10, 0.4), entry("p-a", "a", "s", 10, 0.6),
                entry("p-c", "b", "s", 10, 0.4), entry("p-c", "a", "s2", 10, 0.4), entry("p-c", "a", "s1", 10, 0.4));

        assertThat(evaluate(recent, baseline, DEFAULTS)).extracting(a -> a.presetId() + "/" + a.providerId() + "/" + a.serviceId())
                .containsExactly("p-a/a/s", "p-b/a/s", "p-c/a/s1", "p-c/a/s2", "p-c/b/s");

        List<PressureEntry> larger = List.of(entry("p-z", "a", "s", 10, 0.65), entry("p-y", "a", "s", 10, 1.0));
        assertThat(evaluate(larger, List.of(entry("p-y", "a", "s", 10, 0.2)), DEFAULTS)).extracting(LoadAlert::presetId)
                .as("0.8 delta before 0.65").containsExactly("p-y", "p-z");
    }

    @Test
    void equalOrInvertedWindowsFireNothing() {
        List<PressureEntry> recent = List.of(entry("p", "a", "s", 10, 1.0));
        assertThat(evaluate(recent, List.of(), new LoadAlerts.Rules(30, 30, 0.6, 0.2, 10, 25))).isEmpty();
        assertThat(evaluate(recent, List.of(), new LoadAlerts.Rules(90, 7, 0.6, 0.2, 10, 25))).isEmpty();
    }
}
