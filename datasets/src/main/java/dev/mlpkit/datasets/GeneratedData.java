package dev.mlpkit.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.mlpkit.datasets.generate.CircleLineDrawings;
import dev.mlpkit.datasets.generate.Digits;
import dev.mlpkit.datasets.generate.GalaxyImages;
import dev.mlpkit.datasets.generate.Jpeg;
import dev.mlpkit.datasets.generate.NonGalaxyImages;
import dev.mlpkit.datasets.generate.Seeds;

/**
 * The built-in default data: generated sets written as real image folders, made on first use into a cache folder and
 * reused afterwards. A set is made in a temporary folder and renamed into place when complete, so an interrupted run
 * leaves no half set behind.
 */
public final class GeneratedData {

    /** The galaxy generators' version, bumped whenever they change, so that cached sets are made again. */
    public static final int GALAXY_VERSION = 2;
    /** The circle/line generator's version, bumped whenever it changes. */
    public static final int CIRCLE_LINE_VERSION = 3;
    /** The galaxy tutorial's 2050 images, balanced between the classes (the tutorial has 1750 galaxies, 300 others). */
    public static final int DEFAULT_GALAXIES = 1025;
    public static final int DEFAULT_OTHERS = 1025;
    /** Circle/line drawings to train on, and test drawings per class. */
    public static final int DEFAULT_DRAWINGS = 12000;
    public static final int DEFAULT_TESTS_PER_CLASS = 5;
    /** Digits to train on and to test on: MNIST's proportions at a seventh of its size. */
    public static final int DEFAULT_DIGITS = 8000;
    public static final int DEFAULT_DIGIT_TESTS = 2000;

    private GeneratedData() {
    }

    /** {@code $MLPKIT_CACHE}, else {@code $XDG_CACHE_HOME/mlpkit}, else {@code ~/.cache/mlpkit}. */
    public static Path defaultCacheRoot() {
        String own = System.getenv("MLPKIT_CACHE");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("mlpkit");
    }

    /** The default circle/line set (the tutorial's layout) under {@code cacheRoot}, made if it is not there yet. */
    public static Path circleLine(Path cacheRoot, long seed) throws IOException {
        Path target = cacheRoot.resolve("generated").resolve("circle-line-v" + CIRCLE_LINE_VERSION + "-"
                + DEFAULT_DRAWINGS + "-seed" + seed);
        return ensure(target, folder -> writeCircleLine(folder, DEFAULT_DRAWINGS, DEFAULT_TESTS_PER_CLASS, seed));
    }

    /** The default galaxy set ({@code galaxies/} and {@code non-galaxies/}) under {@code cacheRoot}, made if need be. */
    public static Path galaxy(Path cacheRoot, long seed, boolean progress) throws IOException {
        Path target = cacheRoot.resolve("generated").resolve("galaxy-v" + GALAXY_VERSION + "-" + DEFAULT_GALAXIES
                + "-" + DEFAULT_OTHERS + "-seed" + seed);
        return ensure(target, folder -> writeGalaxy(folder, DEFAULT_GALAXIES, DEFAULT_OTHERS, seed, progress));
    }

    /** The default digits set ({@code train/0 ... train/9}, {@code test/0 ... test/9}) under {@code cacheRoot}. */
    public static Path digits(Path cacheRoot, long seed, boolean progress) throws IOException {
        Path target = cacheRoot.resolve("generated").resolve("digits-v1-" + DEFAULT_DIGITS + "-" + DEFAULT_DIGIT_TESTS
                + "-seed" + seed);
        return ensure(target, folder -> writeDigits(folder, DEFAULT_DIGITS, DEFAULT_DIGIT_TESTS, seed, progress));
    }

    /**
     * Writes {@code training} and {@code tests} 28x28 digit images as class folders, the layout {@code mlp train
     * --data} reads: {@code train/3/digit-17.png}, {@code test/3/digit-8017.png}, the digits taking turns.
     */
    public static void writeDigits(Path folder, int training, int tests, long seed, boolean progress) throws IOException {
        for (String part : new String[] { "train", "test" }) {
            for (int d = 0; d <= 9; d++) {
                Files.createDirectories(folder.resolve(part).resolve(Integer.toString(d)));
            }
        }
        try (Progress bar = Progress.of("Generating digits", (long) training + tests, progress)) {
            IntStream.range(0, training + tests).parallel().forEach(i -> {
                int digit = i % 10;
                Path file = folder.resolve(i < training ? "train" : "test").resolve(Integer.toString(digit))
                        .resolve("digit-" + (i + 1) + ".png");
                try {
                    javax.imageio.ImageIO.write(Digits.draw(digit, Seeds.of(seed, 3, i)), "png", file.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bar.step();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes a circle/line set in the tutorial's layout into {@code folder}. */
    public static void writeCircleLine(Path folder, int count, int testsPerClass, long seed) throws IOException {
        CircleLineDrawings.writeTutorialLayout(folder, count, testsPerClass, seed);
    }

    /**
     * Writes {@code galaxies} galaxy images (424x424 JPEGs, {@code galaxies/galaxy-N.jpg}) and {@code others}
     * photo-like scenes (300x300 progressive JPEGs, {@code non-galaxies/photo-N.jpg}) into {@code folder}.
     */
    public static void writeGalaxy(Path folder, int galaxies, int others, long seed, boolean progress) throws IOException {
        Path g = Files.createDirectories(folder.resolve("galaxies"));
        Path n = Files.createDirectories(folder.resolve("non-galaxies"));
        try (Progress bar = Progress.of("Generating images", (long) galaxies + others, progress)) {
            IntStream.range(0, galaxies + others).parallel().forEach(i -> {
                try {
                    if (i < galaxies) {
                        Jpeg.write(GalaxyImages.draw(Seeds.of(seed, 1, i)), g.resolve("galaxy-" + (i + 1) + ".jpg"), 0.92f, false);
                    } else {
                        int k = i - galaxies;
                        Jpeg.write(NonGalaxyImages.draw(Seeds.of(seed, 2, k)), n.resolve("photo-" + (k + 1) + ".jpg"), 0.85f, true);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bar.step();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** What makes a set in a folder. */
    @FunctionalInterface
    public interface Writer {
        void write(Path folder) throws IOException;
    }

    private static Path ensure(Path target, Writer writer) throws IOException {
        if (!Files.isDirectory(target)) {
            writeWhole(target, writer);
        }
        return target;
    }

    /**
     * Has {@code writer} make a set in a hidden folder beside {@code target}, then renames it to {@code target} (which
     * may be an empty folder): an interrupted or failed write (a full disk) leaves nothing behind. If another run made
     * {@code target} meanwhile, theirs is kept.
     */
    public static void writeWhole(Path target, Writer writer) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
        try {
            writer.write(temporary);
            if (Files.isDirectory(target)) {
                try (Stream<Path> entries = Files.list(target)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(target);
                    }
                }
            }
            try {
                Files.move(temporary, target);
            } catch (IOException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
                // Another run made the same set meanwhile: use theirs.
            }
        } finally {
            deleteTree(temporary);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
