package com.smplat.providerautomation.api;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * What a REST route's message headers may put on the HTTP response: an allow-list. Without it the response
 * would echo request headers (user-agent, X-API-Key) and internal Camel headers.
 */
@Component("responseHeaderFilter")
public class ResponseHeaderFilter extends HttpHeaderFilterStrategy {
    private static final Set<String> RESPONSE_HEADERS = Set.of(
            "content-type", "cache-control", "content-disposition", "location", "retry-after", "idempotency-key");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !RESPONSE_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
