package com.smplat.providerautomation.api;

import com.smplat.providerautomation.config.ApiSettings;
import com.smplat.providerautomation.config.ServerSettings;
import com.smplat.providerautomation.support.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every {@code /api/*} endpoint with the {@link ApiKeyPolicy}, before any route runs. The follow-up
 * export trigger has its own bearer token and is left to its route.
 */
public class ApiKeyFilter extends OncePerRequestFilter {
    static final List<String> OWN_AUTH_PREFIXES = List.of("/api/v1/reporting/guardrails/followups/export/run");
    private static final byte[] INVALID_KEY = Json.write(Map.of("detail", "Invalid API key")).getBytes(StandardCharsets.UTF_8);

    private final ApiKeyPolicy policy;

    public ApiKeyFilter(ApiKeyPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OWN_AUTH_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (policy.permits(request.getHeader("X-API-Key"), request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(401);
        response.setContentType("application/json");
        response.getOutputStream().write(INVALID_KEY);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiSettings api, ServerSettings server) {
            FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
                    new ApiKeyFilter(new ApiKeyPolicy(api.checkoutApiKey(), server.development())));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
