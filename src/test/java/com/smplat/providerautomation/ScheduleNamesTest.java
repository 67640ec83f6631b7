package com.smplat.providerautomation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Clustered Quartz keys each schedule by group and name in the shared job store: two cron routes with the same key
 * would share (and steal) one trigger across the cluster. Every Quartz route has a key of its own.
 */
@ServiceTest
class ScheduleNamesTest {
    @Autowired
    CamelContext camel;

    @Test
    void everyQuartzRouteHasItsOwnGroupAndName() {
        List<String> keys = camel.getRoutes().stream().map(Route::getEndpoint)
                .map(endpoint -> endpoint.getEndpointUri())
                .filter(uri -> uri.startsWith("quartz:"))
                .map(uri -> uri.replaceFirst("^quartz:/*", "").replaceFirst("\\?.*$", ""))
                .toList();
        assertThat(keys).as("quartz group/name of each scheduled route").isNotEmpty().doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).matches("[^/]+/[^/]+"));
    }
}
