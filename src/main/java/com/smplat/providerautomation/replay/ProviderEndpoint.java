package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.ServiceException;
import java.util.Locale;

/**
 * A provider's endpoint definition (replay-and-history.md 2.1): where and how to call it, as templates.
 *
 * @param response the response-mapping hints ({@code balancePath}, {@code currencyPath}), or null
 */
public record ProviderEndpoint(EndpointKind kind, String method, String url, JsonNode headers, JsonNode payload,
                               int timeoutMillis, JsonNode response) {

    /** Looks the endpoint up in a provider's {@code metadata_json}; a missing one is the spec's configuration error. */
    public static ProviderEndpoint lookup(JsonNode providerMetadata, EndpointKind kind) {
        JsonNode definition = providerMetadata == null ? null : providerMetadata.path("automation").path("endpoints").get(kind.key());
        if (!(providerMetadata instanceof ObjectNode) || !(providerMetadata.get("automation") instanceof ObjectNode)
                || !(providerMetadata.get("automation").get("endpoints") instanceof ObjectNode)
                || !(definition instanceof ObjectNode)) {
            throw ServiceException.rejected(kind.notConfiguredMessage());
        }
        JsonNode url = definition.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw ServiceException.rejected("Endpoint URL is not configured");
        }
        JsonNode method = definition.get("method");
        String verb = method != null && method.isTextual() && !method.asText().isBlank()
                ? method.asText().strip().toUpperCase(Locale.ROOT) : "POST";
        JsonNode timeout = definition.get("timeoutSeconds");
        double seconds = timeout != null && timeout.isNumber() && timeout.asDouble() > 0
                ? timeout.asDouble() : kind.defaultTimeoutSeconds();
        return new ProviderEndpoint(kind, verb, url.asText(), definition.get("headers"), definition.get("payload"),
                (int) Math.ceil(seconds * 1000), definition.get("response"));
    }
}
