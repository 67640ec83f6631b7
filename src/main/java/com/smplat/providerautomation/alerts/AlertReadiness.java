package com.smplat.providerautomation.alerts;

import com.smplat.providerautomation.config.AlertSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness component {@code provider_automation_alerts} (alerts.md AL-RUN-6): {@code disabled} while the worker
 * flag is off, {@code ready} once the scheduled alert route runs, {@code starting} (out of service) before.
 */
@Component("provider_automation_alerts")
public class AlertReadiness implements HealthIndicator {
    private final CamelContext camel;
    private final AlertSettings settings;

    public AlertReadiness(CamelContext camel, AlertSettings settings) {
        this.camel = camel;
        this.settings = settings;
    }

    @Override
    public Health health() {
        if (!settings.workerEnabled()) {
            return Health.up().withDetail("state", "disabled").build();
        }
        ServiceStatus route = camel.getRouteController().getRouteStatus("alert-run-schedule");
        return route != null && route.isStarted()
                ? Health.up().withDetail("state", "ready").build()
                : Health.outOfService().withDetail("state", "starting").build();
    }
}
