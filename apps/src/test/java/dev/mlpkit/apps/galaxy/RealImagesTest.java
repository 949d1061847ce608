package dev.mlpkit.apps.galaxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.apps.MainTest;
import dev.mlpkit.apps.MainTest.Run;

/**
 * The galaxy tutorial's model, trained only on the built-in generated images with the tutorial's settings, checked on
 * images it never saw: the real Galaxy Zoo galaxies and Lorem Picsum photos of ../shared/data/galaxy-sample, each
 * class scored on its own, and plain pictures made here with Java2D (uniform, linear gradients, noise).
 */
@Tag("slow")
class RealImagesTest {

    @TempDir
    static Path temp;
    static Path model;

    @BeforeAll
    static void trainOnTheBuiltInImages() {
        model = temp.resolve("galaxy.mlp");
        Run train = MainTest.mlp("-q", "galaxy", "train", "--cache", temp.resolve("cache").toString(), "--model",
                model.toString(), "--metrics", temp.resolve("m.csv").toString(), "--curves", temp.resolve("c.png").toString());
        assertEquals(0, train.code(), train.err());
    }

    @Test
    void theBuiltInModelFindsRealGalaxiesAndRejectsRealPhotos() throws IOException {
        String base = System.getProperty("mlpkit.shared.data");
        Path sample = base == null ? null : Path.of(base, "galaxy-sample").normalize();
        Assumptions.assumeTrue(sample != null && Files.isDirectory(sample),
                "../shared/data/galaxy-sample is not next to this checkout, so this test is skipped");
        Run evaluate = MainTest.mlp("galaxy", "evaluate", "--format", "json", "--model", model.toString(), "--cache",
                temp.resolve("cache").toString(), "--galaxies", sample.resolve("galaxies").toString(), "--non-galaxies",
                sample.resolve("non-galaxies").toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        System.out.println(evaluate.out());
        JsonNode report = new ObjectMapper().readTree(evaluate.out());
        double found = recall(report, "galaxy");
        double rejected = recall(report, "not a galaxy");
        assertTrue(found >= 0.95 && rejected >= 0.95, "real galaxies found: " + found + ", real photos rejected: "
                + rejected + " (at least 0.95 of each expected)");
        assertTrue(report.get("rocAuc").asDouble() >= 0.95, evaluate.out());
    }

    /** The recall of {@code name} in a JSON evaluation report: the share of that class's images called that class. */
    private static double recall(JsonNode report, String name) {
        for (JsonNode row : report.get("classes")) {
            if (row.get("class").asText().equals(name)) {
                return row.get("recall").asDouble();
            }
        }
        throw new AssertionError("the report has no class " + name + ": " + report);
    }

    @Test
    void plainPicturesAreNotGalaxies() throws IOException {
        Path plain = Files.createDirectories(temp.resolve("plain"));
        List<Color> colours = List.of(Color.BLACK, Color.WHITE, Color.GRAY, Color.DARK_GRAY, Color.RED, new Color(20, 30, 90));
        for (int k = 0; k < colours.size(); k++) {
            write(plain.resolve("uniform-" + k + ".png"), gradient(colours.get(k), colours.get(k), 0));
        }
        write(plain.resolve("gradient-down.png"), gradient(Color.BLACK, Color.WHITE, 0));
        write(plain.resolve("gradient-up.png"), gradient(Color.WHITE, Color.BLACK, 0));
        write(plain.resolve("gradient-across.png"), gradient(Color.BLACK, Color.WHITE, 1));
        write(plain.resolve("gradient-sky.png"), gradient(new Color(0, 0, 128), new Color(135, 206, 235), 0));
        write(plain.resolve("noise-grey.png"), noise(128, 40));
        write(plain.resolve("noise-dark.png"), noise(10, 10));
        Run classify = MainTest.mlp("-q", "galaxy", "classify", "--model", model.toString(), plain.toString());
        assertEquals(0, classify.code(), classify.err());
        List<String> verdicts = classify.out().lines().filter(l -> !l.contains(": note: ")).toList();
        assertEquals(12, verdicts.size(), classify.out());
        for (String verdict : verdicts) {
            assertTrue(verdict.contains(": not a galaxy (p="), classify.out());
        }
    }

    /** A 300x300 picture from {@code from} to {@code to}, downwards (0) or across (1). */
    private static BufferedImage gradient(Color from, Color to, int across) {
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, from, across * 300, (1 - across) * 300, to));
        g.fillRect(0, 0, 300, 300);
        g.dispose();
        return image;
    }

    /** A 300x300 grey picture of Gaussian noise. */
    private static BufferedImage noise(int mean, int sigma) {
        Random random = new Random(5);
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                int v = (int) Math.max(0, Math.min(255, mean + sigma * random.nextGaussian()));
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    private static void write(Path file, BufferedImage image) throws IOException {
        ImageIO.write(image, "png", file.toFile());
    }
}
