package com.smplat.providerautomation.api;

import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders every REST error as {@code {"detail": ...}} with its status code. Called from the
 * default (nameless) route configuration in {@code routes/errors.yaml}; never exposes a stack trace.
 */
@Component("apiErrors")
public class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    static int status(ServiceException.Kind kind) {
        return switch (kind) {
            case INVALID -> 422;
            case NOT_FOUND -> 404;
            case REJECTED -> 400;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
            case UNAUTHORIZED -> 401;
        };
    }

    /** A {@link ServiceException}: its kind decides the status, its message is the detail. */
    public void serviceFailure(Exchange exchange) {
        // bean expressions wrap what they throw; the cause chain holds the ServiceException
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ServiceException error = ObjectHelper.getException(ServiceException.class, caught);
        if (error.extra().isEmpty()) {
            respond(exchange, status(error.kind()), error.getMessage());
        } else {
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("detail", error.getMessage());
            body.putAll(error.extra());
            respond(exchange, status(error.kind()), body);
        }
    }

    /** A body that is not JSON, or not of the expected shape. */
    public void malformedBody(Exchange exchange) {
        respond(exchange, 422, "Malformed JSON body");
    }

    /** Anything unexpected: logged with a reference, answered without internals. */
    public void unexpected(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} in route {}", reference, exchange.getFromRouteId(), error);
        respond(exchange, 500, "Internal server error (reference " + reference + ")");
    }

    public static void respond(Exchange exchange, int status, String detail) {
        respond(exchange, status, Map.of("detail", detail == null ? "" : detail));
    }

    public static void respond(Exchange exchange, int status, Map<String, ?> body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        // a JsonNode: the JSON binding marshals it, and routes without binding convert it to JSON text
        message.setBody(Json.MAPPER.valueToTree(body));
    }
}
