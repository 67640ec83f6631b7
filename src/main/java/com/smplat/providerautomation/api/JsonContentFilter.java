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
 * The REST endpoints take JSON bodies only. A form or multipart body would otherwise be parsed by the HTTP
 * binding before any route runs and fail there with a bare 500; it gets a 415 with a detail instead.
 */
public class JsonContentFilter extends OncePerRequestFilter {
    private static final byte[] UNSUPPORTED = Json.write(Map.of("detail", "Content-Type must be application/json"))
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
        if (acceptable(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(415);
        response.setContentType("application/json");
        response.getOutputStream().write(UNSUPPORTED);
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
