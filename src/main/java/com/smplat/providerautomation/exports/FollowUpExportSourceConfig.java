package com.smplat.providerautomation.exports;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool the follow-up export's {@code sql:} page query names ({@code dataSource=#followUpExportSource}): the
 * replica's when GUARDRAIL_EXPORT_DATABASE_URL is set. Bound in Camel's registry only, because a second Spring
 * DataSource bean would make the service's own one ambiguous to inject.
 */
@Configuration(proxyBeanMethods = false)
public class FollowUpExportSourceConfig {

    @Bean
    public CamelContextConfiguration followUpExportSource(FollowUpExportRepository source) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                camelContext.getRegistry().bind("followUpExportSource", DataSource.class, source.dataSource());
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing after start
            }
        };
    }
}
