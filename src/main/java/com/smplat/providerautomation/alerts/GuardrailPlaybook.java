package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The guardrail playbook (alerts.md 5): pauses the providers whose alerts breached a pausing condition and resumes
 * the ones the automation paused that have no alert now. Each action commits on its own (AL-PB-0), so a failure
 * part-way keeps and reports what was done (AL-PB-7).
 */
@Component
public class GuardrailPlaybook {
    private static final Logger LOG = LoggerFactory.getLogger(GuardrailPlaybook.class);

    /** One action taken, with whether the provider is paused after it (for the AL-PB-8 message). */
    public record Action(ObjectNode entry, boolean nowPaused) {
    }

    /** What the playbook did; {@code errorCode} is set when it stopped part-way. */
    public record Result(List<Action> paused, List<Action> resumed, String errorCode) {
    }

    private final FollowUpRepository followUps;

    public GuardrailPlaybook(FollowUpRepository followUps) {
        this.followUps = followUps;
    }

    /** Never call it without a snapshot: "no alerts" would then resume every auto-paused provider (AL-PB-6). */
    public Result run(List<AutomationAlerts.Alert> alerts) {
        List<Action> paused = new ArrayList<>();
        List<Action> resumed = new ArrayList<>();
        try {
            List<AutomationAlerts.Alert> candidates = alerts.stream().filter(AutomationAlerts.Alert::pauseCandidate)
                    .sorted(Comparator.comparing(AutomationAlerts.Alert::providerId)).toList();
            for (AutomationAlerts.Alert alert : candidates) {
                if (followUps.status(alert.providerId()).map(FollowUpRepository.Status::paused).orElse(false)) {
                    continue; // already paused, by an operator or by us: never overwritten, never duplicated
                }
                FollowUpRepository.Recorded recorded = followUps.record(new FollowUpRepository.FollowUp(alert.providerId(),
                        alert.providerName(), "pause", PlaybookEntries.PAUSE_NOTES, null, null, null, null, "automation"));
                paused.add(new Action(PlaybookEntries.pause(alert, recorded.followUpId().toString()), recorded.status().paused()));
            }
            Set<String> alerted = alerts.stream().map(AutomationAlerts.Alert::providerId).collect(Collectors.toSet());
            for (FollowUpRepository.Status status : followUps.pausedByAutomation()) {
                if (alerted.contains(status.providerId())) {
                    continue;
                }
                String name = status.providerName() == null || status.providerName().isEmpty() ? status.providerId() : status.providerName();
                FollowUpRepository.Recorded recorded = followUps.record(new FollowUpRepository.FollowUp(status.providerId(),
                        name, "resume", PlaybookEntries.RESUME_NOTES, null, null, null, null, "automation"));
                resumed.add(new Action(PlaybookEntries.resume(status.providerId(), name, recorded.followUpId().toString(),
                        status.lastFollowUpId() == null ? null : status.lastFollowUpId().toString()), recorded.status().paused()));
            }
            return new Result(paused, resumed, null);
        } catch (RuntimeException e) {
            LOG.error("Guardrail playbook stopped after {} pause(s) and {} resume(s): {}", paused.size(), resumed.size(),
                    e.getClass().getSimpleName());
            return new Result(paused, resumed, "database-error");
        }
    }
}
