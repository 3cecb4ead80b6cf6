package vn.docaxis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: a real browser on the pages of
 * the service under test. Where the browser is not installed the tests are skipped, unless
 * DOCAXIS_REQUIRE_BROWSER is set (as .ci/run does, after installing it), where that is a failure.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path downloads;

    private Browser(String base, Dimension size) {
        this.base = base;
        try {
            this.downloads = Files.createTempDirectory("docaxis-downloads");
            Path profile = Files.createTempDirectory("docaxis-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--lang=vi-VN",
                    "--window-size=" + size.getWidth() + "," + size.getHeight());
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            this.driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser on the service at {@code base}, or the test is skipped (or fails in CI) without one. */
    public static Browser open(String base, Dimension size) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("DOCAXIS_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("DOCAXIS_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        return new Browser(base, size);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public void login(String user, String password) {
        go("/login");
        driver.findElement(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/j_security_check'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("signed-in-as")).isEmpty()
                && user.equals(d.findElement(By.id("signed-in-as")).getText()));
    }

    public void logout() {
        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/login"));
    }

    /**
     * Clicks what leads to another page (a link, a form's button) and waits until that page has
     * replaced this one, so that what is read next is read from it, not from the page just left.
     */
    public void follow(String css) {
        WebElement leaving = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(leaving));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** The page's visible text. */
    public String page() {
        return find("body").getText();
    }

    /** A screenshot of the viewport, into target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a download to complete and returns the file. */
    public Path downloaded(String suffix) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> completed(suffix) != null);
        return completed(suffix);
    }

    private Path completed(String suffix) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
