package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.config.AlertSettings;
import com.smplat.providerautomation.history.AutomationSnapshot;
import com.smplat.providerautomation.history.RunHistoryRepository;
import com.smplat.providerautomation.history.RunRecord;
import com.smplat.providerautomation.history.RunType;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One alert run (alerts.md 8.2): snapshot, load alerts, automation alerts, playbook, enrichment, cooldown,
 * notification, then the summary (11.1) and the history row (11.4). Every stage is isolated (8.4): a failing stage
 * adds an {@code errors} entry with a sanitised code and the run goes on.
 *
 * <p>The I/O of the stages that leave the database (load alerts, workflow telemetry, delivery) comes in through
 * {@link Stages}, so the route wiring decides where it goes and tests can drive each stage.
 */
public class AlertRun {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRun.class);

    /** The stages with I/O outside the snapshot and follow-up tables. */
    public interface Stages {
        /** The fired load alerts in 6.3 order, as 6.4 objects with relative links. */
        List<ObjectNode> loadAlerts(Instant now);

        /** The workflow telemetry object, or empty (any failure included: AL-RUN-7). */
        Optional<JsonNode> workflowTelemetry();

        /** Delivers the run notification; returns {@code notificationDelivery}, errors and whether a channel delivered. */
        DeliveryReport deliver(boolean dispatched, AlertMessages.Content content);

        /** Posts one AL-PB-8 follow-up message; failures are the implementation's to log. */
        void postFollowUp(JsonNode actionEntry, boolean nowPaused);
    }

    private final AlertSettings settings;
    private final AutomationSnapshot snapshot;
    private final GuardrailPlaybook playbook;
    private final NotificationStateRepository notificationState;
    private final RunHistoryRepository history;

    public AlertRun(AlertSettings settings, AutomationSnapshot snapshot, GuardrailPlaybook playbook,
                    NotificationStateRepository notificationState, RunHistoryRepository history) {
        this.settings = settings;
        this.snapshot = snapshot;
        this.playbook = playbook;
        this.notificationState = notificationState;
        this.history = history;
    }

    /** Runs every stage and records the run; returns {@code {"ranAt", "summary", "metadata": null}}. */
    public ObjectNode run(Stages stages) {
        Instant now = Timestamps.now();
        List<ObjectNode> errors = new ArrayList<>();
        StageTimer timer = new StageTimer();

        List<AutomationAlerts.Alert> alerts = List.of();
        boolean snapshotOk = true;
        try {
            alerts = AutomationAlerts.evaluate(snapshot.providers(settings.snapshotLimit()),
                    AutomationAlerts.Thresholds.of(settings));
        } catch (RuntimeException e) {
            snapshotOk = false;
            errors.add(error("snapshot", code(e)));
            LOG.error("Alert run: the snapshot stage failed ({})", e.getClass().getSimpleName());
        }
        timer.lap("snapshot");

        List<ObjectNode> loadDigest = new ArrayList<>();
        boolean loadStageRan = false;
        if (!settings.loadAlertsEnabled()) {
            // AL-RUN-5: the stage is simply absent
        } else if (!settings.loadWindowsValid()) {
            errors.add(error("loadAlerts", "invalid-window-configuration"));
        } else {
            try {
                for (ObjectNode loadAlert : stages.loadAlerts(now)) {
                    loadDigest.add(LoadAlertLinks.digest(loadAlert, settings.frontendUrl()));
                }
                loadStageRan = true;
            } catch (RuntimeException e) {
                loadDigest.clear();
                errors.add(error("loadAlerts", code(e)));
                LOG.error("Alert run: the load-alert stage failed ({})", e.getClass().getSimpleName());
            }
        }
        timer.lap("loadAlerts");

        GuardrailPlaybook.Result actions = new GuardrailPlaybook.Result(List.of(), List.of(), null);
        if (snapshotOk) {
            actions = playbook.run(alerts);
            if (actions.errorCode() != null) {
                errors.add(error("guardrailPlaybook", actions.errorCode()));
            }
            if (settings.slackWebhookUrl().isPresent() && !settings.slackWebhookMalformed()) {
                actions.paused().forEach(action -> stages.postFollowUp(action.entry(), action.nowPaused()));
                actions.resumed().forEach(action -> stages.postFollowUp(action.entry(), action.nowPaused()));
            }
        }

        timer.lap("playbook");
        Optional<JsonNode> workflowTelemetry = settings.workflowTelemetryUrl().isPresent()
                ? stages.workflowTelemetry() : Optional.empty();

        // cooldown (9): suppressed alerts stay in the digests, they only leave the message
        List<NotificationStateRepository.Fingerprint> fired = new ArrayList<>();
        Set<String> fingerprints = new LinkedHashSet<>();
        for (AutomationAlerts.Alert alert : alerts) {
            if (fingerprints.add(alert.fingerprint())) {
                fired.add(new NotificationStateRepository.Fingerprint(alert.fingerprint(), "automation", alert.providerId(), null, null));
            }
        }
        for (ObjectNode load : loadDigest) {
            String fingerprint = LoadAlertLinks.fingerprint(load);
            if (fingerprints.add(fingerprint)) {
                fired.add(new NotificationStateRepository.Fingerprint(fingerprint, "load", load.path("providerId").asText(),
                        load.path("presetId").asText(null), load.path("serviceId").asText(null)));
            }
        }
        Map<String, Instant> lastNotified = Map.of();
        try {
            lastNotified = notificationState.seen(fired, now);
        } catch (RuntimeException e) {
            LOG.error("Alert run: the cooldown state could not be read ({}); every alert counts as notifiable",
                    e.getClass().getSimpleName());
        }
        Set<String> notifiable = new LinkedHashSet<>();
        for (String fingerprint : fingerprints) {
            Instant last = lastNotified.get(fingerprint);
            if (last == null || Duration.between(last, now).getSeconds() >= settings.cooldownSeconds()) {
                notifiable.add(fingerprint);
            }
        }
        List<JsonNode> notifiableAlerts = new ArrayList<>();
        Set<String> included = new LinkedHashSet<>();
        for (AutomationAlerts.Alert alert : alerts) {
            if (notifiable.contains(alert.fingerprint()) && included.add(alert.fingerprint())) {
                notifiableAlerts.add(alert.digest());
            }
        }
        List<JsonNode> notifiableLoads = new ArrayList<>();
        for (ObjectNode load : loadDigest) {
            String fingerprint = LoadAlertLinks.fingerprint(load);
            if (notifiable.contains(fingerprint) && included.add(fingerprint)) {
                notifiableLoads.add(load);
            }
        }
        List<JsonNode> pausedEntries = actions.paused().stream().map(a -> (JsonNode) a.entry()).toList();
        List<JsonNode> resumedEntries = actions.resumed().stream().map(a -> (JsonNode) a.entry()).toList();
        AlertMessages.Content content = new AlertMessages.Content(notifiableAlerts, notifiableLoads, pausedEntries,
                resumedEntries, workflowTelemetry.orElse(null), settings.frontendUrl());
        boolean due = content.notificationDue();
        timer.lap("cooldown");
        DeliveryReport delivery = stages.deliver(due, content);
        timer.lap("notification");
        errors.addAll(delivery.errors());
        if (due && delivery.delivered()) {
            try {
                notificationState.notified(List.copyOf(included), now);
            } catch (RuntimeException e) {
                LOG.error("Alert run: the cooldown state could not be written ({})", e.getClass().getSimpleName());
            }
        }

        boolean failed = !snapshotOk && !loadStageRan;
        String status = failed ? "failed" : errors.isEmpty() ? "success" : "partial";
        ArrayNode alertsDigest = Json.MAPPER.createArrayNode();
        alerts.forEach(alert -> alertsDigest.add(alert.digest()));
        ArrayNode loadAlertsDigest = Json.MAPPER.createArrayNode();
        loadDigest.forEach(loadAlertsDigest::add);
        ArrayNode autoPaused = Json.MAPPER.createArrayNode();
        pausedEntries.forEach(autoPaused::add);
        ArrayNode autoResumed = Json.MAPPER.createArrayNode();
        resumedEntries.forEach(autoResumed::add);
        int alertsSent = due ? notifiableAlerts.size() : 0;
        int loadsSent = due ? notifiableLoads.size() : 0;

        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("alerts", alertsDigest.size());
        summary.put("alertsSent", alertsSent);
        summary.put("alertsSuppressed", alertsDigest.size() - notifiableAlerts.size());
        summary.set("alertsDigest", alertsDigest);
        summary.put("loadAlerts", loadAlertsDigest.size());
        summary.put("loadAlertsSent", loadsSent);
        summary.put("loadAlertsSuppressed", loadAlertsDigest.size() - notifiableLoads.size());
        summary.set("loadAlertsDigest", loadAlertsDigest);
        summary.put("autoPaused", autoPaused.size());
        summary.put("autoResumed", autoResumed.size());
        summary.set("autoPausedProviders", autoPaused);
        summary.set("autoResumedProviders", autoResumed);
        workflowTelemetry.ifPresent(telemetry -> summary.set("workflowTelemetry", telemetry));
        summary.set("notificationDelivery", delivery.notificationDelivery());
        ArrayNode errorList = summary.putArray("errors");
        errors.forEach(errorList::add);
        summary.put("status", status);

        ObjectNode metadata = Json.MAPPER.createObjectNode();
        metadata.set("alertsDigest", alertsDigest.deepCopy());
        metadata.set("loadAlertsDigest", loadAlertsDigest.deepCopy());
        metadata.set("autoPausedProviders", autoPaused.deepCopy());
        metadata.set("autoResumedProviders", autoResumed.deepCopy());
        workflowTelemetry.ifPresent(telemetry -> metadata.set("workflowTelemetry", telemetry.deepCopy()));

        RunRecord record = new RunRecord(UUID.randomUUID(), RunType.ALERT, status, summary, metadata, null, null,
                alertsSent, Timestamps.now());
        try {
            history.insert(record);
        } catch (RuntimeException e) {
            LOG.error("Alert run: the history row could not be written ({})", e.getClass().getSimpleName());
        }
        timer.lap("record");
        LOG.info("Alert run {}: {} alert(s), {} load alert(s); stage times {}", status, alertsDigest.size(),
                loadAlertsDigest.size(), timer);
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("ranAt", Timestamps.canonical(record.createdAt()));
        result.set("summary", summary);
        result.set("metadata", Json.MAPPER.nullNode());
        return result;
    }

    /** Milliseconds per stage, for the log line that operations and the alert benchmark read. */
    private static final class StageTimer {
        private final Map<String, Long> laps = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.put(stage, (now - last) / 1_000_000);
            last = now;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            laps.forEach((stage, ms) -> text.append(text.length() == 0 ? "" : " ").append(stage).append('=').append(ms).append("ms"));
            return text.toString();
        }
    }

    static ObjectNode error(String stage, String code) {
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.put("stage", stage);
        error.put("code", code);
        return error;
    }

    /** A sanitised code: the exception's kind, never its message (AL-SEC-2). */
    static String code(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException || t instanceof org.springframework.dao.DataAccessException) {
                return "database-error";
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return "timeout";
            }
            if (t instanceof java.net.ConnectException) {
                return "connection-error";
            }
        }
        return "internal-error";
    }

    static Map<String, Object> skipped(String reason) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("alertsSent", 0);
        result.put("skipped", true);
        result.put("reason", reason);
        return result;
    }
}
