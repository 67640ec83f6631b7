package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The texts of alert notifications (alerts.md 10, AL-PB-8): the email subject and body, the Slack run message and
 * its payload, and the per-action follow-up message. Every character is contractual; inputs are the digests and
 * playbook entries of the run summary, so a message always says what the summary records. Pure: no I/O.
 */
public final class AlertMessages {
    public static final String EMAIL_SUBJECT = "Provider automation alerts";

    private static final String CLOSING = "Investigate these providers before rerunning automated fulfillments.";
    private static final String INDENT = "    ";
    private static final int MAX_CONTEXTS = 3;
    private static final int MAX_CONVERSIONS = 3;
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMM dd", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** One cached platform context of a provider (Slack section (a)); newest first, at most 3 are shown. */
    public record PlatformContext(String label, String handle, String platformType) {
    }

    /** One experiment of the conversion snapshot (Slack section (e)); {@code lastActivity} may be null. */
    public record Conversion(String slug, BigDecimal revenue, String currency, long orderCount, long journeyCount,
                             long loyaltyPoints, Instant lastActivity) {
    }

    /**
     * What a run notification covers (AL-NOTIF-2): the notifiable automation digests (4.6) and load digests (6.7,
     * absolute links), the playbook entries (AL-PB-3, AL-PB-5), the optional workflow telemetry, and FRONTEND_URL
     * (may be empty). Null lists count as empty.
     */
    public record Content(List<? extends JsonNode> alerts, List<? extends JsonNode> loadAlerts,
                          List<? extends JsonNode> autoPaused, List<? extends JsonNode> autoResumed,
                          JsonNode workflowTelemetry, String frontendUrl) {
        public Content {
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
            loadAlerts = loadAlerts == null ? List.of() : List.copyOf(loadAlerts);
            autoPaused = autoPaused == null ? List.of() : List.copyOf(autoPaused);
            autoResumed = autoResumed == null ? List.of() : List.copyOf(autoResumed);
            frontendUrl = LoadAlertLinks.base(frontendUrl);
        }

        /** AL-NOTIF-1: a notifiable alert of either kind, or a playbook action; enrichment alone never is. */
        public boolean notificationDue() {
            return !alerts.isEmpty() || !loadAlerts.isEmpty() || !autoPaused.isEmpty() || !autoResumed.isEmpty();
        }
    }

    private AlertMessages() {
    }

    /** AL-MAIL-3: sections (a) to (e), lines joined by {@code \n}, no trailing newline, no escaping (plain text). */
    public static String emailBody(Content content) {
        List<String> lines = new ArrayList<>();
        if (!content.alerts().isEmpty()) {
            lines.add("The following providers breached automation guardrails:");
            lines.add("");
            for (JsonNode alert : content.alerts()) {
                lines.add("- " + text(alert, "providerName") + " (" + text(alert, "providerId") + "): "
                        + AutomationAlerts.reasonsText(alert.get("reasons")));
                Map<String, JsonNode> hotspots = AutomationAlerts.sorted(alert.path("guardrailHotspots"));
                if (!hotspots.isEmpty()) {
                    lines.add("  Guardrail hotspots:");
                    hotspots.forEach((service, hits) -> lines.add(INDENT + "• " + service + ": "
                            + hits.path("fail").asLong() + " fail / " + hits.path("warn").asLong() + " warn"));
                }
                List<String> overrides = ruleOverrideLines(alert.path("ruleOverrides"));
                if (!overrides.isEmpty()) {
                    // legacy printed this header even with no line under it (AL-MAIL-3: stronger)
                    lines.add("  Rule overrides triggering automation:");
                    overrides.forEach(line -> lines.add(INDENT + "• " + line));
                }
                lines.add("");
            }
        }
        if (!content.loadAlerts().isEmpty()) {
            lines.add("Preset/provider cohort pressure detected:");
            lines.add("");
            for (JsonNode load : content.loadAlerts()) {
                lines.add("- " + orElse(text(load, "providerName"), text(load, "providerId")) + " dominating "
                        + orElse(text(load, "presetLabel"), text(load, "presetId"))
                        + " (" + percent(load.path("shortShare").asDouble(), 1) + "% vs "
                        + percent(load.path("longShare").asDouble(), 1) + "% baseline)");
                lines.add("  Window " + text(load, "shortWindowDays") + "d vs " + text(load, "longWindowDays") + "d · "
                        + load.path("shortEngagements").asLong() + " vs " + load.path("longEngagements").asLong() + " engagements");
                BigDecimal shortAmount = decimal(load.get("shortAmountTotal"));
                if (shortAmount.signum() != 0) {
                    lines.add("  Provider spend " + orElse(text(load, "currency"), "USD") + " " + whole(shortAmount)
                            + " short / " + whole(decimal(load.get("longAmountTotal"))) + " long");
                }
                if (!text(load, "serviceAction").isEmpty()) {
                    lines.add("  Service " + orElse(text(load, "serviceId"), "-") + " · " + text(load, "serviceAction"));
                }
                List<String[]> links = links(load);
                if (!links.isEmpty()) {
                    lines.add("  Links:");
                    links.forEach(link -> lines.add(INDENT + "• " + link[0] + ": " + link[1]));
                }
                lines.add("");
            }
        }
        if (!content.autoPaused().isEmpty() || !content.autoResumed().isEmpty()) {
            lines.add("Automation guardrail actions taken automatically:");
            lines.add("");
            emailActions(lines, "Paused", content.autoPaused(), content.frontendUrl());
            emailActions(lines, "Resumed", content.autoResumed(), content.frontendUrl());
            lines.add("");
        }
        List<String> telemetry = workflowTelemetryLines(content.workflowTelemetry());
        if (!telemetry.isEmpty()) {
            lines.add("Guardrail workflow telemetry snapshot:");
            telemetry.forEach(line -> lines.add("- " + line));
            lines.add("");
        }
        lines.add(CLOSING);
        return String.join("\n", lines);
    }

    private static void emailActions(List<String> lines, String verb, List<? extends JsonNode> entries, String base) {
        for (JsonNode entry : entries) {
            String detail = actionDetail(entry);
            lines.add("- " + verb + ": " + text(entry, "providerName") + " (" + text(entry, "providerId") + ")"
                    + (detail.isEmpty() ? "" : " — " + detail));
            if (!base.isEmpty()) {
                lines.add("  Dashboard: " + LoadAlertLinks.automationTab(base, text(entry, "providerId")));
            }
        }
    }

    /**
     * AL-SLACK-2: sections (a) automation alerts, (b) playbook actions, (c) load alerts, (d) workflow telemetry,
     * (e) conversions, each only when it has something to say. Free text is escaped (AL-FMT-4), URLs are not.
     * {@code contexts} maps provider id to its contexts, newest first; both enrichments may be empty.
     */
    public static String slackText(Content content, Map<String, List<PlatformContext>> contexts, List<Conversion> conversions) {
        UnaryOperator<String> esc = AlertMessages::slackEscape;
        String base = content.frontendUrl();
        List<String> lines = new ArrayList<>();
        if (!content.alerts().isEmpty()) {
            lines.add(":warning: Provider automation alerts detected");
            for (JsonNode alert : content.alerts()) {
                lines.add("• " + esc.apply(text(alert, "providerName")) + " (" + esc.apply(text(alert, "providerId")) + ") — "
                        + esc.apply(AutomationAlerts.reasonsText(alert.get("reasons"))));
                List<PlatformContext> cached = contexts == null ? null : contexts.get(text(alert, "providerId"));
                if (cached != null && !cached.isEmpty()) {
                    lines.add(INDENT + "contexts: " + String.join(", ",
                            cached.stream().limit(MAX_CONTEXTS).map(context -> esc.apply(context(context))).toList()));
                }
            }
        }
        if (!content.autoPaused().isEmpty() || !content.autoResumed().isEmpty()) {
            lines.add(":robot_face: Guardrail playbook actions");
            slackActions(lines, "Auto-pause", content.autoPaused(), base);
            slackActions(lines, "Auto-resume", content.autoResumed(), base);
        }
        if (!content.loadAlerts().isEmpty()) {
            lines.add(":bar_chart: Provider cohort pressure detected");
            for (JsonNode load : content.loadAlerts()) {
                lines.add("• " + esc.apply(orElse(text(load, "providerName"), text(load, "providerId"))) + " / "
                        + esc.apply(orElse(text(load, "presetLabel"), text(load, "presetId"))) + " "
                        + percent(load.path("shortShare").asDouble(), 0) + "% vs "
                        + percent(load.path("longShare").asDouble(), 0) + "% baseline");
                List<String[]> links = links(load);
                if (!links.isEmpty()) {
                    lines.add(INDENT + String.join(" · ", links.stream().map(link -> "<" + link[1] + "|" + link[0] + ">").toList()));
                }
            }
        }
        List<String> telemetry = workflowTelemetryLines(content.workflowTelemetry());
        if (!telemetry.isEmpty()) {
            lines.add(":clipboard: Workflow telemetry snapshot");
            telemetry.forEach(line -> lines.add(INDENT + esc.apply(line)));
        }
        if (conversions != null && !conversions.isEmpty()) {
            lines.add(":moneybag: Experiment conversion impact");
            for (Conversion conversion : conversions.stream().limit(MAX_CONVERSIONS).toList()) {
                boolean noRevenue = conversion.revenue() == null || conversion.revenue().signum() <= 0;
                lines.add(INDENT + esc.apply(conversion.slug()) + ": "
                        + (noRevenue ? "no revenue yet" : esc.apply(money(conversion.currency(), conversion.revenue())))
                        + " · " + conversion.orderCount() + " orders / " + conversion.journeyCount() + " journeys · "
                        + grouped(BigDecimal.valueOf(conversion.loyaltyPoints())) + " pts · last "
                        + (conversion.lastActivity() == null ? "n/a" : MONTH_DAY.format(conversion.lastActivity())));
            }
            if (!base.isEmpty()) {
                lines.add(INDENT + "Live conversions: <" + LoadAlertLinks.conversionDashboard(base, null) + "|Open dashboard>");
            }
        }
        return String.join("\n", lines);
    }

    private static void slackActions(List<String> lines, String label, List<? extends JsonNode> entries, String base) {
        for (JsonNode entry : entries) {
            String detail = actionDetail(entry);
            lines.add("• " + label + " — " + slackEscape(text(entry, "providerName")) + " (" + slackEscape(text(entry, "providerId")) + ")"
                    + (detail.isEmpty() ? "" : " — " + slackEscape(detail)));
            if (!base.isEmpty()) {
                lines.add(INDENT + "<" + LoadAlertLinks.automationTab(base, text(entry, "providerId")) + "|Open automation tab>");
            }
        }
    }

    /** AL-SLACK-1: {@code {"text": ..., "channel"?: ...}}; the channel only when configured. */
    public static ObjectNode slackPayload(String text, Optional<String> channel) {
        ObjectNode payload = Json.MAPPER.createObjectNode().put("text", text);
        channel.filter(name -> !name.isBlank()).ifPresent(name -> payload.put("channel", name));
        return payload;
    }

    /**
     * AL-PB-8: the follow-up message of one pause or resume, from its AL-PB-3/5 entry. {@code nowPaused} is the
     * status row after the action. With an empty FRONTEND_URL the dashboard link is root-relative and the
     * conversion line is left out.
     */
    public static String followUpText(JsonNode entry, boolean nowPaused, String frontendUrl) {
        String base = LoadAlertLinks.base(frontendUrl);
        String providerId = text(entry, "providerId");
        List<String> lines = new ArrayList<>();
        lines.add(":warning: Guardrail follow-up recorded for *" + slackEscape(orElse(text(entry, "providerName"), providerId))
                + "* (`" + slackEscape(providerId) + "`)");
        lines.add("• Action: *" + slackEscape(titleCase(text(entry, "action").replace('_', ' '))) + "*");
        lines.add("• Notes: " + slackEscape(text(entry, "notes")));
        lines.add("• Status: *" + (nowPaused ? "Paused" : "Active") + "*");
        lines.add("<" + LoadAlertLinks.automationTab(base, providerId) + "|Open dashboard>");
        if (!base.isEmpty()) {
            lines.add("• Live conversion snapshot: <" + LoadAlertLinks.conversionDashboard(base, null) + "|Open conversions>");
        }
        return String.join("\n", lines);
    }

    /** 10.5: the workflow telemetry lines shared by email and Slack, each only when its source is usable. */
    public static List<String> workflowTelemetryLines(JsonNode telemetry) {
        List<String> lines = new ArrayList<>();
        if (telemetry == null || !telemetry.isObject()) {
            return lines;
        }
        JsonNode total = telemetry.get("totalEvents");
        if (total != null && total.isIntegralNumber()) {
            lines.add("Actions captured: " + total.asText());
        }
        JsonNode attachments = telemetry.get("attachmentTotals");
        if (attachments != null && attachments.isObject()) {
            lines.add("Attachments — upload " + orElse(text(attachments, "upload"), "0")
                    + ", remove " + orElse(text(attachments, "remove"), "0")
                    + ", copy " + orElse(text(attachments, "copy"), "0")
                    + ", tag " + orElse(text(attachments, "tag"), "0"));
        }
        JsonNode counts = telemetry.get("actionCounts");
        JsonNode top = counts != null && counts.isArray() && !counts.isEmpty() ? counts.get(0) : null;
        if (top != null && top.isObject() && !text(top, "action").isEmpty() && top.hasNonNull("count")) {
            lines.add("Top action: " + text(top, "action") + " (" + text(top, "count") + ")");
        }
        JsonNode last = telemetry.get("lastCapturedAt");
        if (last != null && last.isTextual() && !last.asText().isEmpty()) {
            lines.add("Last captured: " + last.asText());
        }
        return lines;
    }

    /** AL-FMT-1: share x 100 with half-to-even rounding of the exact binary value ({@code %.0f} would round half-up). */
    static String percent(double share, int decimals) {
        return new BigDecimal(share * 100).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** AL-FMT-2: {@code {currency or USD} {whole amount, half-to-even, "," thousands}}. */
    static String money(String currency, BigDecimal amount) {
        return orElse(currency == null ? "" : currency, "USD") + " " + whole(amount);
    }

    static String whole(BigDecimal amount) {
        return grouped(amount.setScale(0, RoundingMode.HALF_EVEN));
    }

    private static String grouped(BigDecimal integral) {
        return String.format(Locale.ROOT, "%,d", integral.toBigIntegerExact());
    }

    /** AL-FMT-4: Slack mrkdwn control characters in free text. */
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code label ({handle}, {platformType})}: the handle only when the label does not already contain it. */
    static String context(PlatformContext context) {
        String label = context.label() == null ? "" : context.label();
        List<String> details = new ArrayList<>();
        if (context.handle() != null && !label.contains(context.handle())) {
            details.add(context.handle());
        }
        if (context.platformType() != null && !context.platformType().isEmpty()) {
            details.add(context.platformType());
        }
        return details.isEmpty() ? label : label + " (" + String.join(", ", details) + ")";
    }

    /** The reasons of a playbook entry when it has any, else its notes; empty when neither. */
    private static String actionDetail(JsonNode entry) {
        JsonNode reasons = entry.get("reasons");
        return reasons != null && reasons.isArray() && !reasons.isEmpty() ? AutomationAlerts.reasonsText(reasons) : text(entry, "notes");
    }

    /** {@code {service}: {label or id} ({count}), ...} for each service with at least one rule, services ascending. */
    private static List<String> ruleOverrideLines(JsonNode ruleOverrides) {
        List<String> lines = new ArrayList<>();
        AutomationAlerts.sorted(ruleOverrides).forEach((service, rules) -> {
            List<String> items = new ArrayList<>();
            if (rules.isArray()) {
                rules.forEach(rule -> items.add(orElse(text(rule, "label"), text(rule, "id")) + " (" + rule.path("count").asLong() + ")"));
            }
            if (!items.isEmpty()) {
                lines.add(service + ": " + String.join(", ", items));
            }
        });
        return lines;
    }

    /** The present links of a load digest as {label, url}, in merchandising, fulfillment, orders order. */
    private static List<String[]> links(JsonNode load) {
        List<String[]> links = new ArrayList<>();
        String[] labels = {"Merchandising", "Fulfillment", "Orders"};
        for (int i = 0; i < labels.length; i++) {
            String url = text(load.path("links"), LoadAlertLinks.KEYS.get(i));
            if (!url.isEmpty()) {
                links.add(new String[] {labels[i], url});
            }
        }
        return links;
    }

    /** Python's {@code str.title()}: a letter is upper-case after a non-letter, lower-case after a letter. */
    static String titleCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean afterLetter = false;
        for (char c : text.toCharArray()) {
            out.append(afterLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            afterLetter = Character.isLetter(c);
        }
        return out.toString();
    }

    /** The member as text: "" when missing or null, a container as its JSON. */
    private static String text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String orElse(String value, String fallback) {
        return value.isBlank() ? fallback : value;
    }

    /** A numeric member as an exact decimal; zero when missing or not a finite number. */
    private static BigDecimal decimal(JsonNode node) {
        try {
            if (node != null && node.isNumber()) {
                return node.decimalValue();
            }
            return node != null && node.isTextual() ? new BigDecimal(node.asText().strip()) : BigDecimal.ZERO;
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
