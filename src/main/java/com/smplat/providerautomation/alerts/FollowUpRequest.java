package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;

/**
 * The body of {@code POST /api/v1/reporting/guardrails/followups} (exports.md 3.1), validated: every problem is a
 * 422. The stored platform context holds exactly {@code id, label, handle, platformType}.
 */
public final class FollowUpRequest {
    private FollowUpRequest() {
    }

    public static FollowUpRepository.FollowUp parse(String body) {
        ObjectNode object = Json.requestObject(body);
        String providerId = requiredText(object, "providerId", 128);
        String action = requiredText(object, "action", 64);
        String notes = optionalText(object, "notes", 500);
        JsonNode context = object.get("platformContext");
        ObjectNode platformContext = null;
        if (context != null && !context.isNull()) {
            if (!(context instanceof ObjectNode given)) {
                throw ServiceException.invalid("platformContext must be an object");
            }
            platformContext = JsonNodeFactory.instance.objectNode();
            platformContext.put("id", requiredText(given, "platformContext.id", "id", 255));
            platformContext.put("label", requiredText(given, "platformContext.label", "label", 255));
            platformContext.put("handle", optionalText(given, "platformContext.handle", "handle", 255));
            platformContext.put("platformType", optionalText(given, "platformContext.platformType", "platformType", 64));
        }
        JsonNode attachments = object.get("attachments");
        return new FollowUpRepository.FollowUp(providerId, optionalText(object, "providerName", 255), action, notes,
                platformContext, attachments == null || attachments.isNull() ? null : attachments,
                optionalText(object, "conversionCursor", 255), optionalText(object, "conversionHref", 2048), "manual");
    }

    private static String requiredText(ObjectNode object, String name, int max) {
        return requiredText(object, name, name, max);
    }

    private static String requiredText(ObjectNode object, String label, String key, int max) {
        String value = optionalText(object, label, key, max);
        if (value == null || value.isBlank()) {
            throw ServiceException.invalid(label + " is required");
        }
        return value;
    }

    private static String optionalText(ObjectNode object, String name, int max) {
        return optionalText(object, name, name, max);
    }

    private static String optionalText(ObjectNode object, String label, String key, int max) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ServiceException.invalid(label + " must be a string");
        }
        if (value.asText().codePointCount(0, value.asText().length()) > max) {
            throw ServiceException.invalid(label + " must be at most " + max + " characters");
        }
        return value.asText();
    }
}
