package dev.mlpkit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CircleLineFeaturesTest {

    private final ImageDecoder decoder = new ImageDecoder();
    private final CircleLineFeatures features = new CircleLineFeatures();

    @Test
    void everyRowOfTheTutorialsInputFileIsReproduced() throws IOException {
        Path data = SharedData.folder("circle-line-tutorial");
        List<String> rows = Files.readAllLines(data.resolve("csv/input-file.txt"));
        assertEquals("file_name,feature1,feature2,feature3", rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            double[] expected = { Double.parseDouble(cells[1]), Double.parseDouble(cells[2]), Double.parseDouble(cells[3]) };
            assertArrayEquals(expected, features.extract(decoder.decode(data.resolve("images").resolve(cells[0]))), row);
        }
        assertEquals(41, rows.size());
    }

    /** SEED-FACTS.md's golden values for the tutorial's test drawings. */
    @ParameterizedTest
    @CsvSource({ "tc-1.png, 0.21, 0, 0.05", "tc-2.png, 0.2, 0, 0.03", "tc-3.png, 0.21, 0, 0.01",
        "tc-4.png, 0.17, 0, 0.06", "tc-5.png, 0.21, 0, 0.08", "tl-1.png, 0.11, 0.5, 0.06", "tl-2.png, 0.08, 0.44, 0",
        "tl-3.png, 0.1, 0.19, 0.04", "tl-4.png, 0.07, 0.38, 0", "tl-5.png, 0.06, 0.31, 0" })
    void theTestDrawingsGiveTheGoldenValues(String file, double f1, double f2, double f3) throws IOException {
        Path data = SharedData.folder("circle-line-tutorial");
        assertArrayEquals(new double[] { f1, f2, f3 }, features.extract(decoder.decode(data.resolve("test-images/" + file))));
    }

    @Test
    void theLastRowAndColumnAreNeverReadAndCornersAreBlocksNotAFrame() {
        byte[] white = new byte[3 * 16 * 16];
        java.util.Arrays.fill(white, (byte) 255);
        byte[] rgb = white.clone();
        for (int i = 0; i < 16; i++) {
            paint(rgb, 15, i);   // the last column
            paint(rgb, i, 15);   // the last row
        }
        assertArrayEquals(new double[] { 0, 0, 0 }, features.extract(new RgbImage(16, 16, rgb)));
        rgb = white.clone();
        paint(rgb, 0, 7);        // the left edge, between the corner blocks: not counted in feature 3
        paint(rgb, 2, 2);        // inside the top-left corner block
        paint(rgb, 8, 8);        // the centre
        assertArrayEquals(new double[] { 0.01, 0.06, 0.01 }, features.extract(new RgbImage(16, 16, rgb)));
    }

    @Test
    void roundingIsHalfToEvenOnTheExactBinaryValue() {
        assertEquals(0.12, CircleLineFeatures.round2(2 / 16.0));
        assertEquals(0.38, CircleLineFeatures.round2(6 / 16.0));
        assertEquals(2.67, CircleLineFeatures.round2(2.675));
    }

    @Test
    void thePixelsVariantGivesInkPerPixel() {
        byte[] rgb = new byte[3 * 16 * 16];
        java.util.Arrays.fill(rgb, (byte) 255);
        paint(rgb, 3, 4);
        double[] ink = new CircleLinePixels().extract(new RgbImage(16, 16, rgb));
        assertEquals(256, ink.length);
        assertEquals(1.0, ink[4 * 16 + 3]);
        assertEquals(0.0, ink[0]);
    }

    @Test
    void stretchedInkReadsAFaintStrokeOnGreyPaperAsABlackOneOnWhite() {
        byte[] rgb = new byte[3 * 16 * 16];
        java.util.Arrays.fill(rgb, (byte) 200);     // grey paper
        for (int c = 0; c < 3; c++) {
            rgb[3 * (4 * 16 + 3) + c] = (byte) 150; // a faint stroke
            rgb[3 * (4 * 16 + 4) + c] = (byte) 175; // its grey edge
        }
        double[] ink = new CircleLinePixels().extract(new RgbImage(16, 16, rgb));
        assertEquals(1.0, ink[4 * 16 + 3]);
        assertEquals(0.5, ink[4 * 16 + 4], 0.03);
        assertEquals(0.0, ink[0]);
        double[] raw = new CircleLinePixels(false).extract(new RgbImage(16, 16, rgb));
        assertEquals(1 - 150 / 255.0, raw[4 * 16 + 3], 0.01);
        java.util.Arrays.fill(rgb, (byte) 90);
        assertEquals(0.0, java.util.Arrays.stream(new CircleLinePixels().extract(new RgbImage(16, 16, rgb))).max()
                .orElseThrow(), "a blank image has no ink");
    }

    @Test
    void modelFilesSayHowTheInkIsRead() {
        FeatureExtractor stretched = new CircleLinePixels();
        assertEquals(stretched, FeatureExtractor.fromSettings(stretched.name(), stretched.settings()));
        assertEquals(new CircleLinePixels(false), FeatureExtractor.fromSettings(CircleLinePixels.NAME,
                java.util.Map.of()), "models made before stretched ink read it as they were trained");
    }

    @Test
    void aThinStrokeOnABigCanvasSurvivesTheShrinkingTo16x16() {
        int size = 320;
        byte[] rgb = new byte[3 * size * size];
        java.util.Arrays.fill(rgb, (byte) 255);
        for (int x = 0; x < size; x++) {
            for (int c = 0; c < 3; c++) {
                rgb[3 * (157 * size + x) + c] = 0;   // a one-pixel line across the middle
            }
        }
        RgbImage small = Drawing16.of(new RgbImage(size, size, rgb));
        assertEquals(16, small.width());
        for (int x = 0; x < 16; x++) {
            assertEquals(0, small.sample(x, 7, 0), "row 7 holds a twentieth of ink, stretched to the darkest grey");
            assertEquals(255, small.sample(x, 3, 0));
        }
        double[] features = new CircleLineFeatures().extract(new RgbImage(size, size, rgb));
        assertArrayEquals(new double[] { 0.06, 0.31, 0 }, features, "the tutorial's features see the line");
        double[] stretched = new CircleLinePixels().extract(new RgbImage(size, size, rgb));
        assertEquals(1.0, stretched[7 * 16 + 5], 1e-9, "stretched ink makes the faint trace a full stroke");
        RgbImage tiny = new RgbImage(16, 16, new byte[3 * 16 * 16]);
        assertTrue(Drawing16.of(tiny) == tiny, "a 16x16 drawing is read as it is");
    }

    @Test
    void aBlankBigImageIsShrunkButNotStretched() {
        int size = 64;
        byte[] rgb = new byte[3 * size * size];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (200 + i % 3);   // a flat grey, one level apart between the channels
        }
        RgbImage small = Drawing16.of(new RgbImage(size, size, rgb));
        assertEquals(200, small.sample(3, 3, 0));
        assertEquals(202, small.sample(3, 3, 2));
    }

    private static void paint(byte[] rgb, int x, int y) {
        for (int c = 0; c < 3; c++) {
            rgb[3 * (y * 16 + x) + c] = 0;
        }
    }
}
