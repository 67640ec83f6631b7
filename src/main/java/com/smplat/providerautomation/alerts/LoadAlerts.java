package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.smplat.providerautomation.config.AlertSettings;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.RelativeLinks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Load alerts (alerts.md 6): which provider/service takes an unusually large share of a preset's engagements in the
 * short window compared with the long one. {@link #evaluate(List, List, Rules)} is the pure rule; the bean computes
 * the two windows for an instant with the configured rules. Links are relative: the alert run makes them absolute.
 */
@Component("loadAlerts")
public class LoadAlerts {
    /** AL-LOAD-7: a share or delta this close below its threshold still meets it (binary rounding). */
    static final double TOLERANCE = 1e-9;

    /** The clamped thresholds and windows of alerts.md 2.1. */
    public record Rules(int shortWindowDays, int longWindowDays, double shareThreshold, double deltaThreshold,
                        int minEngagements, int maxResults) {

        public static Rules of(AlertSettings settings) {
            return new Rules(settings.shortWindowDays(), settings.longWindowDays(), settings.shareThreshold(),
                    settings.deltaThreshold(), settings.minEngagements(), settings.maxResults());
        }

        /** AL-CFG-5: equal or inverted windows fire nothing. */
        public boolean windowsValid() {
            return shortWindowDays < longWindowDays;
        }
    }

    /** Both complete window aggregations and the alerts fired from them (sorted, truncated to maxResults). */
    public record Evaluation(PressureWindow shortWindow, PressureWindow longWindow, List<LoadAlert> alerts) {

        public ArrayNode alertsJson() {
            return toJson(alerts);
        }
    }

    private final LoadAlertRepository repository;
    private final Rules rules;

    public LoadAlerts(LoadAlertRepository repository, AlertSettings settings) {
        this.repository = repository;
        this.rules = Rules.of(settings);
    }

    public Rules rules() {
        return rules;
    }

    /** The complete pressure map of the window of {@code days} days ending at {@code now}. */
    public PressureWindow window(Instant now, int days) {
        Instant start = now.minus(Duration.ofDays(days));
        return new PressureWindow(days, start, repository.window(start));
    }

    /**
     * The load-alert stage for an alert run at {@code now} (AL-LOAD-9: only the short and the long window). The
     * caller checks {@code PROVIDER_LOAD_ALERT_ENABLED} and {@link Rules#windowsValid()} (AL-CFG-5, AL-RUN-5); with
     * invalid windows the alerts are empty.
     */
    public Evaluation compute(Instant now) {
        PressureWindow shortWindow = window(now, rules.shortWindowDays());
        PressureWindow longWindow = window(now, rules.longWindowDays());
        return new Evaluation(shortWindow, longWindow, evaluate(shortWindow.entries(), longWindow.entries(), rules));
    }

    /**
     * AL-LOAD-6/7/8 over COMPLETE aggregations: every short-window group is a candidate, its baseline the same group of
     * the long window (0.0 and 0 when absent); all comparisons inclusive, shares and deltas with {@link #TOLERANCE}.
     * Sorted by delta then short share (both rounded to 9 places), then preset, provider and service id; truncated
     * only after qualification.
     */
    public static List<LoadAlert> evaluate(List<PressureEntry> shortEntries, List<PressureEntry> longEntries, Rules rules) {
        if (!rules.windowsValid()) {
            return List.of();
        }
        Map<PressureEntry.Key, PressureEntry> baseline = longEntries.stream()
                .collect(Collectors.toMap(PressureEntry::key, Function.identity(), (first, second) -> first));
        return shortEntries.stream()
                .filter(entry -> entry.engagements() >= rules.minEngagements())
                .filter(entry -> atLeast(entry.engagementShare(), rules.shareThreshold()))
                .map(entry -> alert(entry, baseline.get(entry.key()), rules))
                .filter(alert -> atLeast(alert.shareDelta(), rules.deltaThreshold()))
                .sorted(Comparator.comparing((LoadAlert alert) -> rounded(alert.shareDelta())).reversed()
                        .thenComparing(Comparator.comparing((LoadAlert alert) -> rounded(alert.shortShare())).reversed())
                        .thenComparing(LoadAlert::presetId).thenComparing(LoadAlert::providerId)
                        .thenComparing(LoadAlert::serviceId))
                .limit(rules.maxResults())
                .toList();
    }

    public static ArrayNode toJson(List<LoadAlert> alerts) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        alerts.forEach(alert -> list.add(alert.toJson()));
        return list;
    }

    private static LoadAlert alert(PressureEntry recent, PressureEntry baseline, Rules rules) {
        double longShare = baseline == null ? 0.0 : baseline.engagementShare();
        return new LoadAlert(recent.providerId(), recent.providerName(), recent.presetId(), recent.presetLabel(),
                recent.serviceId(), recent.serviceAction(),
                recent.currency() != null ? recent.currency() : baseline == null ? null : baseline.currency(),
                rules.shortWindowDays(), rules.longWindowDays(),
                recent.engagementShare(), longShare, recent.engagementShare() - longShare,
                recent.engagements(), baseline == null ? 0 : baseline.engagements(),
                recent.amountTotal(), baseline == null ? 0.0 : baseline.amountTotal(),
                RelativeLinks.loadAlert(recent.presetId(), recent.providerId()));
    }

    static boolean atLeast(double value, double threshold) {
        return value >= threshold - TOLERANCE;
    }

    /** Exact binary value rounded half-even to 9 places, so rounding noise cannot reorder ties (AL-LOAD-8). */
    private static BigDecimal rounded(double value) {
        return new BigDecimal(value).setScale(9, RoundingMode.HALF_EVEN);
    }
}
