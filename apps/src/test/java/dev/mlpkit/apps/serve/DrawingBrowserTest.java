package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The drawing page in headless chromium ({@link Chromium}): a circle and then a line are drawn with the mouse through
 * WebDriver's actions, and the verdict is read after each; screenshots go to apps/target/screenshots/draw-circle.png,
 * draw-line.png and, on a phone-wide window, draw-phone.png.
 */
@Tag("slow")
class DrawingBrowserTest {

    static ModelServer server;

    @BeforeAll
    static void serve() throws java.io.IOException {
        server = ServedModel.bothServer();
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPersonDrawsACircleThenALineAndReadsEachVerdict() throws Exception {
        WebDriver browser = Chromium.start(900, 760);
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
            Chromium.screenshot(browser, "draw-circle.png");

            browser.findElement(By.id("clear")).click();
            assertEquals("", browser.findElement(By.id("verdict")).getText());
            Actions line = new Actions(browser).moveToElement(pad, -110, 90).clickAndHold();
            for (int step = 1; step <= 20; step++) {
                line.moveToElement(pad, -110 + 11 * step, 90 - 9 * step);
            }
            line.release().perform();
            verdict(browser, "LINE");
            Chromium.screenshot(browser, "draw-line.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void onAPhoneThePadAndTheVerdictFitTheScreen() throws Exception {
        WebDriver browser = Chromium.start(390, 844);
        try {
            browser.get("http://127.0.0.1:" + server.port() + "/draw");
            WebElement pad = browser.findElement(By.id("pad"));
            long width = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.clientWidth");
            assertTrue(pad.getRect().getX() + pad.getRect().getWidth() <= width, "the pad fits " + width + " pixels");
            Actions line = new Actions(browser).moveToElement(pad, -100, 0).clickAndHold();
            for (int step = 1; step <= 20; step++) {
                line.moveToElement(pad, -100 + 10 * step, 0);
            }
            line.release().perform();
            verdict(browser, "LINE");
            Chromium.screenshot(browser, "draw-phone.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void whileTheServerThinksThePageIsBusyAndAFailureIsSaid() throws Exception {
        WebDriver browser = Chromium.start(900, 760);
        try {
            browser.get("http://127.0.0.1:" + server.port() + "/draw");
            WebElement pad = browser.findElement(By.id("pad"));
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
            // A request that never ends, then one that cannot reach the server.
            js.executeScript("window.realFetch = window.fetch; window.fetch = () => new Promise(() => {});");
            stroke(browser, pad);
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "Classifying..."));
            assertEquals("true", browser.findElement(By.tagName("main")).getDomAttribute("aria-busy"));
            assertTrue(!browser.findElement(By.id("clear")).isEnabled(), "Clear waits for the verdict");
            Chromium.screenshot(browser, "draw-busy.png");

            browser.navigate().refresh();
            pad = browser.findElement(By.id("pad"));
            js.executeScript("window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));");
            stroke(browser, pad);
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "could not be reached"));
            assertEquals("The server could not be reached; is mlp serve still running?",
                    browser.findElement(By.id("error")).getText());
            assertEquals("", browser.findElement(By.id("verdict")).getText());
            assertEquals("false", browser.findElement(By.tagName("main")).getDomAttribute("aria-busy"));
            assertTrue(browser.findElement(By.id("clear")).isEnabled());
        } finally {
            browser.quit();
        }
    }

    private static void stroke(WebDriver browser, WebElement pad) {
        Actions line = new Actions(browser).moveToElement(pad, -100, 0).clickAndHold();
        for (int step = 1; step <= 10; step++) {
            line.moveToElement(pad, -100 + 20 * step, 0);
        }
        line.release().perform();
    }

    private static void verdict(WebDriver browser, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), expected));
        assertEquals(expected, browser.findElement(By.id("verdict")).getText());
    }
}
