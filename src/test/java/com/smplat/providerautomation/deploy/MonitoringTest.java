package com.smplat.providerautomation.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart's PrometheusRule and the Grafana dashboard ask only for the domain metrics the service exports (the names
 * agreed for issue 14, listed in docs/operations.md) and for standard ones, in well-formed expressions.
 */
class MonitoringTest {
    static final Set<String> DOMAIN_METRICS = Set.of(
            "provider_automation_replay_entries_total", "provider_automation_replay_batch_duration_seconds",
            "provider_automation_replay_backlog_entries", "provider_automation_replay_oldest_due_age_seconds",
            "provider_automation_alert_runs_total", "provider_automation_alerts_raised_total",
            "provider_automation_notifications_total", "provider_automation_playbook_actions_total",
            "provider_automation_export_runs_total", "provider_automation_export_rows_total",
            "provider_automation_export_pages_total", "provider_automation_export_bytes_total",
            "provider_automation_export_cursor_lag_seconds", "provider_automation_export_last_success_timestamp_seconds",
            "provider_automation_scheduler_running");
    /** Series of a timer beside its name. */
    private static final List<String> TIMER_SERIES = List.of("", "_count", "_sum", "_max", "_bucket");
    private static final Pattern METRIC = Pattern.compile("\\b(provider_automation_[a-z0-9_]+|http_server_[a-z0-9_]+|application_[a-z0-9_]+|kube_[a-z0-9_]+|up)\\s*[{\\[]");
    private static final Set<String> STANDARD = Set.of("up", "application_ready_time_seconds", "http_server_requests_seconds_count",
            "http_server_requests_seconds_max", "kube_deployment_spec_replicas", "kube_deployment_status_replicas_available",
            "kube_cronjob_status_last_successful_time");

    @Test
    void thePrometheusRuleRaisesTheAlertsAnOperatorNeeds() {
        JsonNode rule = HelmChart.render(null, Map.of("prometheusRule.enabled", true, "settings.GUARDRAIL_EXPORT_ENABLED", "true",
                "cronJobs.exportProviderAutomationRuns.enabled", true)).ofKind("PrometheusRule").get(0);
        List<JsonNode> rules = new ArrayList<>();
        rule.at("/spec/groups/0/rules").forEach(rules::add);
        assertThat(rules).extracting(r -> r.path("alert").asText()).containsExactlyInAnyOrder("ProviderAutomationExportStale",
                "ProviderAutomationCronJobStale", "ProviderAutomationReplayFailureRate", "ProviderAutomationNotificationDeliveryFailures",
                "ProviderAutomationSchedulerNotRunning", "ProviderAutomationInstanceNotReady", "ProviderAutomationInstanceDown");
        JsonNode stale = rules.stream().filter(r -> r.path("alert").asText().equals("ProviderAutomationExportStale")).findFirst().orElseThrow();
        // two intervals of the hourly default schedule, on the follow-up export only (the run-history one is a CronJob here)
        assertThat(stale.path("expr").asText()).contains("pipeline=\"follow-ups\"").endsWith("> 7200");
        for (JsonNode each : rules) {
            assertWellFormed(each.path("expr").asText());
        }
        assertThat(metricNames(rule.toString())).isNotEmpty().allSatisfy(MonitoringTest::assertKnown);
    }

    @Test
    void monitoringResourcesAreOptionalAndOffByDefault() {
        HelmChart.Manifests defaults = HelmChart.render(null);
        assertThat(defaults.ofKind("PrometheusRule")).isEmpty();
        assertThat(defaults.ofKind("ServiceMonitor")).isEmpty();
        JsonNode rule = HelmChart.render(null, Map.of("prometheusRule.enabled", true)).ofKind("PrometheusRule").get(0);
        assertThat(rule.toString()).doesNotContain("ExportStale").doesNotContain("CronJobStale");
    }

    @Test
    void theDashboardGraphsEveryDomainMetricAndOnlyKnownOnes() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Path.of("deploy/grafana/provider-automation.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        Set<Integer> ids = new HashSet<>();
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel id %s", panel.path("id")).isTrue();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertWellFormed(expr);
                used.addAll(metricNames(expr));
            }
        }
        assertThat(used).allSatisfy(MonitoringTest::assertKnown);
        Set<String> graphed = new TreeSet<>();
        used.forEach(name -> graphed.add(TIMER_SERIES.stream().filter(s -> !s.isEmpty() && name.endsWith(s))
                .findFirst().map(s -> name.substring(0, name.length() - s.length())).orElse(name)));
        assertThat(graphed).containsAll(DOMAIN_METRICS);
    }

    private static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        METRIC.matcher(text).results().forEach(m -> names.add(m.group(1)));
        return names;
    }

    private static void assertKnown(String name) {
        boolean domain = TIMER_SERIES.stream().anyMatch(suffix -> name.endsWith(suffix)
                && DOMAIN_METRICS.contains(name.substring(0, name.length() - suffix.length())));
        assertThat(domain || STANDARD.contains(name)).as("metric %s is neither agreed nor standard", name).isTrue();
    }

    private static void assertWellFormed(String expr) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += "({[".indexOf(c) >= 0 ? 1 : ")}]".indexOf(c) >= 0 ? -1 : 0;
            assertThat(depth).as(expr).isNotNegative();
        }
        assertThat(depth).as("unbalanced: %s", expr).isZero();
    }
}
