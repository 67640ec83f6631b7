package com.smplat.providerautomation.config;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fails the start when a route that another route calls through {@code direct:} names no route configuration
 * (routes/errors.yaml). The nameless default is the REST error mapping, and it marks the error handled where it
 * happens: the calling route stops with the error body as if the call had answered, so a command prints it and
 * exits 0 and a schedule never sees the failure. Called flows name {@code propagate-errors} (or their own
 * configuration). A REST operation's own {@code direct:} route is inlined into the REST route and keeps the default.
 * An application runner, first of all: Camel logs and ignores an exception of {@code afterApplicationStart}, while a
 * runner's exception stops the start (and a command) before it does any work.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RouteConfigurationCheck implements ApplicationRunner {
    private final CamelContext camelContext;

    public RouteConfigurationCheck(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> unnamed = calledWithoutConfiguration(camelContext.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinitions());
        if (!unnamed.isEmpty()) {
            throw new IllegalStateException("Routes " + unnamed + " are called by other routes but name no"
                    + " routeConfigurationId: a called flow names propagate-errors (routes/errors.yaml), so that its"
                    + " errors reach its caller");
        }
    }

    /** The routes that some route sends to through {@code direct:} and that name no configuration. */
    static List<String> calledWithoutConfiguration(List<RouteDefinition> routes) {
        Set<String> called = routes.stream()
                .flatMap(route -> ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDefinition.class).stream())
                .map(to -> directName(to.getEndpointUri()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return routes.stream()
                .filter(route -> route.getRouteConfigurationId() == null && called.contains(directName(route.getInput().getEndpointUri())))
                .map(RouteDefinition::getRouteId)
                .toList();
    }

    /** {@code direct:name} (or {@code direct://name?options}) to its name; null for other endpoints. */
    static String directName(String uri) {
        if (uri == null || !uri.startsWith("direct:")) {
            return null;
        }
        return uri.substring("direct:".length()).replaceFirst("^//", "").split("\\?")[0];
    }
}
