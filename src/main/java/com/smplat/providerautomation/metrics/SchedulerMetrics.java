package com.smplat.providerautomation.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Component;

/** {@code provider_automation_scheduler_running}: 1 while this instance's clustered Quartz scheduler runs, else 0. */
@Component
public class SchedulerMetrics {
    public SchedulerMetrics(MeterRegistry registry, CamelContext camel) {
        Gauge.builder("provider.automation.scheduler.running", camel, SchedulerMetrics::running)
                .description("1 while the clustered Quartz scheduler of this instance runs").register(registry);
    }

    static double running(CamelContext camel) {
        if (!(camel.hasComponent("quartz") instanceof QuartzComponent quartz)) {
            return 0;
        }
        Scheduler scheduler = quartz.getScheduler();
        try {
            return scheduler != null && scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown() ? 1 : 0;
        } catch (SchedulerException e) {
            return 0;
        }
    }
}
