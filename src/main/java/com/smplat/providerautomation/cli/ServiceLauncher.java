package com.smplat.providerautomation.cli;

import com.smplat.providerautomation.config.EarlyDatabaseStart;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application in one of its two shapes: the long-running service, or a one-shot command
 * that sends one message to a {@code direct:} route with no HTTP server and no schedules, then stops.
 */
public final class ServiceLauncher {
    /** Set in command mode; routes with schedules read it through {@code autoStartup}. */
    public static final String SCHEDULES_ENABLED = "provider-automation.schedules-enabled";

    private final Class<?> application;

    public ServiceLauncher(Class<?> application) {
        this.application = application;
    }

    public ConfigurableApplicationContext serve(String... args) {
        return new SpringApplicationBuilder(application).listeners(new EarlyDatabaseStart()).run(args);
    }

    /** Runs {@code endpointUri} once and returns its reply body as text. */
    public String runOnce(String endpointUri, Object body, Map<String, Object> headers) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        SCHEDULES_ENABLED, "false",
                        // REST DSL files need the web server, and schedules belong to the service: one-shot
                        // commands only call direct: routes
                        "camel.main.routes-exclude-pattern", "**/*-api.yaml,**/*-schedules.yaml",
                        "management.endpoints.access.default", "none"));
        try (ConfigurableApplicationContext context = builder.run()) {
            CamelContext camel = context.getBean(CamelContext.class);
            try (ProducerTemplate producer = camel.createProducerTemplate()) {
                Object reply = producer.requestBodyAndHeaders(endpointUri, body, headers);
                return reply == null ? "" : camel.getTypeConverter().convertTo(String.class, reply);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
