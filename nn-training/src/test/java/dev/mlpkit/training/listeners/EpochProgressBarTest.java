package dev.mlpkit.training.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.mlpkit.training.EpochStats;

class EpochProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong();
    private final EpochProgressBar bars = new EpochProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            clock::get);

    /** An epoch of 17 batches, {@code millis} apart. */
    private void epoch(int epoch, long millis) {
        for (int batch = 1; batch <= 17; batch++) {
            clock.addAndGet(millis * 1_000_000);
            bars.batchFinished(epoch, batch, 17);
        }
        bars.epochFinished(new EpochStats(epoch, 0.5, 850, 0.8, 0.6, 0.75, millis * 17 / 1000.0, 0.01));
    }

    private String drawn() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fastEpochsDrawNothing() {
        epoch(1, 50);
        epoch(2, 50);
        assertEquals("", drawn());
    }

    @Test
    void aSlowEpochsBarKeepsToOneLineAndWipesItWhenTheEpochEnds() {
        epoch(1, 400);
        String drawn = drawn();
        assertTrue(drawn.contains("Epoch 1") && drawn.contains("17/17 batches"), drawn);
        assertFalse(drawn.contains("\n"), "no line feed: " + drawn);
        String[] draws = drawn.split("\r", -1);
        assertEquals("", draws[draws.length - 1], "the cursor ends at the start of the line");
        assertTrue(draws[draws.length - 2].isBlank(), "the line is wiped: " + drawn);

        epoch(2, 50);
        assertEquals(drawn, drawn(), "a fast epoch after a slow one draws nothing");
    }

    @Test
    void aBarClosedAsSoonAsItStartsStillWipesItsLine() {
        for (int epoch = 1; epoch <= 20; epoch++) {
            epoch(epoch, 59);    // a second passes at the 17th batch: the bar starts and ends at once
            String drawn = drawn();
            assertTrue(drawn.isEmpty() || drawn.endsWith("\r") && drawn.substring(drawn.lastIndexOf('\r', drawn.length()
                    - 2)).isBlank(), "epoch " + epoch + " left its line drawn: " + drawn);
        }
    }
}
