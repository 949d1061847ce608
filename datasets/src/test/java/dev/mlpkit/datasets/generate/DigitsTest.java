package dev.mlpkit.datasets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class DigitsTest {

    private static int[] pixels(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, Digits.SIZE, Digits.SIZE, (int[]) null);
    }

    @Test
    void everyDigitIsInkOnBlackWithinTheFrame() {
        for (int d = 0; d <= 9; d++) {
            for (long seed = 0; seed < 20; seed++) {
                int[] p = pixels(Digits.draw(d, seed));
                long inked = java.util.Arrays.stream(p).filter(v -> v > 128).count();
                assertTrue(inked >= 15 && inked <= 400, "digit " + d + " seed " + seed + ": " + inked + " inked pixels");
                int border = 0;
                for (int k = 0; k < Digits.SIZE; k++) {
                    border = Math.max(border, Math.max(p[k], p[(Digits.SIZE - 1) * Digits.SIZE + k]));
                }
                assertTrue(border < 250, "digit " + d + " seed " + seed + " runs off the top or bottom");
            }
        }
    }

    @Test
    void theSameSeedDrawsTheSameImage() {
        assertArrayEquals(pixels(Digits.draw(7, 123)), pixels(Digits.draw(7, 123)));
        assertEquals(Digits.SIZE, Digits.draw(3, 1).getWidth());
        assertThrows(IllegalArgumentException.class, () -> Digits.draw(10, 1));
    }
}
