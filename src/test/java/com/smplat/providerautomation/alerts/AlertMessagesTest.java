package com.smplat.providerautomation.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.alerts.AlertMessages.Content;
import com.smplat.providerautomation.alerts.AlertMessages.Conversion;
import com.smplat.providerautomation.alerts.AlertMessages.PlatformContext;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertMessagesTest {

    private static final String BASE = "https://admin.example.com";

    /** alerts.md 12.1, verbatim. */
    static final String RUN_SUMMARY_12_1 = """
            {
              "alerts": 1,
              "alertsSent": 1,
              "alertsSuppressed": 0,
              "alertsDigest": [
                {
                  "providerId": "prov-alpha",
                  "providerName": "Alpha Fulfillment",
                  "reasons": ["3 guardrail fail(s)", "1 guardrail warn(s)", "2/5 replay failures"],
                  "guardrailFailures": 3,
                  "guardrailWarnings": 1,
                  "replayFailures": 2,
                  "replayTotal": 5,
                  "guardrailHotspots": {"svc-followers": {"fail": 3, "warn": 1, "pass": 6, "evaluated": 10}},
                  "ruleOverrides": {"svc-followers": [
                    {"id": "rule-margin-floor", "label": "Margin floor", "count": 4},
                    {"id": "rule-geo", "label": null, "count": 1}
                  ]}
                }
              ],
              "loadAlerts": 1,
              "loadAlertsSent": 1,
              "loadAlertsSuppressed": 0,
              "loadAlertsDigest": [
                {
                  "providerId": "prov-beta", "providerName": "Beta Ops",
                  "presetId": "preset-growth", "presetLabel": "Growth Sprint",
                  "serviceId": "svc-qa", "serviceAction": "qa_support", "currency": "USD",
                  "shortWindowDays": 7, "longWindowDays": 90,
                  "shortShare": 0.75, "longShare": 0.4, "shareDelta": 0.35,
                  "shortEngagements": 12, "longEngagements": 32,
                  "shortAmountTotal": 600.0, "longAmountTotal": 1600.0,
                  "links": {
                    "merchandising": "https://admin.example.com/admin/merchandising?presetId=preset-growth",
                    "fulfillment": "https://admin.example.com/admin/fulfillment/providers?providerId=prov-beta",
                    "orders": "https://admin.example.com/admin/orders?presetId=preset-growth&providerId=prov-beta"
                  }
                }
              ],
              "autoPaused": 1,
              "autoResumed": 1,
              "autoPausedProviders": [
                {
                  "providerId": "prov-alpha", "providerName": "Alpha Fulfillment", "action": "pause",
                  "notes": "Auto pause triggered by provider automation alerts worker",
                  "guardrailFailures": 3, "guardrailWarnings": 1, "replayFailures": 2, "replayTotal": 5,
                  "reasons": ["3 guardrail fail(s)", "1 guardrail warn(s)", "2/5 replay failures"],
                  "followUpId": "0b6f7f1e-3c55-4b8e-9d0a-2f4f1d2a9c11"
                }
              ],
              "autoResumedProviders": [
                {
                  "providerId": "prov-gamma", "providerName": "Gamma Supply", "action": "resume",
                  "notes": "Automation worker resumed provider after guardrails cleared",
                  "followUpId": "5d1c2b7a-8e9f-4a3b-b6c5-0d9e8f7a6b5c",
                  "previousFollowUpId": "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b"
                }
              ],
              "workflowTelemetry": {
                "totalEvents": 6,
                "lastCapturedAt": "2025-01-02T00:00:00.000Z",
                "actionCounts": [{"action": "attachment.upload", "count": 3, "lastOccurredAt": "2025-01-02T00:00:00.000Z"}],
                "attachmentTotals": {"upload": 3, "remove": 1, "copy": 0, "tag": 0},
                "providerActivity": []
              },
              "notificationDelivery": {
                "dispatched": true,
                "email": {"status": "sent", "recipients": 1, "delivered": 1, "failed": 0, "failedRecipients": [], "invalidRecipients": []},
                "slack": {"status": "sent", "attempts": 1, "httpStatus": 200}
              },
              "errors": [],
              "status": "success"
            }""";

    /** alerts.md 12.2, verbatim: no trailing newline. */
    private static final String EMAIL_12_2 = """
            The following providers breached automation guardrails:

            - Alpha Fulfillment (prov-alpha): 3 guardrail fail(s), 1 guardrail warn(s), 2/5 replay failures
              Guardrail hotspots:
                • svc-followers: 3 fail / 1 warn
              Rule overrides triggering automation:
                • svc-followers: Margin floor (4), rule-geo (1)

            Preset/provider cohort pressure detected:

            - Beta Ops dominating Growth Sprint (75.0% vs 40.0% baseline)
              Window 7d vs 90d · 12 vs 32 engagements
              Provider spend USD 600 short / 1,600 long
              Service svc-qa · qa_support
              Links:
                • Merchandising: https://admin.example.com/admin/merchandising?presetId=preset-growth
                • Fulfillment: https://admin.example.com/admin/fulfillment/providers?providerId=prov-beta
                • Orders: https://admin.example.com/admin/orders?presetId=preset-growth&providerId=prov-beta

            Automation guardrail actions taken automatically:

            - Paused: Alpha Fulfillment (prov-alpha) — 3 guardrail fail(s), 1 guardrail warn(s), 2/5 replay failures
              Dashboard: https://admin.example.com/admin/fulfillment/providers/prov-alpha?tab=automation
            - Resumed: Gamma Supply (prov-gamma) — Automation worker resumed provider after guardrails cleared
              Dashboard: https://admin.example.com/admin/fulfillment/providers/prov-gamma?tab=automation

            Guardrail workflow telemetry snapshot:
            - Actions captured: 6
            - Attachments — upload 3, remove 1, copy 0, tag 0
            - Top action: attachment.upload (3)
            - Last captured: 2025-01-02T00:00:00.000Z

            Investigate these providers before rerunning automated fulfillments.""";

    /** alerts.md 12.3, the payload's text, its newline escapes written as line breaks. */
    private static final String SLACK_12_3 = """
            :warning: Provider automation alerts detected
            • Alpha Fulfillment (prov-alpha) — 3 guardrail fail(s), 1 guardrail warn(s), 2/5 replay failures
                contexts: Acme IG (@acme, instagram)
            :robot_face: Guardrail playbook actions
            • Auto-pause — Alpha Fulfillment (prov-alpha) — 3 guardrail fail(s), 1 guardrail warn(s), 2/5 replay failures
                <https://admin.example.com/admin/fulfillment/providers/prov-alpha?tab=automation|Open automation tab>
            • Auto-resume — Gamma Supply (prov-gamma) — Automation worker resumed provider after guardrails cleared
                <https://admin.example.com/admin/fulfillment/providers/prov-gamma?tab=automation|Open automation tab>
            :bar_chart: Provider cohort pressure detected
            • Beta Ops / Growth Sprint 75% vs 40% baseline
                <https://admin.example.com/admin/merchandising?presetId=preset-growth|Merchandising> · <https://admin.example.com/admin/fulfillment/providers?providerId=prov-beta|Fulfillment> · <https://admin.example.com/admin/orders?presetId=preset-growth&providerId=prov-beta|Orders>
            :clipboard: Workflow telemetry snapshot
                Actions captured: 6
                Attachments — upload 3, remove 1, copy 0, tag 0
                Top action: attachment.upload (3)
                Last captured: 2025-01-02T00:00:00.000Z
            :moneybag: Experiment conversion impact
                spring-offer: USD 1,250 · 5 orders / 7 journeys · 4,200 pts · last Jan 02
                Live conversions: <https://admin.example.com/admin/reports#experiment-analytics|Open dashboard>""";

    /** alerts.md 12.3, the pause follow-up message. */
    private static final String PAUSE_FOLLOW_UP_12_3 = """
            :warning: Guardrail follow-up recorded for *Alpha Fulfillment* (`prov-alpha`)
            • Action: *Pause*
            • Notes: Auto pause triggered by provider automation alerts worker
            • Status: *Paused*
            <https://admin.example.com/admin/fulfillment/providers/prov-alpha?tab=automation|Open dashboard>
            • Live conversion snapshot: <https://admin.example.com/admin/reports#experiment-analytics|Open conversions>""";

    static JsonNode json(String text) {
        JsonNode node = Json.readOrNull(text);
        assertThat(node).as("test JSON parses: " + text).isNotNull();
        return node;
    }

    private static final JsonNode RUN = json(RUN_SUMMARY_12_1);

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** The notification content of 12.1: nothing is suppressed, so every digest is notifiable. */
    private static Content content(String frontendUrl) {
        return new Content(list(RUN.get("alertsDigest")), list(RUN.get("loadAlertsDigest")),
                list(RUN.get("autoPausedProviders")), list(RUN.get("autoResumedProviders")),
                RUN.get("workflowTelemetry"), frontendUrl);
    }

    private static final Map<String, List<PlatformContext>> CONTEXTS_12_3 =
            Map.of("prov-alpha", List.of(new PlatformContext("Acme IG", "@acme", "instagram")));
    private static final List<Conversion> CONVERSIONS_12_3 = List.of(new Conversion("spring-offer", new BigDecimal("1250.00"),
            "USD", 5, 7, 4200, Instant.parse("2025-01-02T00:00:00Z")));

    private static Content only(List<JsonNode> alerts, List<JsonNode> loads, List<JsonNode> paused, List<JsonNode> resumed,
                                JsonNode telemetry, String frontendUrl) {
        return new Content(alerts, loads, paused, resumed, telemetry, frontendUrl);
    }

    private static String emailOfLoad(String loadAlert) {
        return AlertMessages.emailBody(only(List.of(), List.of(json(loadAlert)), List.of(), List.of(), null, BASE));
    }

    private static String slackOfLoad(String loadAlert) {
        return AlertMessages.slackText(only(List.of(), List.of(json(loadAlert)), List.of(), List.of(), null, BASE), Map.of(), List.of());
    }

    // --- 12.2 and 12.3, character for character ---------------------------------------------------------

    @Test
    void theEmailOf12_1IsExactly12_2() {
        assertThat(AlertMessages.EMAIL_SUBJECT).isEqualTo("Provider automation alerts");
        assertThat(AlertMessages.emailBody(content(BASE))).isEqualTo(EMAIL_12_2);
        assertThat(AlertMessages.emailBody(content(BASE + "/"))).as("trailing / ignored").isEqualTo(EMAIL_12_2);
    }

    @Test
    void theSlackPayloadOf12_1IsExactly12_3() {
        String text = AlertMessages.slackText(content(BASE), CONTEXTS_12_3, CONVERSIONS_12_3);
        assertThat(text).isEqualTo(SLACK_12_3);
        ObjectNode payload = AlertMessages.slackPayload(text, Optional.of("#ops"));
        assertThat(Json.write(payload)).isEqualTo(Json.write(Json.MAPPER.createObjectNode().put("text", SLACK_12_3).put("channel", "#ops")));
        assertThat(AlertMessages.slackPayload(text, Optional.empty()).fieldNames()).toIterable().containsExactly("text");
        assertThat(AlertMessages.slackPayload(text, Optional.of(" ")).fieldNames()).toIterable().containsExactly("text");
    }

    @Test
    void thePauseFollowUpOf12_1IsExactlyThe12_3Message() {
        JsonNode pause = RUN.get("autoPausedProviders").get(0);
        assertThat(AlertMessages.followUpText(pause, true, BASE)).isEqualTo(PAUSE_FOLLOW_UP_12_3);
    }

    @Test
    void theResumeFollowUpSaysResumeAndActive() {
        JsonNode resume = RUN.get("autoResumedProviders").get(0);
        assertThat(AlertMessages.followUpText(resume, false, BASE)).isEqualTo("""
                :warning: Guardrail follow-up recorded for *Gamma Supply* (`prov-gamma`)
                • Action: *Resume*
                • Notes: Automation worker resumed provider after guardrails cleared
                • Status: *Active*
                <https://admin.example.com/admin/fulfillment/providers/prov-gamma?tab=automation|Open dashboard>
                • Live conversion snapshot: <https://admin.example.com/admin/reports#experiment-analytics|Open conversions>""");
    }

    @Test
    void aFollowUpWithoutFrontendUrlLinksRootRelativeAndDropsTheConversionLine() {
        JsonNode entry = json("""
                {"providerId": "prov a/b", "providerName": "", "action": "manual_escalate", "notes": "<check> & pause"}""");
        assertThat(AlertMessages.followUpText(entry, true, "")).isEqualTo("""
                :warning: Guardrail follow-up recorded for *prov a/b* (`prov a/b`)
                • Action: *Manual Escalate*
                • Notes: &lt;check&gt; &amp; pause
                • Status: *Paused*
                </admin/fulfillment/providers/prov%20a%2Fb?tab=automation|Open dashboard>""");
    }

    // --- AL-NOTIF-1 ---------------------------------------------------------------------------------------

    @Test
    void aNotificationIsDueForAnyNotifiableAlertOrPlaybookActionButNotForEnrichmentAlone() {
        JsonNode any = json("{}");
        assertThat(only(List.of(any), null, null, null, null, BASE).notificationDue()).isTrue();
        assertThat(only(null, List.of(any), null, null, null, BASE).notificationDue()).isTrue();
        assertThat(only(null, null, List.of(any), null, null, BASE).notificationDue()).isTrue();
        assertThat(only(null, null, null, List.of(any), null, BASE).notificationDue()).isTrue();
        assertThat(only(List.of(), List.of(), List.of(), List.of(), RUN.get("workflowTelemetry"), BASE).notificationDue()).isFalse();
        assertThat(content(BASE).notificationDue()).isTrue();
    }

    // --- AL-FMT-1, AL-FMT-2 -------------------------------------------------------------------------------

    @Test
    void percentagesRoundHalfToEvenOnTheBinaryValue() {
        assertThat(AlertMessages.percent(0.625, 1)).isEqualTo("62.5");
        assertThat(AlertMessages.percent(0.625, 0)).as("half-up would give 63").isEqualTo("62");
        assertThat(AlertMessages.percent(0.125, 1)).isEqualTo("12.5");
        assertThat(AlertMessages.percent(0.125, 0)).isEqualTo("12");
        assertThat(AlertMessages.percent(0.135, 1)).isEqualTo("13.5");
        assertThat(AlertMessages.percent(0.135, 0)).as("0.135 x 100 is exactly 13.5 in binary: to even").isEqualTo("14");
        assertThat(AlertMessages.percent(0.145, 1)).isEqualTo("14.5");
        assertThat(AlertMessages.percent(0.145, 0)).as("0.145 x 100 is 14.499999999999998").isEqualTo("14");
        assertThat(AlertMessages.percent(0.0125, 1)).as("1.25 exactly: to even").isEqualTo("1.2");
        assertThat(AlertMessages.percent(0.75, 1)).isEqualTo("75.0");
        assertThat(AlertMessages.percent(0.0, 0)).isEqualTo("0");
        assertThat(AlertMessages.percent(1.0, 1)).isEqualTo("100.0");
    }

    @Test
    void moneyIsAWholeHalfToEvenAmountWithThousandsSeparators() {
        assertThat(AlertMessages.money("USD", new BigDecimal("600.0"))).isEqualTo("USD 600");
        assertThat(AlertMessages.money("EUR", new BigDecimal("1234.5"))).isEqualTo("EUR 1,234");
        assertThat(AlertMessages.money("USD", new BigDecimal("1235.5"))).isEqualTo("USD 1,236");
        assertThat(AlertMessages.money("USD", new BigDecimal("12500"))).isEqualTo("USD 12,500");
        assertThat(AlertMessages.money("USD", new BigDecimal("1234567.49"))).isEqualTo("USD 1,234,567");
        assertThat(AlertMessages.money(null, new BigDecimal("2.5"))).isEqualTo("USD 2");
        assertThat(AlertMessages.money("", new BigDecimal("-1234.5"))).isEqualTo("USD -1,234");
    }

    // --- email sections (AL-MAIL-3) ----------------------------------------------------------------------

    @Test
    void anAlertWithoutHotspotsOrRulesHasNoSubHeadersAndEachAlertEndsWithAnEmptyLine() {
        JsonNode bare = json("""
                {"providerId": "p1", "providerName": "One", "reasons": ["5 guardrail warn(s)"], "guardrailHotspots": {},
                 "ruleOverrides": {"svc-a": [], "svc-b": []}}""");
        JsonNode hot = json("""
                {"providerId": "p2", "providerName": "Two", "reasons": ["1 guardrail fail(s)", "3 replay failure(s)"],
                 "guardrailHotspots": {"svc-z": {"fail": 1, "warn": 0, "pass": 2, "evaluated": 3},
                                       "svc-a": {"fail": 0, "warn": 0, "pass": 4, "evaluated": 4}},
                 "ruleOverrides": {"svc-z": [{"id": "r1", "label": null, "count": 2}], "svc-a": [],
                                   "svc-b": [{"id": "r2", "label": "", "count": 1}, {"id": "r3", "label": "Geo", "count": 1}]}}""");
        String body = AlertMessages.emailBody(only(List.of(bare, hot), null, null, null, null, BASE));
        assertThat(body).isEqualTo("""
                The following providers breached automation guardrails:

                - One (p1): 5 guardrail warn(s)

                - Two (p2): 1 guardrail fail(s), 3 replay failure(s)
                  Guardrail hotspots:
                    • svc-a: 0 fail / 0 warn
                    • svc-z: 1 fail / 0 warn
                  Rule overrides triggering automation:
                    • svc-b: r2 (1), Geo (1)
                    • svc-z: r1 (2)

                Investigate these providers before rerunning automated fulfillments.""");
    }

    @Test
    void aLoadAlertLeavesOutSpendServiceAndLinksWhenItHasNone() {
        assertThat(emailOfLoad("""
                {"providerId": "prov-b", "providerName": null, "presetId": "preset-x", "presetLabel": "",
                 "serviceId": "svc-q", "serviceAction": null, "currency": null, "shortWindowDays": 7, "longWindowDays": 90,
                 "shortShare": 0.625, "longShare": 0.125, "shareDelta": 0.5, "shortEngagements": 10, "longEngagements": 8,
                 "shortAmountTotal": 0.0, "longAmountTotal": 1234.5}""")).isEqualTo("""
                Preset/provider cohort pressure detected:

                - prov-b dominating preset-x (62.5% vs 12.5% baseline)
                  Window 7d vs 90d · 10 vs 8 engagements

                Investigate these providers before rerunning automated fulfillments.""");
    }

    @Test
    void aLoadAlertShowsSpendInItsCurrencyOrUsdServiceDashAndOnlyThePresentLinks() {
        assertThat(emailOfLoad("""
                {"providerId": "prov-b", "providerName": "Beta", "presetId": "p", "presetLabel": "Label",
                 "serviceId": "", "serviceAction": "qa", "currency": null, "shortWindowDays": 1, "longWindowDays": 30,
                 "shortShare": 1.0, "longShare": 0.0, "shareDelta": 1.0, "shortEngagements": 12, "longEngagements": 0,
                 "shortAmountTotal": -2.5, "longAmountTotal": 0.0,
                 "links": {"fulfillment": "https://admin.example.com/admin/fulfillment/providers?providerId=prov-b"}}""")).isEqualTo("""
                Preset/provider cohort pressure detected:

                - Beta dominating Label (100.0% vs 0.0% baseline)
                  Window 1d vs 30d · 12 vs 0 engagements
                  Provider spend USD -2 short / 0 long
                  Service - · qa
                  Links:
                    • Fulfillment: https://admin.example.com/admin/fulfillment/providers?providerId=prov-b

                Investigate these providers before rerunning automated fulfillments.""");
    }

    @Test
    void playbookActionsWithoutFrontendUrlHaveNoDashboardAndAnEmptyDetailDropsTheDash() {
        JsonNode pause = json("""
                {"providerId": "p1", "providerName": "One", "action": "pause", "notes": "n", "reasons": []}""");
        JsonNode resume = json("""
                {"providerId": "p2", "providerName": "Two", "action": "resume", "notes": ""}""");
        assertThat(AlertMessages.emailBody(only(null, null, List.of(pause), List.of(resume), null, ""))).isEqualTo("""
                Automation guardrail actions taken automatically:

                - Paused: One (p1) — n
                - Resumed: Two (p2)

                Investigate these providers before rerunning automated fulfillments.""");
        assertThat(AlertMessages.slackText(only(null, null, List.of(pause), List.of(resume), null, ""), Map.of(), List.of()))
                .isEqualTo("""
                        :robot_face: Guardrail playbook actions
                        • Auto-pause — One (p1) — n
                        • Auto-resume — Two (p2)""");
    }

    @Test
    void aDashboardLinkEncodesTheProviderIdAsAPathSegment() {
        JsonNode pause = json("""
                {"providerId": "prov a/b", "providerName": "AB", "action": "pause", "notes": "n"}""");
        assertThat(AlertMessages.emailBody(only(null, null, List.of(pause), null, null, "https://admin.example.com/console/")))
                .contains("  Dashboard: https://admin.example.com/console/admin/fulfillment/providers/prov%20a%2Fb?tab=automation\n");
    }

    // --- workflow telemetry (10.5) ------------------------------------------------------------------------

    @Test
    void eachWorkflowTelemetryLineHasItsOwnCondition() {
        assertThat(AlertMessages.workflowTelemetryLines(json("""
                {"totalEvents": 0, "attachmentTotals": {"upload": 2, "copy": null}, "actionCounts": [{"action": "tag", "count": 0}],
                 "lastCapturedAt": "2025-01-02"}"""))).containsExactly(
                "Actions captured: 0", "Attachments — upload 2, remove 0, copy 0, tag 0", "Top action: tag (0)",
                "Last captured: 2025-01-02");
        assertThat(AlertMessages.workflowTelemetryLines(json("""
                {"totalEvents": "6", "attachmentTotals": [], "actionCounts": [{"action": "", "count": 1}], "lastCapturedAt": ""}""")))
                .isEmpty();
        assertThat(AlertMessages.workflowTelemetryLines(json("""
                {"totalEvents": 6.5, "actionCounts": [{"action": "x", "count": null}], "lastCapturedAt": null}"""))).isEmpty();
        assertThat(AlertMessages.workflowTelemetryLines(json("""
                {"actionCounts": ["upload", {"action": "x", "count": 1}]}"""))).as("only the first element counts").isEmpty();
        assertThat(AlertMessages.workflowTelemetryLines(json("""
                {"actionCounts": []}"""))).isEmpty();
        assertThat(AlertMessages.workflowTelemetryLines(json("[1]"))).isEmpty();
        assertThat(AlertMessages.workflowTelemetryLines(null)).isEmpty();
    }

    @Test
    void theWorkflowTelemetrySectionAppearsOnlyWithALine() {
        JsonNode pause = RUN.get("autoPausedProviders").get(0);
        Content empty = only(null, null, List.of(pause), null, json("{\"providerActivity\": []}"), BASE);
        assertThat(AlertMessages.emailBody(empty)).doesNotContain("telemetry");
        assertThat(AlertMessages.slackText(empty, Map.of(), List.of())).doesNotContain("telemetry");
        Content one = only(null, null, List.of(pause), null, json("{\"lastCapturedAt\": \"t<1>\"}"), BASE);
        assertThat(AlertMessages.emailBody(one)).endsWith("""

                Guardrail workflow telemetry snapshot:
                - Last captured: t<1>

                Investigate these providers before rerunning automated fulfillments.""");
        assertThat(AlertMessages.slackText(one, Map.of(), List.of())).endsWith("""

                :clipboard: Workflow telemetry snapshot
                    Last captured: t&lt;1&gt;""");
    }

    // --- Slack sections (AL-SLACK-2, AL-FMT-4) ------------------------------------------------------------

    @Test
    void slackHasOnlyTheSectionsWithContentAndNoContextsLineWithoutContexts() {
        String text = AlertMessages.slackText(content(""), Map.of("prov-other", CONTEXTS_12_3.get("prov-alpha")), List.of());
        assertThat(text).isEqualTo("""
                :warning: Provider automation alerts detected
                • Alpha Fulfillment (prov-alpha) — 3 guardrail fail(s), 1 guardrail warn(s), 2/5 replay failures
                :robot_face: Guardrail playbook actions
                • Auto-pause — Alpha Fulfillment (prov-alpha) — 3 guardrail fail(s), 1 guardrail warn(s), 2/5 replay failures
                • Auto-resume — Gamma Supply (prov-gamma) — Automation worker resumed provider after guardrails cleared
                :bar_chart: Provider cohort pressure detected
                • Beta Ops / Growth Sprint 75% vs 40% baseline
                    <https://admin.example.com/admin/merchandising?presetId=preset-growth|Merchandising> · \
                <https://admin.example.com/admin/fulfillment/providers?providerId=prov-beta|Fulfillment> · \
                <https://admin.example.com/admin/orders?presetId=preset-growth&providerId=prov-beta|Orders>
                :clipboard: Workflow telemetry snapshot
                    Actions captured: 6
                    Attachments — upload 3, remove 1, copy 0, tag 0
                    Top action: attachment.upload (3)
                    Last captured: 2025-01-02T00:00:00.000Z""");
    }

    @Test
    void contextsShowAtMostThreeAndAHandleOnlyWhenTheLabelLacksIt() {
        List<PlatformContext> contexts = List.of(new PlatformContext("@acme shop", "@acme", "instagram"),
                new PlatformContext("Acme TT", null, null), new PlatformContext("A&B", "@ab", ""),
                new PlatformContext("Fourth", "@four", "x"));
        JsonNode alert = RUN.get("alertsDigest").get(0);
        String text = AlertMessages.slackText(only(List.of(alert), null, null, null, null, BASE), Map.of("prov-alpha", contexts), null);
        assertThat(text).endsWith("\n    contexts: @acme shop (instagram), Acme TT, A&amp;B (@ab)");
    }

    @Test
    void slackEscapesFreeTextButNotUrls() {
        String text = slackOfLoad("""
                {"providerId": "p<1>", "providerName": "", "presetId": "a&b", "presetLabel": null, "serviceId": "s",
                 "shortShare": 0.625, "longShare": 0.125,
                 "links": {"merchandising": "https://x.example/admin/merchandising?presetId=a%26b", "orders": "/o?a=1&b=<2>"}}""");
        assertThat(text).isEqualTo("""
                :bar_chart: Provider cohort pressure detected
                • p&lt;1&gt; / a&amp;b 62% vs 12% baseline
                    <https://x.example/admin/merchandising?presetId=a%26b|Merchandising> · </o?a=1&b=<2>|Orders>""");
        assertThat(slackOfLoad("""
                {"providerId": "p", "providerName": "P", "presetId": "x", "shortShare": 0.135, "longShare": 0.0}"""))
                .as("no links, no link line").isEqualTo("""
                        :bar_chart: Provider cohort pressure detected
                        • P / x 14% vs 0% baseline""");
    }

    @Test
    void theConversionSectionFormatsRevenuePointsAndDates() {
        List<Conversion> conversions = List.of(
                new Conversion("free-trial", BigDecimal.ZERO, "USD", 0, 3, 0, null),
                new Conversion("a&b", new BigDecimal("12500.5"), null, 2, 2, 1234567, Instant.parse("2025-09-05T23:59:59Z")),
                new Conversion("neg", new BigDecimal("-1"), "EUR", 1, 1, 5, Instant.parse("2025-12-31T00:00:00Z")),
                new Conversion("fourth", BigDecimal.ONE, "EUR", 1, 1, 1, null));
        JsonNode pause = RUN.get("autoPausedProviders").get(0);
        String text = AlertMessages.slackText(only(null, null, List.of(pause), null, null, BASE), null, conversions);
        assertThat(text).endsWith("""
                :moneybag: Experiment conversion impact
                    free-trial: no revenue yet · 0 orders / 3 journeys · 0 pts · last n/a
                    a&amp;b: USD 12,500 · 2 orders / 2 journeys · 1,234,567 pts · last Sep 05
                    neg: no revenue yet · 1 orders / 1 journeys · 5 pts · last Dec 31
                    Live conversions: <https://admin.example.com/admin/reports#experiment-analytics|Open dashboard>""");
        String withoutBase = AlertMessages.slackText(only(null, null, List.of(pause), null, null, ""), null, conversions.subList(0, 1));
        assertThat(withoutBase).endsWith("""
                :moneybag: Experiment conversion impact
                    free-trial: no revenue yet · 0 orders / 3 journeys · 0 pts · last n/a""");
        assertThat(AlertMessages.slackText(only(null, null, List.of(pause), null, null, BASE), null, List.of()))
                .doesNotContain("Experiment");
    }
}
