package com.smplat.providerautomation.support;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.Message;

/**
 * camel-http glue shared by the flows that post to a configured (often secret) URL: the URL travels in the
 * {@code CamelHttpUri} and {@code CamelHttpRawQuery} headers, never in an endpoint URI that logs or metrics could show;
 * and the {@code Retry-After} reading of their redelivery decisions.
 */
public final class HttpTargets {
    private HttpTargets() {
    }

    /** Clears the message's headers and addresses it to {@code url} with {@code method}. */
    public static void address(Message message, String url, String method) {
        message.removeHeaders("*");
        int query = url.indexOf('?');
        message.setHeader(Exchange.HTTP_URI, query < 0 ? url : url.substring(0, query));
        message.setHeader(Exchange.HTTP_RAW_QUERY, query < 0 ? "" : url.substring(query + 1));
        // the enum, not its name: camel-http would look up a String-to-enum converter on every call
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(method));
    }

    /** Retry-After as delta-seconds or an HTTP date, in milliseconds (at most a day); null when absent or unreadable. */
    public static Long retryAfterMillis(Map<String, String> headers) {
        String value = null;
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase("Retry-After") && header.getValue() != null) {
                    value = header.getValue().strip();
                }
            }
        }
        if (value == null) {
            return null;
        }
        try {
            return Math.min(Math.max(0, Long.parseLong(value)), 86_400) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                return Math.max(0, Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis());
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
