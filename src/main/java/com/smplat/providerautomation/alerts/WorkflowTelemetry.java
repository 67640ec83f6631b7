package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.config.AlertSettings;
import com.smplat.providerautomation.support.Json;
import java.net.URI;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Java side of route {@code workflow-telemetry} (alerts.md 8.3): a GET of
 * {@code GUARDRAIL_WORKFLOW_TELEMETRY_SUMMARY_URL} whose 2xx JSON object body is used verbatim; anything else
 * leaves the telemetry absent and logs a warning.
 */
@Component("workflowTelemetry")
public class WorkflowTelemetry {
    public static final String RESULT = "workflowTelemetryResult";
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowTelemetry.class);

    private final AlertSettings settings;

    public WorkflowTelemetry(AlertSettings settings) {
        this.settings = settings;
    }

    /** URL and query go in headers, so camel-http sends the configured URL exactly. */
    public void prepare(Exchange exchange) {
        String url = settings.workflowTelemetryUrl().orElseThrow();
        URI uri = URI.create(url);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_URI, uri.getRawQuery() == null ? url : url.substring(0, url.indexOf('?')));
        message.setHeader(Exchange.HTTP_RAW_QUERY, uri.getRawQuery() == null ? "" : uri.getRawQuery());
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.GET);
        message.setHeader("Accept", "application/json");
        message.setBody(null);
        exchange.removeProperty(RESULT);
    }

    public void answered(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        JsonNode body = status >= 200 && status < 300 && contentType.contains("json")
                ? Json.readOrNull(message.getBody(String.class)) : null;
        if (body instanceof ObjectNode object) {
            exchange.setProperty(RESULT, object);
        } else {
            LOG.warn("Workflow telemetry ignored: HTTP {} without a JSON object body", status);
        }
    }

    public void failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn("Workflow telemetry unavailable: {}", error == null ? "unknown error" : error.getClass().getSimpleName());
    }
}
