package com.smplat.providerautomation.config;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Fails the start when a route that is not a REST operation names no route configuration (routes/errors.yaml).
 * The nameless default is the REST error mapping, and it marks the error handled where it happens: on a flow a REST
 * route calls through {@code direct:}, the REST route would go on with the error body as if the call had worked,
 * and a command would print it and exit 0. Shared flows name {@code propagate-errors} (or their own configuration).
 */
@Component
public class RouteConfigurationCheck implements CamelContextConfiguration {

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the routes are not loaded yet
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        List<String> unnamed = withoutConfiguration(camelContext.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteDefinitions());
        if (!unnamed.isEmpty()) {
            throw new IllegalStateException("Routes " + unnamed + " name no routeConfigurationId: only REST operations take"
                    + " the default REST error mapping; a flow called from REST, a schedule or a command names"
                    + " propagate-errors (routes/errors.yaml)");
        }
    }

    /** The routes, other than REST operations (their {@code direct:} route inlined), that name no configuration. */
    static List<String> withoutConfiguration(List<RouteDefinition> routes) {
        return routes.stream()
                .filter(route -> !Boolean.TRUE.equals(route.isRest()) && route.getRouteConfigurationId() == null)
                .map(RouteDefinition::getRouteId)
                .toList();
    }
}
