package com.smplat.providerautomation.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator console: static files under {@code classpath:/static/ops/} (Spring MVC's default static location),
 * served at {@code /ops/}. The page calls the public REST endpoints only, with the key the operator types in, so it
 * holds no secret and needs no server-side session.
 */
@Configuration(proxyBeanMethods = false)
public class OpsConsoleWeb implements WebMvcConfigurer {
    /**
     * Scripts, styles and connections from this origin only: no inline script or style can run, so nothing injected
     * into the page (a provider name, a summary value) can execute or exfiltrate the key.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/ops", "/ops/");
        registry.addViewController("/ops/").setViewName("forward:/ops/index.html");
    }

    @Bean
    FilterRegistrationBean<OpsConsoleHeaders> opsConsoleHeaders() {
        FilterRegistrationBean<OpsConsoleHeaders> registration = new FilterRegistrationBean<>(new OpsConsoleHeaders());
        registration.addUrlPatterns("/ops/*");
        return registration;
    }

    /** Security headers on every console file; {@code no-cache} so a new jar's page is picked up at once. */
    static class OpsConsoleHeaders extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-cache");
            chain.doFilter(request, response);
        }
    }
}
