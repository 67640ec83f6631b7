package com.smplat.providerautomation.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.support.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The alert run's meters, called from {@code routes/alerts-routes.yaml} (the run's result) and
 * {@code routes/alerts-delivery-routes.yaml} (each Slack post and each email). Counters that an operator alerts on are
 * registered at zero, so a rate exists before the first failure. A meter failure never fails a run.
 */
@Component("alertMetrics")
public class AlertMetrics {
    static final String RUNS = "provider.automation.alert.runs";
    static final String RAISED = "provider.automation.alerts.raised";
    static final String NOTIFICATIONS = "provider.automation.notifications";
    static final String PLAYBOOK_ACTIONS = "provider.automation.playbook.actions";
    private static final Logger LOG = LoggerFactory.getLogger(AlertMetrics.class);

    private final MeterRegistry registry;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String channel : List.of("slack", "email")) {
            for (String outcome : List.of("delivered", "failed")) {
                notifications(channel, outcome);
            }
        }
        List.of("automation", "load").forEach(this::raised);
        List.of("pause", "resume").forEach(this::playbook);
        List.of("success", "partial", "failed").forEach(this::runs);
    }

    /**
     * A finished alert run: its body is the run result ({@code summary.status}, counts) or a skipped result. Alerts
     * count when raised, whether or not the cooldown let them into the notification.
     */
    public void runEnded(@Body Object result) {
        try {
            JsonNode json = Json.MAPPER.valueToTree(result);
            if (json.path("skipped").asBoolean(false)) {
                runs("skipped").increment();
                return;
            }
            JsonNode summary = json.path("summary");
            runs(summary.path("status").asText("unknown")).increment();
            raised("automation").increment(summary.path("alerts").asInt(0));
            raised("load").increment(summary.path("loadAlerts").asInt(0));
            playbook("pause").increment(summary.path("autoPaused").asInt(0));
            playbook("resume").increment(summary.path("autoResumed").asInt(0));
        } catch (RuntimeException e) {
            LOG.warn("Alert run metrics not recorded: {}", e.getClass().getSimpleName());
        }
    }

    /** One notification ended: {@code channel} slack or email, {@code outcome} delivered or failed. */
    public void notificationEnded(String channel, String outcome) {
        try {
            notifications(channel, outcome).increment();
        } catch (RuntimeException e) {
            LOG.warn("Notification metric not recorded: {}", e.getClass().getSimpleName());
        }
    }

    private Counter runs(String status) {
        return Counter.builder(RUNS).description("Alert runs by status").tag("status", status).register(registry);
    }

    private Counter raised(String kind) {
        return Counter.builder(RAISED).description("Alerts raised by alert runs, by kind").tag("kind", kind)
                .register(registry);
    }

    private Counter notifications(String channel, String outcome) {
        return Counter.builder(NOTIFICATIONS).description("Alert notifications (Slack posts, emails per recipient)")
                .tag("channel", channel).tag("outcome", outcome).register(registry);
    }

    private Counter playbook(String action) {
        return Counter.builder(PLAYBOOK_ACTIONS).description("Guardrail playbook pauses and resumes")
                .tag("action", action).register(registry);
    }
}
