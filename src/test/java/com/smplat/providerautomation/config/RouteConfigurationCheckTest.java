package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

class RouteConfigurationCheckTest {

    private static RouteDefinition route(String id, String configuration, String... calls) {
        RouteDefinition route = new RouteDefinition("direct:" + id);
        route.routeId(id);
        route.setRouteConfigurationId(configuration);
        for (String call : calls) {
            route.to(call);
        }
        return route;
    }

    @Test
    void onlyCalledRoutesThatNameNoConfigurationAreReported() {
        List<RouteDefinition> routes = List.of(
                route("rest-operation", null, "direct:shared-flow", "direct://forgotten-flow?timeout=1000"),
                route("shared-flow", "propagate-errors", "direct:delivery", "http://example.org"),
                route("delivery", "alert-slack-delivery"),
                route("forgotten-flow", null),
                route("entry-nobody-calls", null));

        assertThat(RouteConfigurationCheck.calledWithoutConfiguration(routes)).containsExactly("forgotten-flow");
    }

    @Test
    void directNamesIgnoreSlashesAndOptions() {
        assertThat(RouteConfigurationCheck.directName("direct:replay-batch")).isEqualTo("replay-batch");
        assertThat(RouteConfigurationCheck.directName("direct://replay-batch?block=false")).isEqualTo("replay-batch");
        assertThat(RouteConfigurationCheck.directName("seda:replay-batch")).isNull();
    }
}
