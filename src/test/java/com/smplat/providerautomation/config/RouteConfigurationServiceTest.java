package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ServiceTest;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServiceTest
class RouteConfigurationServiceTest {

    @Autowired
    CamelContext camelContext;

    @Test
    void everyRouteOfTheRoutesFolderThatAnotherRouteCallsNamesARouteConfiguration() {
        assertThat(RouteConfigurationCheck.calledWithoutConfiguration(
                camelContext.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions())).isEmpty();
    }
}
