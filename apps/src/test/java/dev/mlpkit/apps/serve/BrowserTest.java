package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless browser ({@link Chromium}) on a desktop (1280 px wide) and a phone (390 px): the button
 * that chooses an image is the first thing the keyboard reaches; a galaxy uploaded gets its verdict beside the images
 * on the desktop and above them on the phone; a file that is not an image gets a visible sentence; the footer says
 * what the model was trained on. Screenshots go to apps/target/screenshots/serve-page-WIDTH.png.
 */
@Tag("slow")
class BrowserTest {

    static ModelServer server;
    static String base;

    @BeforeAll
    static void serve() throws Exception {
        server = ServedModel.server(10 * 1024 * 1024);
        server.start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1280, 390 })
    void aPersonUploadsAGalaxyAndReadsTheVerdict(int width) throws Exception {
        WebDriver browser = Chromium.start(width, 800);
        try {
            browser.get(base + "/");
            assertEquals("Galaxy or not? - mlpkit", browser.getTitle());
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertEquals("choose", browser.switchTo().activeElement().getDomAttribute("id"), "the keyboard reaches it");

            Path galaxy = ServedModel.UNSEEN.resolve("galaxies/galaxy-1.jpg").toAbsolutePath();
            browser.findElement(By.id("file")).sendKeys(galaxy.toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "galaxy"));
            assertEquals("galaxy", browser.findElement(By.id("verdict")).getText());
            assertTrue(browser.findElement(By.id("probability")).getText().startsWith("probability of a galaxy: "));
            assertTrue(browser.findElement(By.id("choose")).isEnabled(), "no longer busy");
            Rectangle verdict = browser.findElement(By.id("verdict")).getRect();
            Rectangle image = browser.findElement(By.id("original")).getRect();
            if (width > 640) {
                assertTrue(verdict.getX() > image.getX() + image.getWidth() && verdict.getY() < image.getY()
                        + image.getHeight(), "beside the images: " + verdict + " " + image);
            } else {
                assertTrue(verdict.getY() + verdict.getHeight() <= image.getY(), "above the images: " + verdict + " "
                        + image);
            }
            wait.until(d -> d.findElement(By.id("model")).getText().contains("trained on"));
            assertTrue(browser.findElement(By.id("model")).getText().contains("4096-16"));
            Chromium.screenshot(browser, "serve-page-" + width + ".png");

            Path text = Files.writeString(Files.createTempFile("not-an-image", ".txt"), "hello");
            browser.findElement(By.id("file")).sendKeys(text.toAbsolutePath().toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "Send an image"));
            assertFalse(browser.findElement(By.id("result")).isDisplayed(), "the old verdict is gone");
        } finally {
            browser.quit();
        }
    }
}
