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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The drawing page in headless chromium: a circle and then a line are drawn with the mouse through WebDriver's
 * actions, and the verdict is read after each; screenshots go to apps/target/screenshots/draw-circle.png and
 * draw-line.png.
 */
class DrawingBrowserTest {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");

    @Test
    void aPersonDrawsACircleThenALineAndReadsEachVerdict() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ModelServer server = ServedModel.bothServer();
        server.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=900,760",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        try {
            browser.get("http://127.0.0.1:" + server.port() + "/draw");
            assertEquals("Circle or line? - mlpkit", browser.getTitle());
            WebElement pad = browser.findElement(By.id("pad"));

            Actions circle = new Actions(browser).moveToElement(pad, 100, 0).clickAndHold();
            for (int step = 1; step <= 36; step++) {
                double angle = 2 * Math.PI * step / 36;
                circle.moveToElement(pad, (int) Math.round(100 * Math.cos(angle)), (int) Math.round(95 * Math.sin(angle)));
            }
            circle.release().perform();
            verdict(browser, "CIRCLE");
            assertTrue(browser.findElement(By.id("scores")).getText().startsWith("P(circle) = "));
            assertTrue(browser.findElement(By.id("seen")).getDomProperty("src").startsWith("data:image/png;base64,"));
            Files.write(screenshots.resolve("draw-circle.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            browser.findElement(By.id("clear")).click();
            assertEquals("", browser.findElement(By.id("verdict")).getText());
            Actions line = new Actions(browser).moveToElement(pad, -110, 90).clickAndHold();
            for (int step = 1; step <= 20; step++) {
                line.moveToElement(pad, -110 + 11 * step, 90 - 9 * step);
            }
            line.release().perform();
            verdict(browser, "LINE");
            Files.write(screenshots.resolve("draw-line.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
            server.close();
        }
    }

    private static void verdict(WebDriver browser, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), expected));
        assertEquals(expected, browser.findElement(By.id("verdict")).getText());
    }
}
