package com.smplat.providerautomation.config;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness component {@code scheduler}: out of service until the clustered Quartz scheduler has started (README
 * "Resolutions" 11). The details name the cluster node.
 */
@Component("scheduler")
public class SchedulerHealth implements HealthIndicator {
    private final CamelContext camel;

    public SchedulerHealth(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Health health() {
        QuartzComponent quartz = camel.hasComponent("quartz") instanceof QuartzComponent component ? component : null;
        Scheduler scheduler = quartz == null ? null : quartz.getScheduler();
        try {
            if (scheduler == null || !scheduler.isStarted() || scheduler.isInStandbyMode()) {
                return Health.outOfService().withDetail("state", "starting").build();
            }
            return Health.up().withDetail("state", "started").withDetail("instanceId", scheduler.getSchedulerInstanceId())
                    .withDetail("clustered", scheduler.getMetaData().isJobStoreClustered()).build();
        } catch (SchedulerException e) {
            return Health.down().withDetail("state", "unavailable").build();
        }
    }
}
