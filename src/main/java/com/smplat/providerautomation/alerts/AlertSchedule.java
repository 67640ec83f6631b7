package com.smplat.providerautomation.alerts;

import com.smplat.providerautomation.config.AlertSettings;
import java.util.Date;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the clustered alert trigger fixed-delay (alerts.md AL-RUN-1): after each scheduled run ends, its next
 * firing moves to now + {@code PROVIDER_AUTOMATION_ALERT_INTERVAL_SECONDS}. The trigger lives in the JDBC job
 * store, so every instance sees the new time.
 */
@Component("alertSchedule")
public class AlertSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(AlertSchedule.class);

    private final CamelContext camel;
    private final AlertSettings settings;

    public AlertSchedule(CamelContext camel, AlertSettings settings) {
        this.camel = camel;
        this.settings = settings;
    }

    public void rescheduleAfterRun() {
        if (!(camel.hasComponent("quartz") instanceof QuartzComponent quartz) || quartz.getScheduler() == null) {
            return;
        }
        Scheduler scheduler = quartz.getScheduler();
        TriggerKey key = TriggerKey.triggerKey("alert-run", settings.taskQueue());
        try {
            Trigger trigger = scheduler.getTrigger(key);
            if (trigger != null) {
                Date next = new Date(System.currentTimeMillis() + settings.intervalSeconds() * 1000L);
                scheduler.rescheduleJob(key, trigger.getTriggerBuilder().startAt(next).build());
            }
        } catch (SchedulerException e) {
            LOG.warn("The alert schedule keeps its fixed rate this time: {}", e.getMessage());
        }
    }
}
