package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless browser: Debian's chromium through /usr/bin/chromedriver (.ci/run installs both; no
 * driver or browser is downloaded). Opens the page, uploads a galaxy, reads the verdict, and saves a screenshot to
 * apps/target/screenshots/serve-page.png.
 */
class BrowserTest {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");

    @Test
    void aPersonUploadsAGalaxyAndReadsTheVerdict() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ModelServer server = ServedModel.server(10 * 1024 * 1024);
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=900,760",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(base + "/");
            assertEquals("Galaxy or not? - mlpkit", browser.getTitle());
            Path galaxy = ServedModel.UNSEEN.resolve("galaxies/galaxy-1.jpg").toAbsolutePath();
            browser.findElement(By.id("file")).sendKeys(galaxy.toString());
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "galaxy"));
            assertEquals("galaxy", browser.findElement(By.id("verdict")).getText());
            assertTrue(browser.findElement(By.id("probability")).getText().startsWith("probability of a galaxy: "));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("model")).getText().contains("4096-16"));
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(screenshots.resolve("serve-page.png"), png);
        } finally {
            browser.quit();
            server.close();
        }
    }
}
