package dev.vigil.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven through Debian's chromedriver (installed by .ci/run), headless, with a fresh
 * profile. Nothing is downloaded: both binaries are named explicitly, so Selenium Manager never runs.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    public HeadlessChromium() {
        requireInstalled(CHROMIUM);
        requireInstalled(CHROMEDRIVER);
        try {
            profile = Files.createTempDirectory("vigil-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,1024",
                        "--lang=en-US", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    private static void requireInstalled(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: install Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver, as .ci/run does)");
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits for a condition; if it never holds, keeps a screenshot of what the page showed instead. */
    public <T> T waitFor(ExpectedCondition<T> condition, Duration timeout, String screenshotOnFailure) {
        try {
            return new WebDriverWait(driver, timeout).until(condition);
        } catch (TimeoutException e) {
            Path shot = screenshot(screenshotOnFailure);
            Path source = shot.resolveSibling(screenshotOnFailure + ".html");
            try {
                Files.writeString(source, driver.getPageSource());
            } catch (IOException notWritten) {
                e.addSuppressed(notWritten);
            }
            throw new AssertionError("waited " + timeout + " at " + driver.getCurrentUrl() + "; screenshot: " + shot
                    + ", page source: " + source + ", browser log: " + browserLog(), e);
        }
    }

    private String browserLog() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().toString();
        } catch (RuntimeException unavailable) {
            return "unavailable (" + unavailable.getMessage() + ")";
        }
    }

    /** Saves what the page shows now as a PNG under target/it/screenshots/. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(ItConfig.outputDir().resolve("screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Waits for Vigil's OTP page, then types the code the outbox holds for {@code recipient} and submits it. */
    public void enterOtp(Outbox outbox, String recipient) {
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("vigil-otp-code")), Duration.ofSeconds(30), "otp-page-not-shown");
        driver().findElement(By.id("vigil-otp-code")).sendKeys(outbox.latestCode(recipient));
        driver().findElement(By.id("vigil-otp-submit")).click();
    }

}
