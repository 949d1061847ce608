package dev.mlpkit.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AugmentationTest {

    /** A 5x5 black frame with one white pixel at (x, y). */
    private static double[] dot(int x, int y) {
        double[] p = new double[25];
        p[y * 5 + x] = 1;
        return p;
    }

    @Test
    void aShiftOfWholePixelsMovesThePicture() {
        Augmentation shift = new Augmentation(Map.of("shift", 1.0), 1);
        // Draw until the random shift is (+1, +1) or close: the dot then sits one pixel down and right, blended.
        for (long seed = 0; seed < 200; seed++) {
            double[] out = shift.transform(dot(2, 2), 5, 5, new SplittableRandom(seed));
            double sum = java.util.Arrays.stream(out).sum();
            assertEquals(1.0, sum, 1e-12, "bilinear resampling inside the frame keeps the ink");
        }
    }

    @Test
    void halfTurnsAndFlipsMirrorExactly() {
        Augmentation half = new Augmentation(Map.of("rotate", 0.0, "flip-h", 0.0), 1);
        boolean flipped = false;
        for (long seed = 0; seed < 20; seed++) {
            double[] out = half.transform(dot(0, 1), 5, 5, new SplittableRandom(seed));
            flipped |= java.util.Arrays.equals(out, dot(4, 1));
            assertTrue(java.util.Arrays.equals(out, dot(4, 1)) || java.util.Arrays.equals(out, dot(0, 1)));
        }
        assertTrue(flipped, "a flip happens with probability 1/2");
    }

    @Test
    void colourPlanesMoveTogether() {
        Augmentation flip = new Augmentation(Map.of("flip-v", 0.0), 1);
        double[] planes = new double[75];
        planes[0 * 25 + 1 * 5 + 2] = 1;   // red at (2, 1)
        planes[2 * 25 + 1 * 5 + 2] = 0.5; // blue at (2, 1)
        for (long seed = 0; seed < 10; seed++) {
            double[] out = flip.transform(planes, 5, 5, new SplittableRandom(seed));
            assertEquals(out[0 * 25 + 1 * 5 + 2] * 0.5, out[2 * 25 + 1 * 5 + 2], 1e-15);
            assertEquals(out[0 * 25 + 3 * 5 + 2] * 0.5, out[2 * 25 + 3 * 5 + 2], 1e-15);
            assertEquals(1.0, out[0 * 25 + 1 * 5 + 2] + out[0 * 25 + 3 * 5 + 2], 1e-15);
        }
    }

    @Test
    void copiesFollowTheTrainingImagesAndAreSeeded() {
        Examples training = new Examples(List.of("a", "b"), new double[][] { dot(1, 1), dot(3, 3) }, new int[] { 0, 1 });
        Augmentation augmentation = Augmentation.parse("shift,rotate:20,noise:0.01", 3);
        Examples more = augmentation.apply(training, 5, 5, 42);
        assertEquals(8, more.size());
        assertArrayEquals(new int[] { 0, 1, 0, 1, 0, 1, 0, 1 }, more.labels());
        assertArrayEquals(training.features()[1], more.features()[1]);
        assertEquals("b (variation 3)", more.names().get(7));
        assertArrayEquals(more.features()[5], augmentation.apply(training, 5, 5, 42).features()[5], "same seed, same copies");
        assertFalse(java.util.Arrays.equals(more.features()[5], augmentation.apply(training, 5, 5, 43).features()[5]));
        for (double[] f : more.features()) {
            for (double v : f) {
                assertTrue(v >= 0 && v <= 1);
            }
        }
    }

    @Test
    void theGalaxyTutorialsTransformationsEachHappenHalfTheTime() {
        // On a uniform grey picture flips and turns change nothing; brightness and noise each change it half the time,
        // so a quarter of the copies come out untouched.
        Augmentation tutorial = Augmentation.galaxyTutorial(1);
        double[] grey = new double[25];
        java.util.Arrays.fill(grey, 0.5);
        int untouched = 0;
        for (long seed = 0; seed < 1000; seed++) {
            untouched += java.util.Arrays.equals(grey, tutorial.transform(grey, 5, 5, new SplittableRandom(seed))) ? 1 : 0;
        }
        assertTrue(untouched > 200 && untouched < 300, untouched + " of 1000 untouched");
        assertEquals("brightness:0.2,flip-h,flip-v,noise:0.05,rotate:30 x1, each with probability 0.5", tutorial.toString());
    }

    @Test
    void parsingNamesWhatItKnows() {
        assertTrue(Augmentation.parse("none", 3).isNone());
        assertEquals("rotate:10,shift:2 x2", Augmentation.parse("shift:2,rotate:10", 2).toString());
        assertEquals("unknown transformation 'twist': known are shift, rotate, flip-h, flip-v, brightness and noise",
                assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("twist", 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("shift:x", 1));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("flip-h:3", 1));
    }
}
