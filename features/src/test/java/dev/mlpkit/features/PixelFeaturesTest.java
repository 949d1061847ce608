package dev.mlpkit.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Golden values from OpenCV 4.6 itself: src/test/python/opencv_golden.py over ../shared/data/galaxy-sample. */
class PixelFeaturesTest {

    /** The issue allows one grey level; this implementation is exact, so the checksums must match too. */
    private static final int GREY_LEVELS_ALLOWED = 1;
    private static final PixelFeatures TUTORIAL = new PixelFeatures(64, 64);
    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void everySampleImageEqualsOpenCvExactly() throws Exception {
        Path sample = SharedData.folder("galaxy-sample");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String line : golden("galaxy-sample-sha256.txt")) {
            String[] parts = line.split(" ");
            byte[] grey = greyBytes(sample.resolve(parts[0]));
            String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(grey));
            if (!sum.equals(parts[1])) {
                mismatches.add(parts[0]);
            }
            checked++;
        }
        assertEquals(352, checked);
        assertEquals(List.of(), mismatches, "images whose 64x64 grey differs from OpenCV's");
    }

    @Test
    void aHandfulOfImagesAreWithinOneGreyLevelElementByElement() throws IOException {
        Path sample = SharedData.folder("galaxy-sample");
        for (String line : golden("galaxy-sample-grey.txt")) {
            String[] parts = line.split(" ");
            byte[] expected = HexFormat.of().parseHex(parts[1]);
            byte[] actual = greyBytes(sample.resolve(parts[0]));
            int worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs((expected[i] & 0xFF) - (actual[i] & 0xFF)));
            }
            assertTrue(worst <= GREY_LEVELS_ALLOWED, parts[0] + " differs by " + worst + " grey levels");
        }
    }

    @Test
    void valuesAreGreyOver255RowByRow() {
        byte[] rgb = new byte[3 * 64 * 64];
        rgb[3 * (64 * 2 + 5)] = (byte) 255; // pure red at x = 5, y = 2
        double[] f = TUTORIAL.extract(new RgbImage(64, 64, rgb));
        assertEquals(4096, f.length);
        assertEquals(((9798 * 255 + 16384) >> 15) / 255.0, f[2 * 64 + 5]);
        assertEquals(0.0, f[5 * 64 + 2]);
    }

    @Test
    void aOnePixelImageBecomesAUniformVector() {
        double[] f = TUTORIAL.extract(new RgbImage(1, 1, new byte[] { 10, 20, 30 }));
        int grey = (3735 * 30 + 19235 * 20 + 9798 * 10 + 16384) >> 15;
        for (double v : f) {
            assertEquals(grey / 255.0, v);
        }
    }

    @Test
    void anExactHalvingIsTheMeanOfEachTwoByTwoBlock() {
        byte[] rgb = new byte[3 * 4 * 4];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 5);
        }
        RgbImage half = OpenCvResize.resize(new RgbImage(4, 4, rgb), 2, 2);
        int expected = ((0) + (3 * 5) + (12 * 5) + (15 * 5) + 2) >> 2;
        assertEquals(expected, half.sample(0, 0, 0));
    }

    @Test
    void settingsMakeTheSameExtractorBack() {
        assertEquals(TUTORIAL, FeatureExtractor.fromSettings(TUTORIAL.name(), TUTORIAL.settings()));
        assertEquals(new CircleLineFeatures(), FeatureExtractor.fromSettings("circle-line", java.util.Map.of()));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FeatureExtractor.fromSettings("hog", java.util.Map.of()));
        assertEquals("unknown feature extractor 'hog': known are pixels, circle-line, circle-line-pixels", e.getMessage());
    }

    private byte[] greyBytes(Path image) throws IOException {
        double[] f = TUTORIAL.extract(decoder.decode(image));
        byte[] grey = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            grey[i] = (byte) Math.round(f[i] * 255);
        }
        return grey;
    }

    private static List<String> golden(String name) throws IOException {
        try (InputStream in = PixelFeaturesTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .toList();
        }
    }
}
