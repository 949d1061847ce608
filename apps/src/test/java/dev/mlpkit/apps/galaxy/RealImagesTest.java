package dev.mlpkit.apps.galaxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.apps.MainTest;
import dev.mlpkit.apps.MainTest.Run;

/**
 * The galaxy tutorial's model, trained only on the built-in generated images with the tutorial's settings, checked on
 * real images it never saw: the Galaxy Zoo galaxies and Lorem Picsum photos of ../shared/data/galaxy-sample. Each
 * class is scored on its own.
 */
class RealImagesTest {

    @TempDir
    Path temp;

    @Test
    void theBuiltInModelFindsRealGalaxiesAndRejectsRealPhotos() throws IOException {
        String base = System.getProperty("mlpkit.shared.data");
        Path sample = base == null ? null : Path.of(base, "galaxy-sample").normalize();
        Assumptions.assumeTrue(sample != null && Files.isDirectory(sample),
                "../shared/data/galaxy-sample is not next to this checkout, so this test is skipped");
        Path model = temp.resolve("galaxy.mlp");
        Run train = MainTest.mlp("-q", "galaxy", "train", "--cache", temp.resolve("cache").toString(), "--model",
                model.toString(), "--metrics", temp.resolve("m.csv").toString(), "--curves", temp.resolve("c.png").toString());
        assertEquals(0, train.code(), train.err());
        Run evaluate = MainTest.mlp("galaxy", "evaluate", "--model", model.toString(), "--cache",
                temp.resolve("cache").toString(), "--galaxies", sample.resolve("galaxies").toString(), "--non-galaxies",
                sample.resolve("non-galaxies").toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        System.out.println(evaluate.out());
        Matcher galaxies = Pattern.compile("galaxy +(\\d+) +(\\d+)").matcher(evaluate.out());
        Matcher others = Pattern.compile("not a galaxy +(\\d+) +(\\d+)").matcher(evaluate.out());
        assertTrue(galaxies.find() && others.find(), evaluate.out());
        double found = share(galaxies.group(1), galaxies.group(2));
        double rejected = share(others.group(2), others.group(1));
        assertTrue(found >= 0.95 && rejected >= 0.95, "real galaxies found: " + found + ", real photos rejected: "
                + rejected + " (at least 0.95 of each expected)");
    }

    private static double share(String right, String wrong) {
        return Double.parseDouble(right) / (Double.parseDouble(right) + Double.parseDouble(wrong));
    }
}
