package com.smplat.providerautomation.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.AdvisoryLocks;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator console in headless Chromium against the running service (the shared test context, its embedded
 * Postgres and the seed-demo data), as an operator uses it. One browser for the class; each test leaves a screenshot
 * under target/screenshots.
 */
@ServiceTest
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpsConsoleBrowserTest {
    private static final String STATUS = "/api/v1/fulfillment/providers/automation/status";
    private static ConsoleBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    AdvisoryLocks locks;

    @Autowired
    CamelContext camel;

    @Autowired
    Environment environment;

    ApiClient api;
    String origin;

    @BeforeAll
    static void startBrowser() {
        assertThat(ConsoleBrowser.installed())
                .as("the browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver"
                        + " (.ci/run installs them)")
                .isTrue();
        browser = new ConsoleBrowser(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        origin = "http://127.0.0.1:" + port;
        producer.requestBody("direct:seed-demo", null, String.class);
        browser.driver.manage().window().setSize(new Dimension(1280, 1000));
        browser.pageErrors();
    }

    @AfterEach
    void screenshotAndNoPageErrors(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
        assertThat(browser.pageErrors()).as("script errors or Content-Security-Policy violations").isEmpty();
    }

    private void signIn(String key) {
        browser.clearSession(origin);
        browser.open(origin + "/ops/");
        WebElement input = browser.await(d -> browser.find("#api-key").isDisplayed() ? browser.find("#api-key") : null);
        input.sendKeys(key);
        browser.find("#sign-in-form button[type=submit]").click();
    }

    private String panelText(String kind) {
        return browser.find(".run[data-kind=\"" + kind + "\"] [data-role=body]").getText();
    }

    @Test
    @Order(1)
    void aWrongKeyBringsThePromptBackWithAMessage() {
        browser.clearSession(origin);
        browser.open(origin + "/ops");
        assertThat(browser.driver.getCurrentUrl()).as("/ops redirects to the page").isEqualTo(origin + "/ops/");

        signIn("not-the-operator-key");

        browser.awaitText("#sign-in-message", "The API key was refused");
        assertThat(browser.find("#sign-in").isDisplayed()).isTrue();
        assertThat(browser.find("#console").isDisplayed()).isFalse();
        assertThat(browser.script("return sessionStorage.getItem('ops.apiKey')")).as("a refused key is forgotten").isNull();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("api-key");
    }

    /**
     * "Empty" is the run history only (the status and history read nothing else): its rows are moved aside, so the
     * page sees an empty table, and put back afterwards, so the rest of the suite keeps what it had.
     */
    @Test
    @Order(2)
    void anEmptyRunHistoryShowsNoRunsRecorded() {
        jdbc.execute("DROP TABLE IF EXISTS ops_console_test_runs");
        jdbc.execute("CREATE TABLE ops_console_test_runs AS SELECT * FROM provider_automation_runs");
        jdbc.update("DELETE FROM provider_automation_runs");
        try {
            signIn(ServiceTest.API_KEY);

            browser.awaitText(".run[data-kind=replay] .empty", "No runs recorded");
            browser.awaitText(".run[data-kind=alerts] .empty", "No runs recorded");
            browser.awaitText("#history-table tbody td.empty", "No runs recorded");
            browser.awaitText("#history-chart .empty", "No runs recorded");
            browser.screenshot("empty-history");
        } finally {
            jdbc.update("INSERT INTO provider_automation_runs SELECT * FROM ops_console_test_runs");
            jdbc.execute("DROP TABLE ops_console_test_runs");
        }
    }

    @Test
    @Order(3)
    void signingInFillsEveryCardFromTheDemoData() {
        signIn(ServiceTest.API_KEY);

        // the key is kept in this tab's sessionStorage only: not in localStorage, the URL or the page
        browser.awaitText("#status-card .run[data-kind=replay]", "Scheduled backlog");
        assertThat(browser.script("return sessionStorage.getItem('ops.apiKey')")).isEqualTo(ServiceTest.API_KEY);
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(ServiceTest.API_KEY);
        assertThat(browser.driver.getPageSource()).doesNotContain(ServiceTest.API_KEY);

        JsonNode status = api.get(STATUS).json();
        assertThat(panelText("replay")).contains("Processed").contains("Next scheduled")
                .contains(String.valueOf(status.get("replay").get("summary").get("scheduledBacklog").asInt()));
        assertThat(browser.find(".run[data-kind=replay] time").getAttribute("datetime"))
                .isEqualTo(status.get("replay").get("ranAt").asText());
        assertThat(panelText("replay")).contains(" UTC)");
        assertThat(panelText("alerts")).contains("Alerts sent").contains("Load alerts");

        browser.await(d -> browser.findAll("#history-table tbody tr[data-type]").size() >= 24);
        assertThat(browser.findAll("#history-chart svg polyline")).hasSizeGreaterThanOrEqualTo(2);
        new Select(browser.find("#history-type")).selectByValue("alert");
        assertThat(browser.findAll("#history-table tbody tr[data-type]"))
                .allSatisfy(row -> assertThat(row.getAttribute("data-type")).isEqualTo("alert"));
        new Select(browser.find("#history-status")).selectByValue("partial");
        List<WebElement> partial = browser.findAll("#history-table tbody tr[data-type]");
        assertThat(partial).as("the demo's alert run whose Slack delivery failed").isNotEmpty()
                .allSatisfy(row -> assertThat(row.getAttribute("data-status")).isEqualTo("partial"));
        new Select(browser.find("#history-type")).selectByValue("");
        new Select(browser.find("#history-status")).selectByValue("");

        // Beta takes about 80% of Growth Sprint in the demo's last week
        browser.awaitText("#load-table caption", "Last 7 days");
        WebElement dominant = browser.await(d -> browser.findAll("#load-table tr.dominant").stream().findFirst().orElse(null));
        assertThat(dominant.getAttribute("data-preset")).isEqualTo("preset-growth");
        assertThat(dominant.getAttribute("data-provider")).isEqualTo("demo-beta");
        assertThat(dominant.getText()).contains("over 60% of preset");
        JsonNode report = api.get("/api/v1/reporting/blueprint-metrics").json();
        assertThat(browser.findAll("#load-alerts li")).hasSize(report.get("providerLoadAlerts").size());
        if (!report.get("providerLoadAlerts").isEmpty()) {
            assertThat(browser.find("#load-alerts li a").getAttribute("href"))
                    .endsWith(report.get("providerLoadAlerts").get(0).get("links").get("merchandising").asText());
        }
        browser.find("#load-windows button[data-window=\"30\"]").click();
        browser.awaitText("#load-table caption", "Last 30 days");
        assertThat(browser.findAll("#load-table tr.dominant")).as("highlighting is for the 7-day window").isEmpty();
        assertThat(browser.findAll("#load-table tbody tr")).hasSize(
                report.get("presetProviderEngagements").get("windows").get("30").get("entries").size());
        browser.find("#load-windows button[data-window=\"7\"]").click();

        browser.await(d -> !browser.find("#export-card [data-role=body]").getText().contains("Loading"));
        assertThat(browser.find("#export-run").isDisplayed()).isTrue();
        browser.fullPageScreenshot(ConsoleBrowser.SCREENSHOTS.resolve("ops-console-full.png"));
    }

    @Test
    @Order(4)
    void runNowShowsTheResultAndTheNewRunInHistory() {
        signIn(ServiceTest.API_KEY);
        browser.awaitText("#status-card .run[data-kind=replay]", "Processed");
        String before = api.get(STATUS).json().get("replay").get("ranAt").asText();

        // keyboard only: focus the button and press Enter
        WebElement runNow = browser.find("button[data-role=run-now][data-kind=replay]");
        runNow.sendKeys(Keys.ENTER);

        browser.awaitText(".run[data-kind=replay] [data-role=result]", "Batch finished");
        String after = api.get(STATUS).json().get("replay").get("ranAt").asText();
        assertThat(after).isNotEqualTo(before);
        browser.await(d -> after.equals(browser.find("#history-table tbody tr[data-type] time").getAttribute("datetime")));
        assertThat(browser.find("#history-table tbody tr[data-type]").getAttribute("data-type")).isEqualTo("replay");
        assertThat(browser.find(".run[data-kind=replay] time").getAttribute("datetime")).isEqualTo(after);
        assertThat(runNow.isEnabled()).isTrue();

        browser.find("button[data-role=run-now][data-kind=alerts]").click();
        browser.awaitText(".run[data-kind=alerts] [data-role=result]", "Alert run finished");
        String alertRanAt = api.get(STATUS).json().get("alerts").get("ranAt").asText();
        browser.await(d -> alertRanAt.equals(browser.find(".run[data-kind=alerts] time").getAttribute("datetime")));
    }

    @Test
    @Order(5)
    void runExportNowAsksForTheTriggerTokenFirst() {
        signIn(ServiceTest.API_KEY);
        browser.await(d -> !browser.find("#export-card [data-role=body]").getText().contains("Loading"));
        assertThat(browser.find("#export-token-field").isDisplayed()).isFalse();

        browser.find("#export-run").click();

        browser.awaitText("#export-result", "Enter the export trigger token");
        WebElement token = browser.find("#export-token");
        assertThat(token.isDisplayed()).isTrue();
        assertThat(token.getAttribute("type")).isEqualTo("password");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("export-token");
        assertThat(browser.script("return sessionStorage.getItem('ops.exportTriggerToken')")).isNull();
    }

    /**
     * Needs the guardrail export endpoints (issue #5, branch exports) and their trigger token in the test context:
     * skipped until both are there. Holding the export's cluster-wide lock is what makes the trigger answer 409, as
     * when a scheduled run is under way.
     */
    @Test
    @Order(6)
    void theExportCardSaysARunIsAlreadyInProgressOn409() {
        assumeTrue(camel.getRoute("followup-export-trigger") != null, "the guardrail export endpoints (#5) are not on this branch");
        String token = environment.getProperty("GUARDRAIL_EXPORT_TRIGGER_TOKEN");
        assumeTrue(token != null, "no GUARDRAIL_EXPORT_TRIGGER_TOKEN in the test context");
        signIn(ServiceTest.API_KEY);
        browser.await(d -> !browser.find("#export-card [data-role=body]").getText().contains("Loading"));

        try (AdvisoryLocks.Lease held = locks.tryAcquire("provider-automation:export-guardrail-followups").orElseThrow()) {
            browser.find("#export-run").click();
            browser.awaitText("#export-result", "Enter the export trigger token");
            browser.find("#export-token").sendKeys(token);
            browser.find("#export-run").click();
            browser.awaitText("#export-result", "A run is already in progress");
            assertThat(browser.script("return sessionStorage.getItem('ops.exportTriggerToken')")).isEqualTo(token);
            browser.screenshot("export-409");
        }

        browser.find("#export-run").click();
        browser.awaitText("#export-result", "Export run succeeded");
        browser.awaitText("#export-card [data-role=body]", "Rows exported");
        assertThat(browser.find("#export-download").isDisplayed()).isTrue();
    }

    @Test
    @Order(7)
    void thePageFitsAPhoneScreen() {
        signIn(ServiceTest.API_KEY);
        browser.awaitText("#status-card .run[data-kind=replay]", "Processed");
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.await(d -> ((Number) browser.script("return window.innerWidth")).intValue() <= 400);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("no sideways scrolling of the page (wide tables scroll inside their card)").isLessThanOrEqualTo(0);
    }
}
