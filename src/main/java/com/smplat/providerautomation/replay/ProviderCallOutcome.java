package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.util.Locale;

/**
 * The result of a provider call (replay-and-history.md 2.5): a provider response object on a 2xx, else a failure
 * message that names the status (or the transport error) and the URL.
 */
public record ProviderCallOutcome(ObjectNode response, String error) {

    public static ProviderCallOutcome failure(String message) {
        return new ProviderCallOutcome(null, message);
    }

    public boolean succeeded() {
        return error == null;
    }

    public static ProviderCallOutcome of(int status, String contentType, String body, String url) {
        if (status >= 200 && status < 300) {
            return new ProviderCallOutcome(parse(contentType, body), null);
        }
        String kind = status >= 500 ? "Server error" : status >= 400 ? "Client error"
                : status >= 300 ? "Redirect response" : "Unexpected response";
        return failure(kind + " " + status + " for url " + url);
    }

    /** A JSON object as is; any other JSON value as {@code {"data": v}}; anything else as {@code {"text": raw}}. */
    static ObjectNode parse(String contentType, String body) {
        String raw = body == null ? "" : body;
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (isJson(contentType)) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(raw);
                if (parsed instanceof ObjectNode object) {
                    return object;
                }
                if (parsed != null && !parsed.isMissingNode()) {
                    result.set("data", parsed);
                    return result;
                }
            } catch (java.io.IOException e) {
                // not JSON after all: kept as text below
            }
        }
        result.put("text", raw);
        return result;
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
    }

    public ObjectNode errorResponse() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("error", error);
        return node;
    }
}
