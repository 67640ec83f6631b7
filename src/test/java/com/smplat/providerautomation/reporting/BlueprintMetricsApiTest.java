package com.smplat.providerautomation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.alerts.LoadAlertRepository;
import com.smplat.providerautomation.alerts.LoadAlerts;
import com.smplat.providerautomation.config.EnvSource;
import com.smplat.providerautomation.config.Settings;
import com.smplat.providerautomation.support.Timestamps;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The blueprint metrics report (alerts.md 7) over real Postgres. The database is shared with other test classes, so
 * content checks call the bean with a far-future "now" (each test its own, windows never reach another test's data
 * or the demo data), and ids are unique; the HTTP checks look only at their own preset.
 */
@ServiceTest
class BlueprintMetricsApiTest {
    private static final String REPORT = "/api/v1/reporting/blueprint-metrics";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BlueprintMetrics blueprintMetrics;

    @Autowired
    BlueprintMetricsRepository blueprintMetricsRepository;

    @Autowired
    LoadAlertRepository loadAlertRepository;

    @Autowired
    LoadAlerts loadAlerts;

    ApiClient api;
    ProviderOrderFixtures fixtures;
    final List<UUID> orderIds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new ProviderOrderFixtures(jdbc);
    }

    @AfterEach
    void removeTestRows() {
        orderIds.forEach(id -> jdbc.update("DELETE FROM orders WHERE id = ?", id));
    }

    private UUID order(Instant createdAt) {
        UUID id = fixtures.order(createdAt);
        orderIds.add(id);
        return id;
    }

    /** An order at {@code orderedAt} with one item carrying {@code options}; returns the item id. */
    private UUID item(Instant orderedAt, String options) {
        return fixtures.orderItem(order(orderedAt), options, new BigDecimal("10.00"));
    }

    private void engagements(int count, Instant orderedAt, String options, String providerId, String providerName,
                             String amount) {
        for (int i = 0; i < count; i++) {
            fixtures.providerOrderOf(item(orderedAt, options), providerId, providerName, "svc-qa", "qa_support",
                    new BigDecimal(amount), "USD", orderedAt);
        }
    }

    private static String preset(String id, String label) {
        return "{\"presetId\": \"%s\", \"presetLabel\": \"%s\"}".formatted(id, label);
    }

    private ObjectNode report(Instant now, int windowDays, int limit) {
        return blueprintMetrics.reportAt(now, windowDays, limit, limit, limit, limit);
    }

    private static List<JsonNode> entries(JsonNode report, String window, String presetId) {
        return StreamSupport.stream(report.get("presetProviderEngagements").get("windows").get(window).get("entries").spliterator(), false)
                .filter(entry -> entry.get("presetId").asText().equals(presetId)).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** Compares as plain doubles: the report's numbers are doubles, a text block read by the shared mapper is not. */
    private static JsonNode plain(Object json) throws Exception {
        return new ObjectMapper().readTree(json.toString());
    }

    @Test
    void theSpecExampleGivesTheSpecPressureMapAndAlert() throws Exception {
        Instant now = Instant.parse("2040-03-01T12:00:00Z");
        String growth = ProviderOrderFixtures.uniqueId("preset-growth");
        String beta = ProviderOrderFixtures.uniqueId("prov-beta");
        String gamma = ProviderOrderFixtures.uniqueId("prov-gamma");
        String options = preset(growth, "Growth Sprint");
        engagements(12, now.minus(Duration.ofDays(1)), options, beta, "Beta Ops", "50.00");
        engagements(8, now.minus(Duration.ofDays(20)), options, beta, "Beta Ops", "50.00");
        engagements(12, now.minus(Duration.ofDays(60)), options, beta, "Beta Ops", "50.00");
        engagements(4, now.minus(Duration.ofDays(1)), options, gamma, "Gamma Supply", "40.00");
        engagements(16, now.minus(Duration.ofDays(20)), options, gamma, "Gamma Supply", "40.00");
        engagements(28, now.minus(Duration.ofDays(60)), options, gamma, "Gamma Supply", "40.00");

        ObjectNode report = report(now, 30, 50);

        JsonNode pressure = report.get("presetProviderEngagements");
        assertThat(Timestamps.parse(pressure.get("generatedAt").asText())).contains(now);
        assertThat(pressure.get("windows").fieldNames()).toIterable().containsExactly("7", "30", "90");
        String entry = """
                {"presetId": "%s", "presetLabel": "Growth Sprint", "providerId": "%s", "providerName": "%s", "serviceId": "svc-qa",
                 "serviceAction": "qa_support", "currency": "USD", "engagements": %d, "amountTotal": %s, "engagementShare": %s}""";
        assertThat(plain(entries(report, "7", growth))).isEqualTo(plain("[" + entry.formatted(growth, beta, "Beta Ops", 12, "600.0", "0.75")
                + "," + entry.formatted(growth, gamma, "Gamma Supply", 4, "160.0", "0.25") + "]"));
        assertThat(plain(entries(report, "30", growth))).as("tie on engagements: amount decides")
                .isEqualTo(plain("[" + entry.formatted(growth, beta, "Beta Ops", 20, "1000.0", "0.5")
                        + "," + entry.formatted(growth, gamma, "Gamma Supply", 20, "800.0", "0.5") + "]"));
        assertThat(plain(entries(report, "90", growth))).isEqualTo(plain("[" + entry.formatted(growth, gamma, "Gamma Supply", 48, "1920.0", "0.6")
                + "," + entry.formatted(growth, beta, "Beta Ops", 32, "1600.0", "0.4") + "]"));
        for (String days : List.of("7", "30", "90")) {
            JsonNode window = pressure.get("windows").get(days);
            assertThat(window.fieldNames()).toIterable().containsExactly("days", "start", "entries");
            assertThat(window.get("days").asInt()).isEqualTo(Integer.parseInt(days));
            assertThat(Timestamps.parse(window.get("start").asText())).contains(now.minus(Duration.ofDays(Integer.parseInt(days))));
        }

        List<JsonNode> alerts = list(report.get("providerLoadAlerts")).stream()
                .filter(alert -> alert.get("presetId").asText().equals(growth)).toList();
        assertThat(alerts).hasSize(1);
        ObjectNode alert = (ObjectNode) alerts.get(0);
        assertThat(alert.get("shareDelta").asDouble()).isCloseTo(0.35, within(1e-9));
        alert.put("shareDelta", 0.35);
        assertThat(plain(alert)).isEqualTo(plain("""
                {"providerId": "%2$s", "providerName": "Beta Ops", "presetId": "%1$s", "presetLabel": "Growth Sprint",
                 "serviceId": "svc-qa", "serviceAction": "qa_support", "currency": "USD", "shortWindowDays": 7, "longWindowDays": 90,
                 "shortShare": 0.75, "longShare": 0.4, "shareDelta": 0.35, "shortEngagements": 12, "longEngagements": 32,
                 "shortAmountTotal": 600.0, "longAmountTotal": 1600.0,
                 "links": {"merchandising": "/admin/merchandising?presetId=%1$s",
                           "fulfillment": "/admin/fulfillment/providers?providerId=%2$s",
                           "orders": "/admin/orders?presetId=%1$s&providerId=%2$s"}}""".formatted(growth, beta)));

        // the alert run's entry point: the same complete windows and alerts
        LoadAlerts.Evaluation evaluation = loadAlerts.compute(now);
        assertThat(evaluation.shortWindow().days()).isEqualTo(7);
        assertThat(evaluation.longWindow().start()).isEqualTo(now.minus(Duration.ofDays(90)));
        assertThat(evaluation.longWindow().entries()).filteredOn(e -> e.presetId().equals(growth)).hasSize(2);
        assertThat(evaluation.alertsJson()).isEqualTo(report.get("providerLoadAlerts"));
    }

    @Test
    void windowsAreInclusiveOnTheParentOrdersCreationTime() {
        Instant now = Instant.parse("2042-06-01T00:00:00Z");
        Instant weekAgo = now.minus(Duration.ofDays(7));
        String presetId = ProviderOrderFixtures.uniqueId("preset-edge");
        String provider = ProviderOrderFixtures.uniqueId("prov-edge");
        // exactly at the start, but its provider order is old; one microsecond earlier, with a new provider order
        fixtures.providerOrderOf(item(weekAgo, preset(presetId, "Edge")), provider, "Edge", "svc", null,
                new BigDecimal("1.00"), "USD", now.minus(Duration.ofDays(100)));
        fixtures.providerOrderOf(item(weekAgo.minusNanos(1000), preset(presetId, "Edge")), provider, "Edge", "svc", null,
                new BigDecimal("2.00"), "USD", now);

        ObjectNode report = report(now, 7, 250);

        assertThat(entries(report, "7", presetId)).singleElement().satisfies(entry -> {
            assertThat(entry.get("engagements").asInt()).isEqualTo(1);
            assertThat(entry.get("amountTotal").asDouble()).isEqualTo(1.0);
        });
        assertThat(entries(report, "30", presetId)).singleElement().satisfies(entry -> assertThat(entry.get("engagements").asInt()).isEqualTo(2));
        assertThat(Timestamps.parse(report.get("window").get("start").asText())).contains(weekAgo);
        assertThat(list(report.get("presets"))).filteredOn(p -> p.get("presetId").asText().equals(presetId))
                .singleElement().satisfies(p -> assertThat(p.get("selections").asInt()).isEqualTo(1));
        assertThat(report.get("orders").get("total").asInt()).as("only the order at the boundary").isEqualTo(1);
        assertThat(list(report.get("providerEngagements"))).as("provider engagements use the provider order's own time")
                .filteredOn(p -> p.get("providerId").asText().equals(provider))
                .singleElement().satisfies(p -> assertThat(p.get("amountTotal").asDouble()).isEqualTo(2.0));
    }

    @Test
    void presetIdsFollowAlLoad3AndDisplayValuesComeFromTheNewestRowThatHasOne() {
        Instant now = Instant.parse("2044-01-01T00:00:00Z");
        String p = ProviderOrderFixtures.uniqueId("preset-ext");
        String number = String.valueOf(900_000_000 + (int) (Math.random() * 99_999_999));
        String a = ProviderOrderFixtures.uniqueId("prov-a");
        String b = ProviderOrderFixtures.uniqueId("prov-b");
        BigDecimal ten = new BigDecimal("10.00");
        fixtures.providerOrderOf(item(now.minus(Duration.ofDays(3)), preset(p, "Old")), a, "Alpha Old", "svc", "act-old", ten, "USD",
                now.minus(Duration.ofDays(3)));
        fixtures.providerOrderOf(item(now.minus(Duration.ofDays(2)), "{\"presetId\": \"\", \"preset_id\": \"%s\", \"preset_label\": \"New\"}".formatted(p)),
                a, "Alpha New", "svc", "act-new", ten, "EUR", now.minus(Duration.ofDays(2)));
        fixtures.providerOrderOf(item(now.minus(Duration.ofDays(1)), "{\"presetId\": null, \"preset_id\": \"%s\"}".formatted(p)),
                a, null, "svc", null, null, "", now.minus(Duration.ofDays(1)));
        fixtures.providerOrderOf(item(now.minus(Duration.ofDays(1)), "{\"preset_id\": \"%s\", \"presetLabel\": \"\"}".formatted(p)),
                b, "Beta", "svc", "act", ten, null, now.minus(Duration.ofDays(1)));
        fixtures.providerOrderOf(item(now.minus(Duration.ofDays(1)), "{\"presetId\": " + number + "}"), a, "Alpha", "svc", null, ten, "USD", now);
        for (String unusable : Arrays.asList("{\"presetId\": true, \"preset_id\": \"%s\"}".formatted(p), "[{\"presetId\": \"%s\"}]".formatted(p),
                "\"%s\"".formatted(p), "{\"presetId\": {\"id\": \"%s\"}}".formatted(p), "{\"preset_id\": \"\"}", "{}", null)) {
            fixtures.providerOrderOf(item(now.minus(Duration.ofDays(1)), unusable), a, "Alpha", "svc", null, ten, "USD", now);
        }
        item(now.minus(Duration.ofDays(5)), "{\"presetId\": \"%s\"}".formatted(p)); // an item with no provider order

        ObjectNode report = report(now, 30, 250);

        List<JsonNode> entries = entries(report, "7", p);
        assertThat(entries).extracting(e -> e.get("providerId").asText()).containsExactly(a, b);
        JsonNode alpha = entries.get(0);
        assertThat(alpha.get("engagements").asInt()).as("unusable ids count nowhere").isEqualTo(3);
        assertThat(alpha.get("engagementShare").asDouble()).isEqualTo(0.75);
        assertThat(alpha.get("amountTotal").asDouble()).as("a null amount counts as 0").isEqualTo(20.0);
        assertThat(alpha.get("presetLabel").asText()).as("newest order with a non-empty label").isEqualTo("New");
        assertThat(alpha.get("providerName").asText()).isEqualTo("Alpha New");
        assertThat(alpha.get("serviceAction").asText()).isEqualTo("act-new");
        assertThat(alpha.get("currency").asText()).isEqualTo("EUR");
        JsonNode beta = entries.get(1);
        assertThat(beta.get("engagementShare").asDouble()).isEqualTo(0.25);
        assertThat(beta.get("presetLabel").isNull()).isTrue();
        assertThat(beta.get("currency").isNull()).isTrue();
        assertThat(entries(report, "7", number)).singleElement().satisfies(e -> {
            assertThat(e.get("engagementShare").asDouble()).isEqualTo(1.0);
            assertThat(e.get("presetLabel").isNull()).isTrue();
        });

        List<JsonNode> presets = list(report.get("presets"));
        assertThat(presets).filteredOn(e -> e.get("presetId").asText().equals(p)).singleElement().satisfies(e -> {
            assertThat(e.get("selections").asInt()).as("items, with or without a provider order").isEqualTo(5);
            assertThat(e.get("label").asText()).isEqualTo("New");
            assertThat(e.fieldNames()).toIterable().containsExactly("presetId", "label", "selections");
        });
        assertThat(presets).filteredOn(e -> e.get("presetId").asText().equals(number)).singleElement()
                .satisfies(e -> assertThat(e.get("selections").asInt()).isEqualTo(1));
    }

    @Test
    void ordersOptionsAndAddOnsAggregateInWindowItems() throws Exception {
        Instant now = Instant.parse("2046-01-01T00:00:00Z");
        Instant day = now.minus(Duration.ofDays(1));
        UUID first = order(day);
        fixtures.orderItem(first, """
                {"options": [{"groupId": "g1", "groupName": "Speed", "optionId": "o1", "label": "Fast", "priceDelta": 4.5},
                             {"groupId": "g1", "optionId": "o2", "label": "Slow", "priceDelta": " 1.25 "}],
                 "addOns": [{"id": "a1", "label": "Drip", "pricingMode": "flat", "serviceProviderName": "Alpha", "priceDelta": 3}]}""",
                new BigDecimal("10.00"));
        fixtures.orderItem(first, "[\"not an object\"]", new BigDecimal("5.50"));
        fixtures.orderItem(order(now.minus(Duration.ofHours(1))), """
                {"options": [{"groupId": "g1", "groupName": "Speed v2", "optionId": "o1", "priceDelta": "abc"}, "junk", 5],
                 "addOns": [{"id": "a1", "priceDelta": 2}, {"id": "a2", "label": "Boost", "priceDelta": null}]}""", null);
        fixtures.orderItem(order(day), "{\"options\": \"not a list\", \"addOns\": {}}", null);
        order(day); // no items: not counted
        fixtures.orderItem(order(now.minus(Duration.ofDays(31))), "{\"options\": [{\"groupId\": \"g1\", \"optionId\": \"o1\"}]}",
                new BigDecimal("99.00"));

        ObjectNode report = report(now, 30, 250);

        assertThat(report.fieldNames()).toIterable().containsExactly("window", "orders", "options", "addOns",
                "providerEngagements", "presets", "presetProviderEngagements", "providerLoadAlerts");
        assertThat(plain(report.get("orders"))).isEqualTo(plain("{\"total\": 3, \"items\": 4, \"itemRevenue\": 15.5}"));
        assertThat(plain(report.get("options"))).isEqualTo(plain("""
                [{"groupId": "g1", "groupName": "Speed v2", "optionId": "o1", "label": "Fast", "selections": 2, "priceDeltaTotal": 4.5},
                 {"groupId": "g1", "groupName": null, "optionId": "o2", "label": "Slow", "selections": 1, "priceDeltaTotal": 1.25}]"""));
        assertThat(plain(report.get("addOns"))).isEqualTo(plain("""
                [{"addOnId": "a1", "label": "Drip", "pricingMode": "flat", "providerName": "Alpha", "selections": 2, "priceDeltaTotal": 5.0},
                 {"addOnId": "a2", "label": "Boost", "pricingMode": null, "providerName": null, "selections": 1, "priceDeltaTotal": 0.0}]"""));
        ObjectNode limited = report(now, 30, 1);
        assertThat(list(limited.get("options"))).extracting(o -> o.get("optionId").asText()).containsExactly("o1");
        assertThat(list(limited.get("addOns"))).extracting(o -> o.get("addOnId").asText()).containsExactly("a1");
    }

    @Test
    void engagementsAreOrderedByCountThenAmountThenIdsAndLimitsComeAfterTheShares() {
        Instant now = Instant.parse("2048-01-01T00:00:00Z");
        Instant day = now.minus(Duration.ofDays(1));
        String q = ProviderOrderFixtures.uniqueId("preset-order");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String w = "pe-w-" + suffix;
        String x = "pe-x-" + suffix;
        String y = "pe-y-" + suffix;
        String z = "pe-z-" + suffix;
        engagements(3, day, preset(q, "Order"), x, "X", "10.00");
        engagements(3, day, preset(q, "Order"), y, "Y", "20.00");
        engagements(3, day, preset(q, "Order"), w, "W", "10.00");
        engagements(1, day, preset(q, "Order"), z, "Z", "90.00");

        ObjectNode report = blueprintMetrics.reportAt(now, 30, 50, 50, 2, 50);

        assertThat(list(report.get("providerEngagements"))).extracting(e -> e.get("providerId").asText()).containsExactly(y, w);
        assertThat(entries(report, "90", q)).extracting(e -> e.get("providerId").asText()).containsExactly(y, w);
        assertThat(entries(report, "90", q)).allSatisfy(e -> assertThat(e.get("engagementShare").asDouble()).isEqualTo(0.3));
        assertThat(list(report(now, 30, 50).get("providerEngagements"))).extracting(e -> e.get("providerId").asText())
                .containsExactly(y, w, x, z);
        assertThat(list(report(now, 30, 50).get("providerEngagements")).get(0).fieldNames()).toIterable()
                .containsExactly("providerId", "providerName", "serviceId", "serviceAction", "engagements", "amountTotal");
    }

    @Test
    void theConfiguredWindowsJoinTheMapAndAlertsIgnoreTheEnabledFlagButNotInvertedWindows() {
        Instant now = Instant.parse("2050-01-01T00:00:00Z");
        String presetId = ProviderOrderFixtures.uniqueId("preset-config");
        String provider = ProviderOrderFixtures.uniqueId("prov-config");
        engagements(10, now.minus(Duration.ofDays(1)), preset(presetId, "Config"), provider, "Config", "5.00");
        // the baseline: another provider took the preset a month ago, so the long share is 10/40
        engagements(30, now.minus(Duration.ofDays(30)), preset(presetId, "Config"), ProviderOrderFixtures.uniqueId("prov-old"), "Old", "5.00");

        ObjectNode custom = with(Map.of("PROVIDER_LOAD_ALERT_SHORT_WINDOW_DAYS", "14", "PROVIDER_LOAD_ALERT_LONG_WINDOW_DAYS", "60",
                "PROVIDER_LOAD_ALERT_ENABLED", "false")).reportAt(now, 5, 50, 50, 50, 50);
        assertThat(custom.get("presetProviderEngagements").get("windows").fieldNames()).toIterable()
                .containsExactly("7", "14", "30", "60", "90");
        assertThat(custom.get("window").get("days").asInt()).isEqualTo(5);
        assertThat(list(custom.get("providerLoadAlerts"))).singleElement().satisfies(alert -> {
            assertThat(alert.get("shortWindowDays").asInt()).isEqualTo(14);
            assertThat(alert.get("longWindowDays").asInt()).isEqualTo(60);
            assertThat(alert.get("providerId").asText()).isEqualTo(provider);
        });

        ObjectNode inverted = with(Map.of("PROVIDER_LOAD_ALERT_SHORT_WINDOW_DAYS", "30", "PROVIDER_LOAD_ALERT_LONG_WINDOW_DAYS", "30"))
                .reportAt(now, 30, 50, 50, 50, 50);
        assertThat(inverted.get("presetProviderEngagements").get("windows").fieldNames()).toIterable().containsExactly("7", "30", "90");
        assertThat(inverted.get("providerLoadAlerts")).isEmpty();
        assertThat(with(Map.of("PROVIDER_LOAD_ALERT_MIN_ENGAGEMENTS", "11")).reportAt(now, 30, 50, 50, 50, 50)
                .get("providerLoadAlerts")).isEmpty();
    }

    private BlueprintMetrics with(Map<String, String> env) {
        return new BlueprintMetrics(blueprintMetricsRepository,
                new LoadAlerts(loadAlertRepository, Settings.from(EnvSource.of(env)).alerts()));
    }

    @Test
    void theEndpointServesDefaultsWithRelativeLinks() {
        String presetId = ProviderOrderFixtures.uniqueId("preset-http");
        String provider = ProviderOrderFixtures.uniqueId("prov-http");
        engagements(10, Timestamps.now().minus(Duration.ofHours(1)), preset(presetId, "Http"), provider, "Http", "1.00");
        engagements(30, Timestamps.now().minus(Duration.ofDays(30)), preset(presetId, "Http"), ProviderOrderFixtures.uniqueId("prov-old"),
                "Old", "1.00");

        ApiClient.Reply reply = api.get(REPORT);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.fieldNames()).toIterable().containsExactly("window", "orders", "options", "addOns",
                "providerEngagements", "presets", "presetProviderEngagements", "providerLoadAlerts");
        assertThat(body.get("window").get("days").asInt()).isEqualTo(30);
        Instant generatedAt = Timestamps.parse(body.get("presetProviderEngagements").get("generatedAt").asText()).orElseThrow();
        assertThat(Timestamps.parse(body.get("window").get("start").asText())).contains(generatedAt.minus(Duration.ofDays(30)));
        JsonNode windows = body.get("presetProviderEngagements").get("windows");
        assertThat(windows.fieldNames()).toIterable().containsExactly("7", "30", "90");
        assertThat(Timestamps.parse(windows.get("90").get("start").asText())).contains(generatedAt.minus(Duration.ofDays(90)));
        assertThat(list(body.get("providerLoadAlerts"))).filteredOn(a -> a.get("presetId").asText().equals(presetId))
                .singleElement().satisfies(alert -> assertThat(alert.get("links").get("orders").asText())
                        .isEqualTo("/admin/orders?presetId=" + presetId + "&providerId=" + provider));
        assertThat(api.get(REPORT + "?window_days=365&option_limit=1&add_on_limit=250&provider_limit=1&preset_limit=1").status())
                .isEqualTo(200);
    }

    @Test
    void valuesOutOfRangeOrNotIntegersAre422() {
        Map<String, String> ranges = Map.of("window_days", "1 and 365", "option_limit", "1 and 250", "add_on_limit", "1 and 250",
                "provider_limit", "1 and 250", "preset_limit", "1 and 250");
        ranges.forEach((name, range) -> {
            String tooLarge = name.equals("window_days") ? "366" : "251";
            for (String bad : List.of("0", "-1", tooLarge, "abc", "2.5")) {
                ApiClient.Reply reply = api.get(REPORT + "?" + name + "=" + bad);
                assertThat(reply.status()).as(name + "=" + bad).isEqualTo(422);
                assertThat(reply.json().get("detail").asText()).isEqualTo(name + " must be an integer between " + range);
            }
        });
        assertThat(api.send(api.request(REPORT).GET()).status()).as("no key").isEqualTo(401);
    }
}
