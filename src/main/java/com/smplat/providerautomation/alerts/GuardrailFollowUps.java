package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import com.smplat.providerautomation.support.Timestamps;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/** Records an operator's guardrail follow-up (exports.md 3.1): the follow-up row and the provider's status row. */
@Component("guardrailFollowUps")
public class GuardrailFollowUps {
    private final FollowUpRepository repository;

    public GuardrailFollowUps(FollowUpRepository repository) {
        this.repository = repository;
    }

    /** {@code {"entry", "status", "providerTelemetry"}}; provider telemetry is not part of this service (null). */
    public ObjectNode record(@Body String body) {
        FollowUpRepository.FollowUp followUp = FollowUpRequest.parse(body);
        if (!repository.providerExists(followUp.providerId())) {
            throw ServiceException.notFound("Provider not found");
        }
        FollowUpRepository.Recorded recorded = repository.record(followUp);
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("id", recorded.followUpId().toString());
        entry.put("providerId", followUp.providerId());
        entry.put("providerName", followUp.providerName());
        entry.put("action", followUp.action());
        entry.put("notes", followUp.notes());
        entry.set("platformContext", followUp.platformContext() == null ? Json.MAPPER.nullNode() : followUp.platformContext());
        entry.set("attachments", followUp.attachments() == null ? Json.MAPPER.nullNode() : followUp.attachments());
        entry.put("conversionCursor", followUp.conversionCursor());
        entry.put("conversionHref", followUp.conversionHref());
        entry.put("createdAt", Timestamps.canonical(recorded.createdAt()));
        FollowUpRepository.Status status = recorded.status();
        ObjectNode statusNode = Json.MAPPER.createObjectNode();
        statusNode.put("providerId", status.providerId());
        statusNode.put("providerName", status.providerName());
        statusNode.put("lastAction", status.lastAction());
        statusNode.put("isPaused", status.paused());
        statusNode.put("lastSource", status.lastSource());
        statusNode.put("lastFollowUpId", status.lastFollowUpId() == null ? null : status.lastFollowUpId().toString());
        statusNode.put("updatedAt", Timestamps.canonical(status.updatedAt()));
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.set("entry", entry);
        result.set("status", statusNode);
        result.set("providerTelemetry", Json.MAPPER.nullNode());
        return result;
    }
}
