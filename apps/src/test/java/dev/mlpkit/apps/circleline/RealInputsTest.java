package dev.mlpkit.apps.circleline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.apps.circleline.CircleLineClassifier.Mode;
import dev.mlpkit.datasets.CircleLineCsv;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.features.CircleLineFeatures;
import dev.mlpkit.features.CircleLinePixels;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.training.GradientMethod;

/**
 * Models trained only on the built-in drawings, checked on drawings the generator did not make: letters and digits of
 * the JDK's fonts ({@link Glyphs}) and the tutorial's own 50 drawings (when ../shared/data is next to the checkout).
 * Each of the four ways to classify is scored per class, and must not fall below the floors here: the pixels modes
 * 90% of each class on the glyphs, the three features 60% (they cannot tell a small circle in the middle from a short
 * line through it), and every mode 85% of each class of the tutorial's drawings. docs/built-in-data.md has the
 * figures and the targets still ahead of them.
 */
@Tag("slow")
class RealInputsTest {

    private static final int GLYPHS_PER_CLASS = 300;

    @TempDir
    static Path temp;
    private static Path builtIn;
    private static Path glyphs;

    @BeforeAll
    static void makeTheSets() throws IOException {
        builtIn = temp.resolve("built-in");
        GeneratedData.writeCircleLine(builtIn, GeneratedData.DEFAULT_DRAWINGS, GeneratedData.DEFAULT_TESTS_PER_CLASS, 42);
        glyphs = temp.resolve("glyphs");
        Glyphs.write(glyphs, GLYPHS_PER_CLASS, 7);
    }

    @Test
    void everyWayToClassifyGetsGlyphsRightPerClass() throws IOException {
        List<String> failures = new ArrayList<>();
        System.out.println("Glyph check set (" + GLYPHS_PER_CLASS + " per class), models trained on the built-in drawings:");
        System.out.println("mode           features   circles right   lines right   overall");
        for (Mode mode : Mode.values()) {
            for (FeatureExtractor extractor : List.of(new CircleLineFeatures(), new CircleLinePixels())) {
                CircleLineClassifier classifier = CircleLineClassifier.train(mode, Drawings.training(builtIn, extractor), 42, 100,
                        GradientMethod.BACKPROP);
                double[] right = score(classifier, extractor, labelledGlyphs());
                report(mode, extractor, right);
                double least = extractor instanceof CircleLinePixels ? 0.90 : 0.60;
                if (right[0] < least || right[1] < least) {
                    failures.add(mode.text + " with " + extractor.name() + ": " + percent(right[0]) + " of circles, "
                            + percent(right[1]) + " of lines (at least " + percent(least) + " of each expected)");
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    @Test
    void everyWayToClassifyGetsTheTutorialsDrawingsRight() throws IOException {
        Path tutorial = sharedData("circle-line-tutorial");
        org.junit.jupiter.api.Assumptions.assumeTrue(tutorial != null,
                "../shared/data/circle-line-tutorial is not next to this checkout, so this test is skipped");
        Map<Path, Boolean> drawings = new java.util.LinkedHashMap<>();
        Map<String, Integer> circles = CircleLineCsv.readCorrectOutputs(tutorial.resolve("csv/correct-outputs-circle.txt"));
        circles.forEach((name, circle) -> drawings.put(tutorial.resolve("images").resolve(name), circle == 1));
        for (Path test : Drawings.tests(tutorial)) {
            drawings.put(test, Drawings.knownCircle(test));
        }
        System.out.println("The tutorial's 50 drawings, models trained on the built-in drawings:");
        System.out.println("mode           features   circles right   lines right   overall");
        List<String> failures = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (FeatureExtractor extractor : List.of(new CircleLineFeatures(), new CircleLinePixels())) {
                CircleLineClassifier classifier = CircleLineClassifier.train(mode, Drawings.training(builtIn, extractor), 42, 100,
                        GradientMethod.BACKPROP);
                double[] right = score(classifier, extractor, drawings);
                report(mode, extractor, right);
                if (right[0] < 0.85 || right[1] < 0.85) {
                    failures.add(mode.text + " with " + extractor.name() + ": " + percent(right[0]) + " of circles, "
                            + percent(right[1]) + " of lines");
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    private static Map<Path, Boolean> labelledGlyphs() throws IOException {
        Map<Path, Boolean> labelled = new java.util.LinkedHashMap<>();
        try (Stream<Path> files = Files.list(glyphs)) {
            files.sorted().forEach(f -> labelled.put(f, f.getFileName().toString().startsWith("circle-")));
        }
        return labelled;
    }

    /** The share of circles and the share of lines classified right. */
    private static double[] score(CircleLineClassifier classifier, FeatureExtractor extractor, Map<Path, Boolean> drawings)
            throws IOException {
        ImageDecoder decoder = new ImageDecoder();
        int[] right = new int[2];
        int[] total = new int[2];
        for (Map.Entry<Path, Boolean> drawing : drawings.entrySet()) {
            int k = drawing.getValue() ? 0 : 1;
            total[k]++;
            right[k] += classifier.isCircle(extractor.extract(decoder.decode(drawing.getKey()))) == drawing.getValue() ? 1 : 0;
        }
        return new double[] { (double) right[0] / total[0], (double) right[1] / total[1], (double) (right[0] + right[1]) / (total[0] + total[1]) };
    }

    private static void report(Mode mode, FeatureExtractor extractor, double[] right) {
        System.out.printf("%-14s %-10s %13s %13s %9s%n", mode.text, extractor instanceof CircleLinePixels ? "pixels" : "features",
                percent(right[0]), percent(right[1]), percent(right[2]));
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static Path sharedData(String name) {
        String base = System.getProperty("mlpkit.shared.data");
        Path folder = base == null ? null : Path.of(base, name).normalize();
        return folder != null && Files.isDirectory(folder) ? folder : null;
    }
}
