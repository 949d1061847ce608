package dev.mlpkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link PixelFeatures} in colour. */
class ColourPixelFeaturesTest {

    @Test
    void planesAreRedGreenBlueEachRowByRow() {
        // Two pixels: pure red, then white-ish blue.
        RgbImage image = new RgbImage(2, 1, new byte[] { (byte) 255, 0, 0, 51, 102, (byte) 204 });
        double[] f = new PixelFeatures(2, 1, true).extract(image);
        assertArrayEquals(new double[] { 1, 0.2, 0, 0.4, 0, 0.8 }, f, 1e-15);
    }

    @Test
    void itsSettingsMakeItAgain() {
        PixelFeatures pixels = new PixelFeatures(28, 20, true);
        assertEquals(3 * 28 * 20, pixels.dimension());
        assertEquals(pixels, FeatureExtractor.fromSettings(pixels.name(), pixels.settings()));
        assertThrows(IllegalArgumentException.class, () -> FeatureExtractor.fromSettings(PixelFeatures.NAME,
                Map.of("width", 0, "height", 3, "colour", true)));
    }
}
