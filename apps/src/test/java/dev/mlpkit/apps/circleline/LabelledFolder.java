package dev.mlpkit.apps.circleline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/** A check set's folder: circles named {@code circle-N.png} and lines {@code line-N.png}, the label in the name. */
final class LabelledFolder {

    /** One drawing of a check set: a circle or a line, made from its own seed. */
    interface Drawer {
        BufferedImage draw(boolean circle, long seed);
    }

    private LabelledFolder() {
    }

    /** Writes {@code perClass} circles and as many lines drawn by {@code drawer}, each from its own seed. */
    static void write(Path folder, int perClass, long seed, Drawer drawer) throws IOException {
        Files.createDirectories(folder);
        for (int i = 1; i <= perClass; i++) {
            write(folder, "circle-" + i, drawer.draw(true, seed * 1_000_003L + 2L * i));
            write(folder, "line-" + i, drawer.draw(false, seed * 1_000_003L + 2L * i + 1));
        }
    }

    /** Writes one drawing as {@code name.png}. */
    static void write(Path folder, String name, BufferedImage image) throws IOException {
        ImageIO.write(image, "png", folder.resolve(name + ".png").toFile());
    }

    /** The drawings of a folder, each with whether it is a circle. */
    static Map<Path, Boolean> read(Path folder) throws IOException {
        Map<Path, Boolean> labelled = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.sorted().forEach(f -> labelled.put(f, f.getFileName().toString().startsWith("circle-")));
        }
        return labelled;
    }
}
