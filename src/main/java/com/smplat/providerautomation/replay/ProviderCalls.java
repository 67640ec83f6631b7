package com.smplat.providerautomation.replay;

import java.net.SocketTimeoutException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.Message;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.springframework.stereotype.Component;

/**
 * The Java side of the {@code provider-call} route: puts a {@link ProviderRequest} on the exchange for camel-http
 * and turns what came back (or the transport error) into a {@link ProviderCallOutcome}.
 */
@Component("providerCalls")
public class ProviderCalls {
    public static final String REQUEST = "providerRequest";
    public static final String OUTCOME = "providerOutcome";

    /** Sets the URL, method, headers and body for the http endpoint; drops every other header. */
    public void prepare(Exchange exchange) {
        ProviderRequest request = exchange.getProperty(REQUEST, ProviderRequest.class);
        if (!request.hasUsableUrl()) {
            throw new UnusableUrlException("Provider URL is not an absolute http(s) URL: " + request.url());
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        // the query goes in its own header: camel-http would otherwise send the endpoint's options as the query
        java.net.URI uri = java.net.URI.create(request.url());
        String rawQuery = uri.getRawQuery();
        message.setHeader(Exchange.HTTP_URI, rawQuery == null ? request.url()
                : request.url().substring(0, request.url().indexOf('?')));
        message.setHeader(Exchange.HTTP_RAW_QUERY, rawQuery == null ? "" : rawQuery);
        // the enum, not its name: camel-http would look up a String-to-enum converter on every call
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(request.method()));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        if (request.body() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        message.setBody(request.body());
        exchange.setProperty("providerTimeoutMillis", request.timeoutMillis());
    }

    /** After camel-http answered: any 2xx is a success, everything else a failure naming status and URL. */
    public void answered(Exchange exchange) {
        ProviderRequest request = exchange.getProperty(REQUEST, ProviderRequest.class);
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        exchange.setProperty(OUTCOME, ProviderCallOutcome.of(status, message.getHeader(Exchange.CONTENT_TYPE, String.class),
                body, request.url()));
    }

    /** The call did not complete: timeout, refused connection, unusable URL, protocol error. */
    public void failed(Exchange exchange) {
        ProviderRequest request = exchange.getProperty(REQUEST, ProviderRequest.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.setProperty(OUTCOME, ProviderCallOutcome.failure(describe(error, request)));
    }

    static String describe(Throwable error, ProviderRequest request) {
        if (error instanceof UnusableUrlException unusable) {
            return unusable.getMessage();
        }
        Throwable root = error;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            if (root instanceof SocketTimeoutException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof SocketTimeoutException || root instanceof ConnectionRequestTimeoutException) {
            return "Timed out after " + request.timeoutMillis() + " ms for url " + request.url();
        }
        String type = root == null ? "Error" : root.getClass().getSimpleName();
        String detail = root == null || root.getMessage() == null ? "" : ": " + root.getMessage();
        return "Request failed (" + type + detail + ") for url " + request.url();
    }

    static final class UnusableUrlException extends IllegalArgumentException {
        UnusableUrlException(String message) {
            super(message);
        }
    }
}
