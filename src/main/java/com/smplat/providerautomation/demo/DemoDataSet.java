package com.smplat.providerautomation.demo;

import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The demo data set, as plain rows (column name to value) ready for the repository. Deterministic: ids are
 * name-based UUIDs and the mix comes from a seeded random, so loading it twice inserts nothing the second time.
 * Times are relative to {@code now}.
 *
 * <p>The story it tells: Alpha and Beta fulfil most orders; Beta takes over the "Growth Sprint" preset in the last
 * week (a load alert); Gamma's endpoint always fails in the sandbox (replay failures); Delta's provider cost
 * leaves almost no margin (guardrail failures). Three days of replay batches and alert runs, every 6 hours, give the
 * status, history and operator console something to show before the first real run.
 */
public final class DemoDataSet {
    static final int DAYS = 90;
    static final int ORDERS_PER_DAY = 6;

    record Provider(String id, String name, String status, String health, double costRatio, int weight) {
    }

    record Preset(String id, String label, String product) {
    }

    static final List<Provider> PROVIDERS = List.of(
            new Provider("demo-alpha", "Alpha Fulfillment", "active", "healthy", 0.55, 40),
            new Provider("demo-beta", "Beta Ops", "active", "healthy", 0.60, 30),
            new Provider("demo-gamma", "Gamma Supply", "active", "degraded", 0.70, 15),
            new Provider("demo-delta", "Delta Reach", "active", "unknown", 0.93, 15));

    static final List<Preset> PRESETS = List.of(
            new Preset("preset-growth", "Growth Sprint", "instagram-followers"),
            new Preset("preset-launch", "Launch Boost", "tiktok-views"),
            new Preset("preset-evergreen", "Evergreen Presence", "instagram-likes"),
            new Preset("preset-viral", "Viral Push", "youtube-views"));

    final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    private final Instant now;
    private final String sandboxBaseUrl;
    private final Random random = new Random(20261123L);

    private DemoDataSet(Instant now, String sandboxBaseUrl) {
        this.now = now;
        this.sandboxBaseUrl = sandboxBaseUrl;
    }

    public static DemoDataSet build(Instant now, String sandboxBaseUrl) {
        DemoDataSet set = new DemoDataSet(now, sandboxBaseUrl);
        set.providers();
        set.orders();
        set.followUps();
        set.enrichment();
        set.runHistory();
        return set;
    }

    public List<Map<String, Object>> rows(String table) {
        return rows.getOrDefault(table, List.of());
    }

    static UUID id(String kind, Object key) {
        return UUID.nameUUIDFromBytes(("provider-automation-demo:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private void add(String table, Map<String, Object> row) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    }

    private Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    private void providers() {
        for (Provider provider : PROVIDERS) {
            String base = "{{sandboxBaseUrl}}/sandbox/providers/" + provider.id();
            Map<String, Object> endpoints = new LinkedHashMap<>();
            endpoints.put("order", Map.of(
                    "method", "POST",
                    "url", base + "/orders",
                    "headers", Map.of("X-Provider-Key", "{{apiKey}}"),
                    "payload", Map.of("service", "{{serviceId}}", "link", "{{targetUrl}}", "quantity", "{{quantity}}",
                            "amount", "{{requestedAmount}}", "rules", "{{serviceRules}}"),
                    "timeoutSeconds", 5,
                    "response", Map.of("providerOrderIdPath", "order")));
            endpoints.put("refill", Map.of(
                    "method", "POST",
                    "url", base + "/refills",
                    "headers", Map.of("X-Provider-Key", "{{apiKey}}"),
                    "payload", Map.of("order", "{{providerOrderId}}", "amount", "{{amount}}")));
            endpoints.put("balance", Map.of(
                    "method", "GET",
                    "url", base + "/balance",
                    "headers", Map.of("X-Provider-Key", "{{apiKey}}"),
                    "response", Map.of("balancePath", "balance", "currencyPath", "currency")));
            Map<String, Object> automation = new LinkedHashMap<>();
            automation.put("apiKey", "sandbox-" + provider.id());
            automation.put("sandboxBaseUrl", sandboxBaseUrl);
            automation.put("endpoints", endpoints);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", provider.id());
            row.put("name", provider.name());
            row.put("description", "Demo provider served by the development sandbox");
            row.put("baseUrl", sandboxBaseUrl + "/sandbox/providers/" + provider.id());
            row.put("allowedRegions", Json.write(List.of("eu", "us")));
            row.put("metadata", Json.write(Map.of("automation", automation, "supportEmail", "ops@" + provider.id() + ".example")));
            row.put("status", provider.status());
            row.put("health", provider.health());
            add("fulfillment_providers", row);
            for (String kind : List.of("followers", "likes")) {
                Map<String, Object> service = new LinkedHashMap<>();
                service.put("id", provider.id() + "-" + kind);
                service.put("providerId", provider.id());
                service.put("name", provider.name() + " " + kind);
                service.put("action", kind + "_standard");
                service.put("category", kind);
                service.put("currency", "USD");
                service.put("metadata", Json.write(Map.of("guardrails", guardrails())));
                add("fulfillment_services", service);
            }
        }
    }

    private static Map<String, Object> guardrails() {
        return Map.of("minimumMarginPercent", 10, "warningMarginPercent", 25, "currency", "USD");
    }

    private void orders() {
        int index = 0;
        for (int day = DAYS - 1; day >= 0; day--) {
            for (int slot = 0; slot < ORDERS_PER_DAY; slot++, index++) {
                Instant createdAt = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(37L * slot + random.nextInt(30)));
                Preset preset = PRESETS.get(random.nextInt(PRESETS.size()));
                int itemCount = index % 5 == 0 ? 2 : 1;
                UUID orderId = id("order", index);
                BigDecimal orderTotal = BigDecimal.ZERO;
                List<Map<String, Object>> items = new ArrayList<>();
                for (int line = 0; line < itemCount; line++) {
                    int quantity = 500 * (1 + random.nextInt(8));
                    BigDecimal unitPrice = BigDecimal.valueOf(2 + random.nextInt(10), 2);
                    BigDecimal total = unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
                    orderTotal = orderTotal.add(total);
                    UUID itemId = id("order-item", index + "-" + line);
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", itemId);
                    item.put("orderId", orderId);
                    item.put("productId", preset.product());
                    item.put("selectedOptions", Json.write(selectedOptions(preset)));
                    item.put("quantity", quantity);
                    item.put("unitPrice", unitPrice);
                    item.put("totalPrice", total);
                    item.put("createdAt", at(createdAt));
                    items.add(item);
                    providerOrder(index, line, day, createdAt, orderId, itemId, preset, quantity, total);
                }
                Map<String, Object> order = new LinkedHashMap<>();
                order.put("id", orderId);
                order.put("status", day == 0 ? "processing" : "completed");
                order.put("totalPrice", orderTotal);
                order.put("currency", "USD");
                order.put("createdAt", at(createdAt));
                add("orders", order);
                items.forEach(item -> add("order_items", item));
            }
        }
    }

    private Map<String, Object> selectedOptions(Preset preset) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("presetId", preset.id());
        options.put("presetLabel", preset.label());
        options.put("options", List.of(Map.of("groupId", "delivery", "groupName", "Delivery speed",
                "optionId", random.nextBoolean() ? "standard" : "express",
                "label", "Delivery", "priceDelta", random.nextBoolean() ? 0 : 4.5)));
        options.put("addOns", random.nextInt(3) == 0
                ? List.of(Map.of("id", "addon-drip", "label", "Drip feed", "pricingMode", "flat",
                        "serviceProviderName", "Alpha Fulfillment", "priceDelta", 3))
                : List.of());
        return options;
    }

    /** Beta takes the Growth Sprint preset over in the last week; otherwise providers follow their weights. */
    private Provider chooseProvider(Preset preset, int day) {
        if (preset.id().equals("preset-growth") && day < 7) {
            return random.nextInt(10) < 8 ? PROVIDERS.get(1) : PROVIDERS.get(0);
        }
        int pick = random.nextInt(100);
        for (Provider provider : PROVIDERS) {
            pick -= provider.weight();
            if (pick < 0) {
                return provider;
            }
        }
        return PROVIDERS.get(0);
    }

    private void providerOrder(int index, int line, int day, Instant orderCreatedAt, UUID orderId, UUID itemId,
                               Preset preset, int quantity, BigDecimal amount) {
        Provider provider = chooseProvider(preset, day);
        UUID providerOrderId = id("provider-order", index + "-" + line);
        Instant createdAt = orderCreatedAt.plus(Duration.ofMinutes(2));
        String serviceId = provider.id() + (preset.product().endsWith("likes") ? "-likes" : "-followers");
        BigDecimal cost = amount.multiply(BigDecimal.valueOf(provider.costRatio())).setScale(2, RoundingMode.HALF_UP);

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId.toString());
        payload.put("orderItemId", itemId.toString());
        payload.put("productId", preset.product());
        payload.put("productSlug", preset.product());
        payload.put("requestedAmount", amount);
        payload.put("providerCostAmount", cost);
        payload.put("providerCostCurrency", "USD");
        payload.put("quantity", quantity);
        payload.put("targetUrl", "https://instagram.example/demo_brand_" + (index % 17));
        payload.put("guardrails", guardrails());
        payload.put("providerOrderId", "sbx-" + providerOrderId.toString().substring(0, 8));
        if (index % 3 == 0) {
            payload.put("serviceRules", List.of(Map.of("id", "rule-drip", "label", "Drip failover", "priority", 1,
                    "conditions", List.of(Map.of("kind", "drip", "min", 10)), "overrides", Map.of("dripPerDay", 50))));
        }
        List<Map<String, Object>> replays = new ArrayList<>();
        List<Map<String, Object>> scheduled = new ArrayList<>();
        boolean recent = day < 10;
        if (provider.id().equals("demo-gamma") && recent) {
            replays.add(replayEntry(providerOrderId, 0, amount, createdAt.plus(Duration.ofHours(1)), "failed",
                    Map.of("error", "Server error 502 for url " + sandboxBaseUrl + "/sandbox/providers/demo-gamma/orders")));
        } else if (index % 11 == 0) {
            replays.add(replayEntry(providerOrderId, 0, amount, createdAt.plus(Duration.ofHours(1)), "executed",
                    Map.of("order", "sbx-replay-" + index, "status", "accepted")));
        }
        if (day == 0 && line == 0) {
            // due now (the next batch takes them) and later today / tomorrow (the backlog and its ETA)
            Instant scheduledFor = index % 2 == 0 ? now.minus(Duration.ofMinutes(15)) : now.plus(Duration.ofHours(6));
            scheduled.add(scheduleEntry(providerOrderId, 0, index % 4 == 0 ? amount : null, scheduledFor));
        } else if (day == 1 && line == 0 && index % 2 == 0) {
            scheduled.add(scheduleEntry(providerOrderId, 0, null, now.minus(Duration.ofHours(2))));
        }
        if (!replays.isEmpty()) {
            payload.put("replays", replays);
            if (replays.get(0).get("status").equals("executed")) {
                payload.put("providerResponse", replays.get(0).get("response"));
            }
        }
        if (!scheduled.isEmpty()) {
            payload.put("scheduledReplays", scheduled);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", providerOrderId);
        row.put("orderId", orderId);
        row.put("orderItemId", itemId);
        row.put("providerId", provider.id());
        row.put("providerName", provider.name());
        row.put("serviceId", serviceId);
        row.put("serviceAction", serviceId.endsWith("likes") ? "likes_standard" : "followers_standard");
        row.put("amount", amount);
        row.put("currency", "USD");
        row.put("payload", Json.write(payload));
        row.put("createdAt", at(createdAt));
        row.put("updatedAt", at(replays.isEmpty() ? createdAt : createdAt.plus(Duration.ofHours(1))));
        add("fulfillment_provider_orders", row);
    }

    private Map<String, Object> replayEntry(UUID providerOrderId, int n, BigDecimal amount, Instant performedAt,
                                            String status, Map<String, Object> response) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id("replay", providerOrderId + "-" + n).toString());
        entry.put("requestedAmount", amount);
        entry.put("currency", "USD");
        entry.put("performedAt", Timestamps.canonical(performedAt));
        entry.put("status", status);
        entry.put("response", response);
        return entry;
    }

    private Map<String, Object> scheduleEntry(UUID providerOrderId, int n, BigDecimal amount, Instant scheduledFor) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id("schedule", providerOrderId + "-" + n).toString());
        entry.put("requestedAmount", amount);
        entry.put("currency", "USD");
        entry.put("scheduledFor", Timestamps.canonical(scheduledFor));
        entry.put("status", "scheduled");
        return entry;
    }

    private void followUps() {
        record FollowUp(String providerId, String action, String notes, int daysAgo, boolean context) {
        }
        List<FollowUp> followUps = List.of(
                new FollowUp("demo-beta", "pause", "Paused while Beta investigates delivery lag.", 28, true),
                new FollowUp("demo-beta", "resume", "Delivery lag fixed upstream.", 26, true),
                new FollowUp("demo-alpha", "escalate", "Refill rate above 5% on Growth Sprint orders.", 21, true),
                new FollowUp("demo-gamma", "escalate", "Replay failures above threshold.", 12, false),
                new FollowUp("demo-delta", "escalate", "Margins below target on most services.", 9, true),
                new FollowUp("demo-alpha", "resume", "Refill rate back to normal.", 5, false),
                new FollowUp("demo-gamma", "escalate", "Sandbox endpoint still failing; vendor ticket opened.", 2, true),
                new FollowUp("demo-beta", "escalate", "Beta now carries most Growth Sprint orders.", 1, true));
        Map<String, Map<String, Object>> statusByProvider = new LinkedHashMap<>();
        int n = 0;
        for (FollowUp followUp : followUps) {
            Provider provider = PROVIDERS.stream().filter(p -> p.id().equals(followUp.providerId())).findFirst().orElseThrow();
            UUID followUpId = id("follow-up", n);
            Instant createdAt = now.minus(Duration.ofDays(followUp.daysAgo())).minus(Duration.ofMinutes(13L * n));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", followUpId);
            row.put("providerId", provider.id());
            row.put("providerName", provider.name());
            row.put("action", followUp.action());
            row.put("notes", followUp.notes());
            row.put("platformContext", followUp.context()
                    ? Json.write(Map.of("id", "instagram::@demo_brand", "label", "Instagram @demo_brand",
                            "handle", "@demo_brand", "platformType", "instagram"))
                    : null);
            row.put("conversionCursor", n % 2 == 0 ? "spring-offer" : null);
            row.put("conversionHref", n % 2 == 0
                    ? "http://localhost:3000/admin/reports?conversionCursor=spring-offer#experiment-analytics" : null);
            row.put("createdAt", at(createdAt));
            add("provider_guardrail_followup", row);
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("providerId", provider.id());
            status.put("providerName", provider.name());
            status.put("lastAction", followUp.action());
            status.put("paused", followUp.action().equals("pause"));
            status.put("followUpId", followUpId);
            status.put("updatedAt", at(createdAt));
            statusByProvider.put(provider.id(), status);
            n++;
        }
        statusByProvider.values().forEach(status -> add("provider_guardrail_status", status));
    }

    /**
     * Past runs as the batch and the alert run record them (replay-and-history.md 5.9, alerts.md 11.4): Gamma's
     * replays fail in every batch, one batch aborted, Beta's Growth Sprint load alert fires in the last two days and
     * one alert run's Slack delivery failed (partial).
     */
    private void runHistory() {
        int runs = 12;
        for (int n = 0; n < runs; n++) {
            Instant ranAt = now.minus(Duration.ofHours(6L * (runs - n))).plus(Duration.ofMinutes(5));
            int processed = 2 + n % 4;
            int failed = 1 + n % 2;
            int backlog = 20 - n;
            Map<String, Object> replay = new LinkedHashMap<>();
            replay.put("processed", processed);
            replay.put("succeeded", processed - failed);
            replay.put("failed", failed);
            replay.put("scheduledBacklog", backlog);
            replay.put("nextScheduledAt", Timestamps.canonical(ranAt.plus(Duration.ofHours(2))));
            replay.put("concurrency", 8);
            boolean aborted = n == 3;
            if (aborted) {
                replay.put("error", "database connection lost during the batch");
            }
            add("provider_automation_runs", run("replay", n, aborted ? "failed" : "success", replay, null, backlog,
                    ranAt.plus(Duration.ofHours(2)), null, ranAt));

            boolean loadAlert = n >= runs - 8;
            boolean slackFailed = n == runs - 5;
            List<Object> alertsDigest = List.of(Map.of("providerId", "demo-gamma", "providerName", "Gamma Supply",
                    "reasons", List.of("replay failures above threshold"), "guardrailFailures", 0, "guardrailWarnings", 0,
                    "replayFailures", failed + 2, "replayTotal", failed + 2, "guardrailHotspots", List.of(), "ruleOverrides", List.of()));
            List<Object> loadAlertsDigest = loadAlert ? List.of(Map.of("providerId", "demo-beta", "providerName", "Beta Ops",
                    "presetId", "preset-growth", "presetLabel", "Growth Sprint", "shortWindowDays", 7, "longWindowDays", 90,
                    "shortShare", 0.8, "longShare", 0.3, "shareDelta", 0.5)) : List.of();
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("alerts", alertsDigest.size());
            alert.put("alertsSent", alertsDigest.size());
            alert.put("alertsSuppressed", 0);
            alert.put("alertsDigest", alertsDigest);
            alert.put("loadAlerts", loadAlertsDigest.size());
            alert.put("loadAlertsSent", loadAlertsDigest.size());
            alert.put("loadAlertsSuppressed", 0);
            alert.put("loadAlertsDigest", loadAlertsDigest);
            alert.put("autoPaused", 0);
            alert.put("autoResumed", 0);
            alert.put("autoPausedProviders", List.of());
            alert.put("autoResumedProviders", List.of());
            alert.put("errors", slackFailed ? List.of(Map.of("stage", "slack", "code", "http-500")) : List.of());
            alert.put("status", slackFailed ? "partial" : "success");
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("alertsDigest", alertsDigest);
            metadata.put("loadAlertsDigest", loadAlertsDigest);
            metadata.put("autoPausedProviders", List.of());
            metadata.put("autoResumedProviders", List.of());
            add("provider_automation_runs", run("alert", n, (String) alert.get("status"), alert, metadata, null, null,
                    alertsDigest.size(), ranAt.minus(Duration.ofMinutes(4))));
        }
    }

    private Map<String, Object> run(String type, int n, String status, Map<String, Object> summary, Map<String, Object> metadata,
                                    Integer backlog, Instant nextScheduledAt, Integer alertsSent, Instant createdAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id("run-" + type, n));
        row.put("runType", type);
        row.put("status", status);
        row.put("summary", Json.write(summary));
        row.put("metadata", metadata == null ? null : Json.write(metadata));
        row.put("backlogTotal", backlog);
        row.put("nextScheduledAt", nextScheduledAt == null ? null : at(nextScheduledAt));
        row.put("alertsSent", alertsSent);
        row.put("createdAt", at(createdAt));
        return row;
    }

    private void enrichment() {
        String[][] contexts = {
            {"demo-alpha", "instagram::@acme", "Acme IG", "@acme", "instagram"},
            {"demo-beta", "tiktok::@demo_brand", "Demo Brand TikTok", "@demo_brand", "tiktok"},
            {"demo-gamma", "youtube::demo", "Demo Channel", "demo", "youtube"}};
        for (int i = 0; i < contexts.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("providerId", contexts[i][0]);
            row.put("contextId", contexts[i][1]);
            row.put("label", contexts[i][2]);
            row.put("handle", contexts[i][3]);
            row.put("platformType", contexts[i][4]);
            row.put("lastSeenAt", at(now.minus(Duration.ofHours(3L * i + 1))));
            add("provider_platform_context_cache", row);
        }
        String[] slugs = {"spring-offer", "loyalty-boost", "bundle-test"};
        for (int i = 0; i < 24; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id("experiment-event", i));
            row.put("journeyId", id("journey", i % 15));
            row.put("orderId", i % 3 == 0 ? null : id("order", DAYS * ORDERS_PER_DAY - 1 - i));
            row.put("slug", slugs[i % slugs.length]);
            row.put("variant", i % 2 == 0 ? "control" : "treatment");
            row.put("orderTotal", i % 3 == 0 ? null : BigDecimal.valueOf(2500 + 175L * i, 2));
            row.put("currency", "USD");
            row.put("loyaltyPoints", 100 * (i % 7));
            row.put("createdAt", at(now.minus(Duration.ofHours(5L * i + 2))));
            add("onboarding_experiment_events", row);
        }
    }
}
