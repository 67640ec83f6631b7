package com.smplat.providerautomation.api;

import com.smplat.providerautomation.support.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST endpoints take JSON bodies only, of at most 1 MiB. A form or multipart body would otherwise be parsed
 * by the HTTP binding before any route runs and fail there with a bare 500; it gets a 415 with a detail instead.
 * No request of this API needs more than a few kilobytes; a larger declared body is refused with 413 unread.
 * A body is read here once and must be UTF-8 (RFC 8259): bytes that are not would otherwise be decoded into
 * replacement characters, or fail deep in a route, so they are a 422 before any route runs.
 */
public class JsonContentFilter extends OncePerRequestFilter {
    static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final byte[] UNSUPPORTED = Json.write(Map.of("detail", "Content-Type must be application/json"))
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] TOO_LARGE = Json.write(Map.of("detail", "Request body must be at most 1 MiB"))
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_UTF8 = Json.write(Map.of("detail", "Request body must be valid UTF-8"))
            .getBytes(StandardCharsets.UTF_8);

    static boolean acceptable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json") || mediaType.equals("text/plain");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            refuse(response, 413, TOO_LARGE);
        } else if (!acceptable(request.getContentType())) {
            refuse(response, 415, UNSUPPORTED);
        } else {
            // every request, a GET too (the JSON binding reads its body), and an empty body (its Content-Type must
            // not label the answer: RequestBody)
            byte[] body = request.getInputStream().readNBytes((int) MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                refuse(response, 413, TOO_LARGE);
            } else if (!RequestBody.utf8(body)) {
                refuse(response, 422, NOT_UTF8);
            } else {
                chain.doFilter(new RequestBody(request, body), response);
            }
        }
    }

    private static void refuse(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(body);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<JsonContentFilter> jsonContentFilter() {
            FilterRegistrationBean<JsonContentFilter> registration = new FilterRegistrationBean<>(new JsonContentFilter());
            registration.addUrlPatterns("/api/*", "/sandbox/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }
    }
}
