package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.config.AlertSettings;
import com.smplat.providerautomation.history.AutomationSnapshot;
import com.smplat.providerautomation.history.RunHistoryRepository;
import com.smplat.providerautomation.support.AdvisoryLocks;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts alert runs (alerts.md 8.1, 8.5): the enabled flag for scheduled runs, the cluster-wide lock for all of
 * them, and the stages with I/O: load alerts, workflow telemetry (route {@code workflow-telemetry}), delivery.
 */
@Component("alertRuns")
public class AlertRuns {
    static final String PIPELINE_LOCK = "provider-automation:alert-run";
    private static final Logger LOG = LoggerFactory.getLogger(AlertRuns.class);

    /** Who started the run. */
    public enum Trigger { schedule, manual, command }

    private final AlertSettings settings;
    private final AdvisoryLocks locks;
    private final AlertRun run;
    private final LoadAlerts loadAlerts;
    private final EnrichmentRepository enrichment;
    private final NotificationDelivery delivery;
    private final ProducerTemplate producer;

    public AlertRuns(AlertSettings settings, AdvisoryLocks locks, AutomationSnapshot snapshot, GuardrailPlaybook playbook,
                     NotificationStateRepository notificationState, RunHistoryRepository history, LoadAlerts loadAlerts,
                     EnrichmentRepository enrichment, NotificationDelivery delivery, ProducerTemplate producer) {
        this.settings = settings;
        this.locks = locks;
        this.run = new AlertRun(settings, snapshot, playbook, notificationState, history);
        this.loadAlerts = loadAlerts;
        this.enrichment = enrichment;
        this.delivery = delivery;
        this.producer = producer;
    }

    /** The run's status, or a skipped result for a scheduled firing that did not run. */
    public Object start(@Header("alertTrigger") String triggerName) {
        Trigger trigger = triggerName == null ? Trigger.manual : Trigger.valueOf(triggerName);
        if (trigger == Trigger.schedule && !settings.workerEnabled()) {
            return AlertRun.skipped("disabled");
        }
        Optional<AdvisoryLocks.Lease> lease = locks.tryAcquire(PIPELINE_LOCK);
        if (lease.isEmpty()) {
            return switch (trigger) {
                case schedule -> AlertRun.skipped("already-running");
                case manual -> throw new ServiceException(ServiceException.Kind.CONFLICT, "Alert evaluation already running");
                case command -> throw new IllegalStateException("an alert evaluation is already running");
            };
        }
        try (AdvisoryLocks.Lease held = lease.get()) {
            return run.run(new Stages());
        }
    }

    /** The command's exit: 0 for success or partial, 1 for failed (AL-RUN-3). */
    public static boolean failed(JsonNode result) {
        return "failed".equals(result.path("summary").path("status").asText());
    }

    private final class Stages implements AlertRun.Stages {
        @Override
        public List<ObjectNode> loadAlerts(Instant now) {
            List<ObjectNode> alerts = new ArrayList<>();
            loadAlerts.compute(now).alerts().forEach(alert -> alerts.add(alert.toJson()));
            return alerts;
        }

        @Override
        public Optional<JsonNode> workflowTelemetry() {
            try {
                return Optional.ofNullable(producer.send("direct:workflow-telemetry", exchange -> { })
                        .getProperty(WorkflowTelemetry.RESULT, JsonNode.class));
            } catch (RuntimeException e) {
                LOG.warn("Workflow telemetry unavailable: {}", e.getClass().getSimpleName());
                return Optional.empty();
            }
        }

        @Override
        public DeliveryReport deliver(boolean dispatched, AlertMessages.Content content) {
            String email = null;
            String slack = null;
            if (dispatched) {
                email = AlertMessages.emailBody(content);
                List<String> providers = content.alerts().stream().map(a -> a.path("providerId").asText()).toList();
                slack = Json.write(AlertMessages.slackPayload(AlertMessages.slackText(content,
                        safely(() -> enrichment.platformContexts(providers), java.util.Map.of()),
                        safely(enrichment::conversions, List.of())), settings.slackChannel()));
            }
            return delivery.deliver(dispatched, AlertMessages.EMAIL_SUBJECT, email, slack);
        }

        @Override
        public void postFollowUp(JsonNode actionEntry, boolean nowPaused) {
            delivery.postFollowUp(Json.write(AlertMessages.slackPayload(
                    AlertMessages.followUpText(actionEntry, nowPaused, settings.frontendUrl()), settings.slackChannel())));
        }
    }

    /** An enrichment lookup that fails drops only its message section (AL-RUN-11). */
    private static <T> T safely(java.util.function.Supplier<T> lookup, T fallback) {
        try {
            return lookup.get();
        } catch (RuntimeException e) {
            LOG.warn("Alert message enrichment skipped: {}", e.getClass().getSimpleName());
            return fallback;
        }
    }
}
