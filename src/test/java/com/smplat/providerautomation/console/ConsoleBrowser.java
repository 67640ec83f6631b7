package com.smplat.providerautomation.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through Debian's chromedriver (installed by {@code .ci/run}); Selenium never downloads a
 * browser or driver of its own here. One instance serves a whole test class: starting Chromium costs about a second.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    private final Path profile;

    ConsoleBrowser(int width, int height) {
        try {
            profile = Files.createTempDirectory("ops-console-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    /** Waits until {@code css} matches a displayed element whose text contains {@code text}. */
    WebElement awaitText(String css, String text) {
        return await(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
    }

    Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    /** Forgets the tab's session (the stored key) by starting from a blank page of the same origin. */
    void clearSession(String origin) {
        driver.get(origin + "/ops/console.css");
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full-page screenshot through the DevTools protocol (the WebDriver one stops at the window). */
    void fullPageScreenshot(Path file) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "clip", clip, "captureBeyondViewport", true));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Console errors of the page since the last call, without the failed-request lines the browser logs for every
     * non-2xx answer (the tests provoke 401, 404 and 409 on purpose). A CSP violation or a script error stays in.
     */
    List<String> pageErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            com.smplat.providerautomation.FreshEmbeddedDatabase.deleteRecursively(profile);
        }
    }
}
