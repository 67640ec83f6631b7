package com.smplat.providerautomation.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's one DataSource: {@code DATABASE_URL}, or the embedded PostgreSQL when it is unset. */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfig {

    @Bean(destroyMethod = "close")
    public DatabaseEndpoint databaseEndpoint(Settings settings) {
        return DatabaseEndpoint.open(settings.database());
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
