package dev.mlpkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ColourPixelsTest {

    @Test
    void planesAreRedGreenBlueEachRowByRow() {
        // Two pixels: pure red, then white-ish blue.
        RgbImage image = new RgbImage(2, 1, new byte[] { (byte) 255, 0, 0, 51, 102, (byte) 204 });
        double[] f = new ColourPixels(2, 1).extract(image);
        assertArrayEquals(new double[] { 1, 0.2, 0, 0.4, 0, 0.8 }, f, 1e-15);
    }

    @Test
    void itsSettingsMakeItAgain() {
        ColourPixels pixels = new ColourPixels(28, 20);
        assertEquals(3 * 28 * 20, pixels.dimension());
        assertEquals(pixels, FeatureExtractor.fromSettings(pixels.name(), pixels.settings()));
        assertThrows(IllegalArgumentException.class, () -> FeatureExtractor.fromSettings(ColourPixels.NAME,
                Map.of("width", 0, "height", 3)));
    }
}
