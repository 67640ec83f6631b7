package com.smplat.providerautomation.config;

import com.smplat.providerautomation.support.AdvisoryLocks;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared machinery: pipeline locks, the replay worker pool profile, and Quartz on the clustered JDBC job store. */
@Configuration(proxyBeanMethods = false)
public class InfrastructureConfig {

    @Bean
    public AdvisoryLocks advisoryLocks(DataSource dataSource) {
        return new AdvisoryLocks(dataSource);
    }

    /**
     * The thread pool profile {@code replayWorkers} the replay batch's splitter runs on: it bounds the provider calls
     * one batch runs at once (PROVIDER_REPLAY_WORKER_CONCURRENCY). A Camel profile rather than a Spring executor bean,
     * which would displace Spring Boot's own task executor.
     */
    @Bean
    public CamelContextConfiguration replayWorkerPool(ReplaySettings replay) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                camelContext.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("replayWorkers")
                        .poolSize(replay.concurrency()).maxPoolSize(replay.concurrency()).maxQueueSize(-1).build());
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing after start
            }
        };
    }

    /**
     * Provider calls are sent at most once: Apache HttpClient would otherwise resend a POST that got a 503 or 429,
     * and a replay spends money. Retries, where a flow wants them, are its route's redelivery policy.
     */
    @Bean
    public HttpClientConfigurer providerCallsNeverRetry() {
        return builder -> builder.disableAutomaticRetries().disableRedirectHandling();
    }

    /**
     * Quartz runs clustered on the service's PostgreSQL (tables from migration V2): each firing runs on exactly
     * one instance, and a node that comes back after downtime does not fire a burst of missed runs.
     */
    @Bean
    public ComponentCustomizer quartzJobStore(DatabaseEndpoint database) {
        return ComponentCustomizer.forType(QuartzComponent.class, quartz -> quartz.setProperties(quartzProperties(database.target())));
    }

    static Properties quartzProperties(DatabaseTarget target) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "provider-automation");
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "4");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        // a firing more than 5 s late (its node died holding it; the cluster was down) is a misfire, and every
        // schedule's misfire policy skips it: a recovered trigger fires once at its next time, never in a burst
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        // nodes look for due triggers every second, and only a second ahead, so firings go to whichever node is
        // free instead of sticking to the node that fired last (which otherwise takes the next firing at once)
        properties.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        properties.setProperty("org.quartz.jobStore.dataSource", "main");
        properties.setProperty("org.quartz.dataSource.main.provider", "hikaricp");
        properties.setProperty("org.quartz.dataSource.main.driver", "org.postgresql.Driver");
        properties.setProperty("org.quartz.dataSource.main.URL", target.jdbcUrl());
        if (target.user() != null) {
            properties.setProperty("org.quartz.dataSource.main.user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("org.quartz.dataSource.main.password", target.password());
        }
        properties.setProperty("org.quartz.dataSource.main.maxConnections", "4");
        return properties;
    }
}
