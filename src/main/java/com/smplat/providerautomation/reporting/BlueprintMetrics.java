package com.smplat.providerautomation.reporting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.alerts.LoadAlerts;
import com.smplat.providerautomation.alerts.PressureWindow;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The blueprint metrics report (alerts.md 7): adoption over {@code window_days}, the preset pressure map over the
 * fixed windows, and the load alerts with the CONFIGURED rules (AL-REP-6), whatever PROVIDER_LOAD_ALERT_ENABLED says.
 */
@Component("blueprintMetrics")
public class BlueprintMetrics {
    private final BlueprintMetricsRepository repository;
    private final LoadAlerts loadAlerts;

    public BlueprintMetrics(BlueprintMetricsRepository repository, LoadAlerts loadAlerts) {
        this.repository = repository;
        this.loadAlerts = loadAlerts;
    }

    /** The response body; the route has validated every value. */
    public ObjectNode report(int windowDays, int optionLimit, int addOnLimit, int providerLimit, int presetLimit) {
        return reportAt(Timestamps.now(), windowDays, optionLimit, addOnLimit, providerLimit, presetLimit);
    }

    /** The report as of {@code now}: every window derives from this one instant. */
    public ObjectNode reportAt(Instant now, int windowDays, int optionLimit, int addOnLimit, int providerLimit,
                               int presetLimit) {
        Instant start = now.minus(Duration.ofDays(windowDays));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("window").put("days", windowDays).put("start", Timestamps.canonical(start));
        body.set("orders", repository.orders(start));
        body.putArray("options").addAll(repository.options(start, optionLimit));
        body.putArray("addOns").addAll(repository.addOns(start, addOnLimit));
        body.putArray("providerEngagements").addAll(repository.providerEngagements(start, providerLimit));
        body.putArray("presets").addAll(repository.presets(start, presetLimit));

        // AL-REP-4: {7, 30, 90} plus the configured load-alert windows, ascending; each aggregated once and complete
        LoadAlerts.Rules rules = loadAlerts.rules();
        Map<Integer, PressureWindow> windows = new LinkedHashMap<>();
        new TreeSet<>(List.of(7, 30, 90, rules.shortWindowDays(), rules.longWindowDays()))
                .forEach(days -> windows.put(days, loadAlerts.window(now, days)));
        ObjectNode pressure = body.putObject("presetProviderEngagements").put("generatedAt", Timestamps.canonical(now));
        ObjectNode windowNodes = pressure.putObject("windows");
        windows.forEach((days, window) -> windowNodes.set(String.valueOf(days), window.toJson(providerLimit)));

        body.set("providerLoadAlerts", LoadAlerts.toJson(LoadAlerts.evaluate(windows.get(rules.shortWindowDays()).entries(),
                windows.get(rules.longWindowDays()).entries(), rules)));
        return body;
    }
}
