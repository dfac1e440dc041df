package com.mediahub.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (install: {@code apt-get install
 * chromium chromium-driver}, see the README and docs/testing.md). Never a downloaded browser or driver: both paths are
 * given, so Selenium Manager is not consulted. The flags keep Chromium off the network it would
 * otherwise try to reach on a closed machine.
 */
public final class Chromium {

    static final Path BROWSER = Path.of(env("FDB_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(env("FDB_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** A new browser with its own empty profile (so: its own cookies, like another device). */
    public static ChromeDriver start() {
        return start(1100, 900);
    }

    /** The same, with a viewport of the given size (390 x 844: a phone) and more Chromium arguments. */
    public static ChromeDriver start(int width, int height, String... arguments) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The browser tests need " + BROWSER + " and " + DRIVER
                    + ": apt-get install chromium chromium-driver (see docs/testing.md, Prerequisites)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=" + width + "," + height);
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // A headless window is at least 500 px wide: a phone's viewport is set by emulation.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        return driver;
    }

    /** A screenshot of one element (e.g. a card below the fold), as target/screenshots/NAME.png. */
    public static void screenshot(org.openqa.selenium.WebElement element, String name) {
        save(element.getScreenshotAs(OutputType.FILE), name);
    }

    /** Saves what the browser shows to target/screenshots/NAME.png (README copies live in docs/screenshots). */
    public static void screenshot(ChromeDriver driver, String name) {
        driver.executeScript("window.scrollTo(0, 0)");
        save(driver.getScreenshotAs(OutputType.FILE), name);
    }

    private static void save(File shot, String name) {
        Path directory = ItEnvironment.target().resolve("screenshots");
        try {
            Files.createDirectories(directory);
            Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Types into the field with this id, replacing what it held. */
    public static void type(ChromeDriver browser, String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Waits up to 20 s; on timeout the assertion shows what the page says instead. */
    public static void waitFor(WebDriver driver, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(RuntimeException.class)
                    .until(condition::apply);
        } catch (RuntimeException timeout) {
            throw new AssertionError("page did not reach the expected state; it shows: "
                    + driver.findElement(By.tagName("body")).getText(), timeout);
        }
    }
}
