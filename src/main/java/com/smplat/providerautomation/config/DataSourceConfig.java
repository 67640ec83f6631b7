package com.smplat.providerautomation.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's one DataSource: {@code DATABASE_URL}, or the embedded PostgreSQL when it is unset. At shutdown the
 * order is Camel (its in-flight exchanges and Quartz), then the pool, then the embedded server.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfig {

    /**
     * The CamelContext depends on the pool, so Spring destroys it before the pool and the database: Camel also
     * stops earlier, as a lifecycle bean, but nothing else would tell Spring that routes use the database.
     */
    @Bean
    static BeanFactoryPostProcessor camelStopsBeforeTheDatabase() {
        return factory -> {
            for (String name : factory.getBeanNamesForType(CamelContext.class, true, false)) {
                if (!factory.containsBeanDefinition(name)) {
                    continue;
                }
                BeanDefinition camel = factory.getBeanDefinition(name);
                List<String> dependsOn = new ArrayList<>(camel.getDependsOn() == null ? List.of() : Arrays.asList(camel.getDependsOn()));
                dependsOn.add("dataSource");
                camel.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }

    /** The endpoint {@link EarlyDatabaseStart} opened while the context was prepared, when the service started it. */
    @Bean(destroyMethod = "close")
    public DatabaseEndpoint databaseEndpoint(Settings settings, ObjectProvider<EarlyDatabaseStart> early) {
        EarlyDatabaseStart started = early.getIfAvailable();
        Optional<DatabaseEndpoint> opened = started == null ? Optional.empty() : started.take(settings.database());
        return opened.orElseGet(() -> DatabaseEndpoint.open(settings.database()));
    }

    /** Depends on the endpoint, so Spring closes the pool before it stops an embedded server. */
    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(Settings settings, DatabaseEndpoint databaseEndpoint) {
        DatabaseTarget target = databaseEndpoint.target();
        HikariConfig config = new HikariConfig();
        config.setPoolName("provider-automation");
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(settings.database().poolSize());
        // while the database is away, callers (and the readiness probe) learn it in 5 s rather than Hikari's 30
        config.setConnectionTimeout(5_000);
        // no connection at construction: a database that is not up yet is waited for by Flyway's connect retries
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
