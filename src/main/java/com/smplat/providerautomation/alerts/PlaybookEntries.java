package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;

/** The playbook's run-summary entries (AL-PB-3, AL-PB-5), with their contractual notes and key order. */
public final class PlaybookEntries {
    public static final String PAUSE_NOTES = "Auto pause triggered by provider automation alerts worker";
    public static final String RESUME_NOTES = "Automation worker resumed provider after guardrails cleared";

    private PlaybookEntries() {
    }

    /** AL-PB-3: an {@code autoPausedProviders} entry for a pause candidate. */
    public static ObjectNode pause(AutomationAlerts.Alert alert, String followUpId) {
        ObjectNode digest = alert.digest();
        ObjectNode entry = Json.MAPPER.createObjectNode()
                .put("providerId", alert.providerId()).put("providerName", alert.providerName())
                .put("action", "pause").put("notes", PAUSE_NOTES)
                .put("guardrailFailures", alert.guardrailFailures()).put("guardrailWarnings", alert.guardrailWarnings())
                .put("replayFailures", alert.replayFailures()).put("replayTotal", alert.replayTotal());
        entry.set("reasons", digest.get("reasons"));
        return entry.put("followUpId", followUpId);
    }

    /**
     * AL-PB-5: an {@code autoResumedProviders} entry. {@code statusProviderName} is the status row's name (the id
     * stands in when it is empty); {@code previousFollowUpId} may be null.
     */
    public static ObjectNode resume(String providerId, String statusProviderName, String followUpId, String previousFollowUpId) {
        boolean noName = statusProviderName == null || statusProviderName.isEmpty();
        return Json.MAPPER.createObjectNode()
                .put("providerId", providerId).put("providerName", noName ? providerId : statusProviderName)
                .put("action", "resume").put("notes", RESUME_NOTES)
                .put("followUpId", followUpId).put("previousFollowUpId", previousFollowUpId);
    }
}
