package io.cti.platform.browser;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Starts Debian's headless chromium through its chromedriver at 1366x768, the smallest screen the console is made for.
 * A machine without them fails the browser tests loudly (CI installs them); they are never skipped. The paths can be
 * changed with the environment variables CHROMIUM and CHROMEDRIVER. Not thread-safe: one per test thread.
 */
final class HeadlessChromium {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    /** A new browser whose preferred languages are {@code languages} (e.g. "en-US,en" or "zh-CN,zh"). */
    static WebDriver start(String languages) {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        for (Path needed : new Path[] {chromium, driver}) {
            if (!Files.isExecutable(needed)) {
                throw new AssertionError("browser tests need " + needed + " (Debian: apt-get install -y chromium"
                        + " chromium-driver; or set CHROMIUM / CHROMEDRIVER): it is missing or not executable");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,768", "--lang=" + languages.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    static Path screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not save screenshot " + name, e);
        }
    }
}
