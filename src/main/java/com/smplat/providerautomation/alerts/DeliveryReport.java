package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The outcome of one run notification (alerts.md 11.1): {@code notificationDelivery} as the summary shows it, the
 * {@code errors} entries ({@code {"stage": "email"|"slack", "code": ...}}) the run adds, and whether at least one
 * channel delivered (AL-NOTIF-7), which decides the cooldown write (AL-DEDUP-5).
 */
public record DeliveryReport(ObjectNode notificationDelivery, List<ObjectNode> errors, boolean delivered) {

    public DeliveryReport {
        errors = List.copyOf(errors);
    }
}
