package dev.mlpkit.apps.circleline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.apps.circleline.CircleLineClassifier.Mode;
import dev.mlpkit.datasets.CircleLineCsv;
import dev.mlpkit.datasets.Examples;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.features.CircleLineFeatures;
import dev.mlpkit.features.CircleLinePixels;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.training.GradientMethod;

/**
 * Models trained only on the built-in drawings, checked on drawings the generator did not make: letters and digits of
 * the JDK's fonts ({@link Glyphs}), drawings on larger canvases as a drawing program saves them ({@link
 * CanvasDrawings}), level and upright lines as a line tool draws them ({@link RulerLines}), and the tutorial's own 50
 * drawings (when ../shared/data is next to the checkout). Each way to classify is scored per class, and must not fall
 * below the floors here: the pixels modes 95% of each class of the glyphs, the canvas drawings and the ruler lines,
 * the three features 60% (they cannot tell a small circle in the middle from a short line through it), and every
 * mode 90% of each class of the tutorial's drawings. docs/built-in-data.md has the figures and the targets still
 * ahead of them.
 */
@Tag("slow")
class RealInputsTest {

    private static final int GLYPHS_PER_CLASS = 300;
    private static final int CANVASES_PER_CLASS = 200;
    private static final List<FeatureExtractor> EXTRACTORS = List.of(new CircleLineFeatures(), new CircleLinePixels());

    @TempDir
    static Path temp;
    private static Path glyphs;
    private static Path rulers;
    private static Path canvases;
    private static int rulerCount;
    /** One classifier per mode and extractor, in the order of {@link Mode#values()} then {@link #EXTRACTORS}. */
    private static final Map<String, CircleLineClassifier> CLASSIFIERS = new LinkedHashMap<>();

    @BeforeAll
    static void trainOnTheBuiltInDrawings() throws IOException {
        Path builtIn = temp.resolve("built-in");
        long seed = Long.getLong("mlpkit.circleline.seed", 42);   // another seed shows how much the figures move
        GeneratedData.writeCircleLine(builtIn, GeneratedData.DEFAULT_DRAWINGS, GeneratedData.DEFAULT_TESTS_PER_CLASS,
                seed);
        glyphs = temp.resolve("glyphs");
        LabelledFolder.write(glyphs, GLYPHS_PER_CLASS, 7, Glyphs::draw);
        rulers = temp.resolve("rulers");
        rulerCount = RulerLines.write(rulers);
        canvases = temp.resolve("canvases");
        LabelledFolder.write(canvases, CANVASES_PER_CLASS, 5, CanvasDrawings::draw);
        for (Mode mode : Mode.values()) {
            for (FeatureExtractor extractor : EXTRACTORS) {
                Examples training = Drawings.training(builtIn, extractor);
                CLASSIFIERS.put(key(mode, extractor),
                        CircleLineClassifier.train(mode, training, 42, 100, GradientMethod.BACKPROP));
            }
        }
    }

    @Test
    void everyWayToClassifyGetsGlyphsRightPerClass() throws IOException {
        check("Glyph check set (" + GLYPHS_PER_CLASS + " per class)", LabelledFolder.read(glyphs), 0.95, 0.60);
    }

    @Test
    void everyWayToClassifyGetsLargerDrawingsRightPerClass() throws IOException {
        check("Canvas drawings (" + CANVASES_PER_CLASS + " per class)", LabelledFolder.read(canvases), 0.95, 0.60);
    }

    @Test
    void thePixelsModesGetLevelAndUprightLinesRight() throws IOException {
        check("Ruler lines (" + rulerCount + ")", LabelledFolder.read(rulers), 0.95, 0.60);
    }

    @Test
    void everyWayToClassifyGetsTheTutorialsDrawingsRight() throws IOException {
        Path tutorial = sharedData("circle-line-tutorial");
        Assumptions.assumeTrue(tutorial != null,
                "../shared/data/circle-line-tutorial is not next to this checkout, so this test is skipped");
        Map<Path, Boolean> drawings = new LinkedHashMap<>();
        Map<String, Integer> circles = CircleLineCsv.readCorrectOutputs(tutorial.resolve("csv/correct-outputs-circle.txt"));
        circles.forEach((name, circle) -> drawings.put(tutorial.resolve("images").resolve(name), circle == 1));
        for (Path test : Drawings.tests(tutorial)) {
            drawings.put(test, Drawings.knownCircle(test));
        }
        check("The tutorial's 50 drawings", drawings, 0.90, 0.90);
    }

    /** Scores every classifier on {@code drawings}, prints the table, and fails with each one under its floor. */
    private static void check(String title, Map<Path, Boolean> drawings, double pixelsFloor, double featuresFloor)
            throws IOException {
        System.out.println(title + ", models trained on the built-in drawings:");
        System.out.println("mode           features   circles right   lines right   overall");
        List<String> failures = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (FeatureExtractor extractor : EXTRACTORS) {
                double[] right = score(CLASSIFIERS.get(key(mode, extractor)), extractor, drawings);
                System.out.printf("%-14s %-10s %13s %13s %9s%n", mode.text, kind(extractor), percent(right[0]),
                        percent(right[1]), percent(right[2]));
                double least = extractor instanceof CircleLinePixels ? pixelsFloor : featuresFloor;
                if (right[0] < least || right[1] < least) {
                    failures.add(mode.text + " with " + kind(extractor) + ": " + percent(right[0]) + " of circles, "
                            + percent(right[1]) + " of lines (at least " + percent(least) + " of each expected)");
                }
            }
        }
        assertTrue(failures.isEmpty(), title + ": " + String.join("; ", failures));
    }

    /** The share of circles, of lines and of all drawings classified right (NaN for a class with none). */
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
        return new double[] { (double) right[0] / total[0], (double) right[1] / total[1],
                (double) (right[0] + right[1]) / (total[0] + total[1]) };
    }

    private static String key(Mode mode, FeatureExtractor extractor) {
        return mode.text + " " + kind(extractor);
    }

    private static String kind(FeatureExtractor extractor) {
        return extractor instanceof CircleLinePixels ? "pixels" : "features";
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static Path sharedData(String name) {
        String base = System.getProperty("mlpkit.shared.data");
        Path folder = base == null ? null : Path.of(base, name).normalize();
        return folder != null && Files.isDirectory(folder) ? folder : null;
    }
}
