package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.config.AlertSettings;
import com.smplat.providerautomation.history.AutomationSnapshot.ProviderSnapshot;
import com.smplat.providerautomation.support.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Automation alert evaluation (alerts.md 4): which snapshot providers breach a threshold, their digests (4.3),
 * breached conditions (AL-EVAL-3) and fingerprints (AL-DEDUP-1). Pure: no Spring, no SQL.
 */
public final class AutomationAlerts {

    /** A breached condition, with its fingerprint code. */
    public enum Condition {
        GUARDRAIL_FAIL("guardrail-fail"), GUARDRAIL_WARN("guardrail-warn"), REPLAY_FAILURE("replay-failure");

        private final String code;

        Condition(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The effective thresholds of AL-EVAL-1, clamped to at least 1 whoever builds them. */
    public record Thresholds(int fail, int warn, int replay) {
        public Thresholds {
            fail = Math.max(1, fail);
            warn = Math.max(1, warn);
            replay = Math.max(1, replay);
        }

        public static Thresholds of(AlertSettings settings) {
            return new Thresholds(settings.guardrailFailThreshold(), settings.guardrailWarnThreshold(),
                    settings.replayFailureThreshold());
        }
    }

    /** One fired alert. The digest is kept private and handed out as copies, so an alert never changes. */
    public static final class Alert {
        private final ObjectNode digest;
        private final Set<Condition> breached;

        private Alert(ObjectNode digest, Set<Condition> breached) {
            this.digest = digest;
            this.breached = Set.copyOf(breached);
        }

        public String providerId() {
            return digest.get("providerId").asText();
        }

        public String providerName() {
            return digest.get("providerName").asText();
        }

        public List<String> reasons() {
            List<String> reasons = new ArrayList<>();
            digest.get("reasons").forEach(reason -> reasons.add(reason.asText()));
            return reasons;
        }

        public int guardrailFailures() {
            return digest.get("guardrailFailures").asInt();
        }

        public int guardrailWarnings() {
            return digest.get("guardrailWarnings").asInt();
        }

        public int replayFailures() {
            return digest.get("replayFailures").asInt();
        }

        public int replayTotal() {
            return digest.get("replayTotal").asInt();
        }

        /** AL-EVAL-3; never serialised. */
        public Set<Condition> breached() {
            return breached;
        }

        /** AL-DEDUP-1: {@code automation|{providerId}|{breached codes sorted, joined ","}}. */
        public String fingerprint() {
            return "automation|" + providerId() + "|"
                    + breached.stream().map(Condition::code).sorted().collect(Collectors.joining(","));
        }

        /** AL-PB-1: fails >= failT or replayFailed >= replayT; a warn-only alert never pauses. */
        public boolean pauseCandidate() {
            return breached.contains(Condition.GUARDRAIL_FAIL) || breached.contains(Condition.REPLAY_FAILURE);
        }

        /** The 4.6 digest entry (a copy). */
        public ObjectNode digest() {
            return digest.deepCopy();
        }
    }

    private static final int TOP_RULES = 3;

    private AutomationAlerts() {
    }

    /** AL-EVAL-2/6: the fired alerts, in snapshot order, at most one per provider. */
    public static List<Alert> evaluate(List<ProviderSnapshot> providers, Thresholds thresholds) {
        List<Alert> alerts = new ArrayList<>();
        for (ProviderSnapshot provider : providers) {
            JsonNode telemetry = provider.telemetry();
            int fails = telemetry.path("guardrails").path("fail").asInt();
            int warns = telemetry.path("guardrails").path("warn").asInt();
            int replayFailed = telemetry.path("replays").path("failed").asInt();
            int replayTotal = telemetry.path("replays").path("total").asInt();
            Set<Condition> breached = EnumSet.noneOf(Condition.class);
            if (fails >= thresholds.fail()) {
                breached.add(Condition.GUARDRAIL_FAIL);
            }
            if (warns >= thresholds.warn()) {
                breached.add(Condition.GUARDRAIL_WARN);
            }
            if (replayFailed >= thresholds.replay()) {
                breached.add(Condition.REPLAY_FAILURE);
            }
            if (breached.isEmpty()) {
                continue;
            }
            ObjectNode digest = Json.MAPPER.createObjectNode();
            digest.put("providerId", provider.id());
            boolean blankName = provider.name() == null || provider.name().isBlank();
            digest.put("providerName", blankName ? provider.id() : provider.name());
            ArrayNode reasons = digest.putArray("reasons");
            reasons(fails, warns, replayFailed, replayTotal).forEach(reasons::add);
            digest.put("guardrailFailures", fails).put("guardrailWarnings", warns)
                    .put("replayFailures", replayFailed).put("replayTotal", replayTotal);
            digest.set("guardrailHotspots", hotspots(telemetry.path("guardrailHitsByService")));
            digest.set("ruleOverrides", ruleOverrides(telemetry.path("ruleOverridesByService")));
            alerts.add(new Alert(digest, breached));
        }
        return alerts;
    }

    /** AL-EVAL-4: every non-zero count, even below its threshold. */
    static List<String> reasons(int fails, int warns, int replayFailed, int replayTotal) {
        List<String> reasons = new ArrayList<>();
        if (fails > 0) {
            reasons.add(fails + " guardrail fail(s)");
        }
        if (warns > 0) {
            reasons.add(warns + " guardrail warn(s)");
        }
        if (replayFailed > 0) {
            reasons.add(replayTotal > 0 ? replayFailed + "/" + replayTotal + " replay failures" : replayFailed + " replay failure(s)");
        }
        return reasons;
    }

    /** AL-EVAL-5: the reasons of a digest or playbook entry as one string; {@code Unknown breach} when none. */
    public static String reasonsText(JsonNode reasons) {
        List<String> items = new ArrayList<>();
        if (reasons != null && reasons.isArray()) {
            reasons.forEach(reason -> items.add(reason.asText()));
        }
        return items.isEmpty() ? "Unknown breach" : String.join(", ", items);
    }

    /** serviceKey -> {fail, warn, pass, evaluated}, every service, keys ascending (determinism). */
    private static ObjectNode hotspots(JsonNode hitsByService) {
        ObjectNode hotspots = Json.MAPPER.createObjectNode();
        sorted(hitsByService).forEach((service, hits) -> hotspots.putObject(service)
                .put("fail", hits.path("fail").asInt()).put("warn", hits.path("warn").asInt())
                .put("pass", hits.path("pass").asInt()).put("evaluated", hits.path("evaluated").asInt()));
        return hotspots;
    }

    /** serviceKey -> top 3 rules by count descending, ties by id ascending; [] for a service without usable rules. */
    private static ObjectNode ruleOverrides(JsonNode overridesByService) {
        ObjectNode overrides = Json.MAPPER.createObjectNode();
        sorted(overridesByService).forEach((service, bucket) -> {
            ArrayNode top = overrides.putArray(service);
            sorted(bucket.path("rules")).entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, JsonNode> rule) -> rule.getValue().path("count").asInt())
                            .reversed().thenComparing(Map.Entry::getKey))
                    .limit(TOP_RULES)
                    .forEach(rule -> {
                        JsonNode label = rule.getValue().path("label");
                        top.addObject().put("id", rule.getKey())
                                .put("label", label.isTextual() ? label.asText() : null)
                                .put("count", rule.getValue().path("count").asInt());
                    });
        });
        return overrides;
    }

    /** An object's members by key ascending (AL-FMT-5); empty for anything but an object. */
    static Map<String, JsonNode> sorted(JsonNode object) {
        Map<String, JsonNode> entries = new TreeMap<>();
        if (object != null && object.isObject()) {
            object.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
        }
        return entries;
    }
}
