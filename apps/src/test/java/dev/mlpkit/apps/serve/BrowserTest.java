package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless browser ({@link Chromium}). Opens the page, uploads a galaxy, reads the verdict, and saves a screenshot to
 * apps/target/screenshots/serve-page.png.
 */
@Tag("slow")
class BrowserTest {

    @Test
    void aPersonUploadsAGalaxyAndReadsTheVerdict() throws Exception {
        ModelServer server = ServedModel.server(10 * 1024 * 1024);
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        WebDriver browser = Chromium.start(900, 760);
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
            Chromium.screenshot(browser, "serve-page.png");
        } finally {
            browser.quit();
            server.close();
        }
    }
}
