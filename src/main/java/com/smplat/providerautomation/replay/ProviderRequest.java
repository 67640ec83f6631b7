package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rendered provider call (replay-and-history.md 2.4). Its headers and body may hold provider secrets, so it
 * is never logged; {@link #toString()} shows the method and URL only.
 *
 * @param body JSON text, or null when the endpoint has no payload object
 */
public record ProviderRequest(String method, String url, Map<String, String> headers, String body, int timeoutMillis) {

    public static ProviderRequest render(ProviderEndpoint endpoint, Map<String, JsonNode> variables) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (endpoint.headers() instanceof ObjectNode templates) {
            for (Iterator<Map.Entry<String, JsonNode>> it = templates.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                JsonNode value = header.getValue();
                headers.put(header.getKey(), value.isTextual()
                        ? TemplateRenderer.renderText(value.asText(), variables) : TemplateRenderer.textForm(value));
            }
        }
        String body = endpoint.payload() instanceof ObjectNode payload
                ? Json.write(TemplateRenderer.render(payload, variables)) : null;
        return new ProviderRequest(endpoint.method(), TemplateRenderer.renderText(endpoint.url(), variables), headers, body,
                endpoint.timeoutMillis());
    }

    /** Only absolute http(s) URLs are called; anything else is a call failure. */
    public boolean hasUsableUrl() {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ProviderRequest[" + method + " " + url + "]";
    }
}
