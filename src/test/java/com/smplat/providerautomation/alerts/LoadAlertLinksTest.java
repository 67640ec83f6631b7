package com.smplat.providerautomation.alerts;

import static com.smplat.providerautomation.alerts.AlertMessagesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import org.junit.jupiter.api.Test;

class LoadAlertLinksTest {

    private static final String BASE = "https://admin.example.com";

    @Test
    void formEncodingKeepsTildeEncodesStarAndWritesSpaceAsPlus() {
        assertThat(LoadAlertLinks.formEncode("a*b~c d/e&f=g+h")).isEqualTo("a%2Ab~c+d%2Fe%26f%3Dg%2Bh");
        assertThat(LoadAlertLinks.formEncode("AZaz09-_.")).isEqualTo("AZaz09-_.");
        assertThat(LoadAlertLinks.formEncode("é日😀")).as("UTF-8 bytes, upper-case hex").isEqualTo("%C3%A9%E6%97%A5%F0%9F%98%80");
        assertThat(LoadAlertLinks.formEncode("%#?")).isEqualTo("%25%23%3F");
        assertThat(LoadAlertLinks.formEncode("")).isEmpty();
    }

    @Test
    void pathSegmentsKeepSubDelimitersColonAndAtButEncodeSlashAndSpace() {
        assertThat(LoadAlertLinks.pathSegment("prov a/b")).isEqualTo("prov%20a%2Fb");
        assertThat(LoadAlertLinks.pathSegment("!$&'()*+,;=:@-._~")).isEqualTo("!$&'()*+,;=:@-._~");
        assertThat(LoadAlertLinks.pathSegment("?#%é")).isEqualTo("%3F%23%25%C3%A9");
    }

    @Test
    void relativeLinksAppearOnlyForNonEmptyIds() {
        assertThat(Json.write(LoadAlertLinks.relativeLinks("preset growth", "prov/b"))).isEqualTo(Json.write(json("""
                {"merchandising": "/admin/merchandising?presetId=preset+growth",
                 "fulfillment": "/admin/fulfillment/providers?providerId=prov%2Fb",
                 "orders": "/admin/orders?presetId=preset+growth&providerId=prov%2Fb"}""")));
        assertThat(Json.write(LoadAlertLinks.relativeLinks("", "x"))).isEqualTo(Json.write(json("""
                {"fulfillment": "/admin/fulfillment/providers?providerId=x", "orders": "/admin/orders?providerId=x"}""")));
        assertThat(Json.write(LoadAlertLinks.relativeLinks("p*", null))).isEqualTo(Json.write(json("""
                {"merchandising": "/admin/merchandising?presetId=p%2A", "orders": "/admin/orders?presetId=p%2A"}""")));
        assertThat(LoadAlertLinks.relativeLinks(null, "").isEmpty()).isTrue();
    }

    @Test
    void theDigestOf12_1HasTheAbsoluteLinksOf12_1() {
        JsonNode expected = json(AlertMessagesTest.RUN_SUMMARY_12_1).get("loadAlertsDigest").get(0);
        ObjectNode reported = expected.deepCopy();
        reported.set("links", LoadAlertLinks.relativeLinks("preset-growth", "prov-beta"));
        assertThat(Json.write(LoadAlertLinks.digest(reported, BASE))).isEqualTo(Json.write(expected));
        assertThat(Json.write(LoadAlertLinks.digest(reported, BASE + "/"))).isEqualTo(Json.write(expected));
        ObjectNode withoutLinks = expected.deepCopy();
        withoutLinks.remove("links");
        assertThat(Json.write(LoadAlertLinks.digest(withoutLinks, BASE))).as("missing links are rebuilt").isEqualTo(Json.write(expected));
        assertThat(LoadAlertLinks.fingerprint(expected)).isEqualTo("load|preset-growth|prov-beta|svc-qa");
        assertThat(LoadAlertLinks.fingerprint("p", "q", "s")).isEqualTo("load|p|q|s");
    }

    @Test
    void aFrontendUrlPathPrefixIsKeptAndAnEmptyOneLeavesLinksRootRelative() {
        ObjectNode links = LoadAlertLinks.absoluteLinks(null, "x", "y", "https://admin.example.com/console/");
        assertThat(links.get("merchandising").asText()).isEqualTo("https://admin.example.com/console/admin/merchandising?presetId=x");
        assertThat(links.get("orders").asText()).isEqualTo("https://admin.example.com/console/admin/orders?presetId=x&providerId=y");
        ObjectNode relative = LoadAlertLinks.absoluteLinks(null, "x", "y", "");
        assertThat(relative.get("fulfillment").asText()).isEqualTo("/admin/fulfillment/providers?providerId=y");
        assertThat(LoadAlertLinks.absolute("admin/x", "")).isEqualTo("/admin/x");
        assertThat(LoadAlertLinks.absolute("//evil.example/x", BASE)).isEqualTo(BASE + "/evil.example/x");
    }

    @Test
    void suppliedLinksAreTrimmedAndKeptAbsoluteOnesUnchangedAndBlankOnesRebuiltFromTrimmedIds() {
        JsonNode supplied = json("""
                {"merchandising": "  https://other.example/m?presetId=1  ", "fulfillment": " ", "orders": "custom/orders "}""");
        ObjectNode links = LoadAlertLinks.absoluteLinks(supplied, " x ", " y ", BASE);
        assertThat(Json.write(links)).isEqualTo(Json.write(json("""
                {"merchandising": "https://other.example/m?presetId=1",
                 "fulfillment": "https://admin.example.com/admin/fulfillment/providers?providerId=y",
                 "orders": "https://admin.example.com/custom/orders"}""")));
        assertThat(LoadAlertLinks.absolute("HTTP://Case.example/x", BASE)).isEqualTo("HTTP://Case.example/x");
    }

    @Test
    void aDigestWithoutAnyLinkHasNoLinksKey() {
        ObjectNode alert = (ObjectNode) json("""
                {"providerId": " ", "presetId": "", "serviceId": "s", "links": {}}""");
        ObjectNode digest = LoadAlertLinks.digest(alert, BASE);
        assertThat(digest.has("links")).isFalse();
        assertThat(alert.has("links")).as("the input is not changed").isTrue();
    }

    @Test
    void automationTabAndConversionLinks() {
        assertThat(LoadAlertLinks.automationTab(BASE + "/", "prov a/b"))
                .isEqualTo("https://admin.example.com/admin/fulfillment/providers/prov%20a%2Fb?tab=automation");
        assertThat(LoadAlertLinks.automationTab("https://h.example/console", "p@1"))
                .isEqualTo("https://h.example/console/admin/fulfillment/providers/p@1?tab=automation");
        assertThat(LoadAlertLinks.automationTab("", "p")).isEqualTo("/admin/fulfillment/providers/p?tab=automation");
        assertThat(LoadAlertLinks.conversionDashboard(BASE, null)).isEqualTo(BASE + "/admin/reports#experiment-analytics");
        assertThat(LoadAlertLinks.conversionDashboard(BASE, "2025-01-02T00:00:00Z|a b"))
                .isEqualTo(BASE + "/admin/reports?conversionCursor=2025-01-02T00%3A00%3A00Z%7Ca+b#experiment-analytics");
    }
}
