package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

class RouteConfigurationCheckTest {

    private static RouteDefinition route(String id, String configuration, boolean rest) {
        RouteDefinition route = new RouteDefinition("direct:" + id);
        route.routeId(id);
        route.setRouteConfigurationId(configuration);
        route.setRest(rest);
        return route;
    }

    @Test
    void onlyRoutesOtherThanRestOperationsThatNameNoConfigurationAreReported() {
        List<RouteDefinition> routes = List.of(
                route("rest-operation", null, true),
                route("shared-flow", "propagate-errors", false),
                route("delivery", "alert-slack-delivery", false),
                route("forgotten-flow", null, false));

        assertThat(RouteConfigurationCheck.withoutConfiguration(routes)).containsExactly("forgotten-flow");
    }
}
