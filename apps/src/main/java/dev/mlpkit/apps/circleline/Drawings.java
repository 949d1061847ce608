package dev.mlpkit.apps.circleline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.mlpkit.datasets.CircleLineCsv;
import dev.mlpkit.datasets.DatasetException;
import dev.mlpkit.datasets.Examples;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecoder;

/**
 * A circle/line data folder in the tutorial's layout: {@code images/} with {@code csv/correct-outputs-circle.txt}
 * (1 for a circle), and {@code test-images/} whose {@code tc-} files are circles and {@code tl-} files lines.
 */
final class Drawings {

    private Drawings() {
    }

    /** The training drawings in file-name order (the tutorial's features-file order), labelled 1 for a circle. */
    static Examples training(Path data, FeatureExtractor extractor) throws IOException {
        Path images = data.resolve("images");
        Path labels = data.resolve("csv").resolve("correct-outputs-circle.txt");
        if (!Files.isDirectory(images) || !Files.isRegularFile(labels)) {
            throw new DatasetException(data + " is not a circle/line data folder: it needs images/ and"
                    + " csv/correct-outputs-circle.txt, as the tutorial lays them out");
        }
        Map<String, Integer> circle = CircleLineCsv.readCorrectOutputs(labels);
        List<String> names = new ArrayList<>(circle.keySet());
        names.sort(null);
        double[][] features = new double[names.size()][];
        ImageDecoder decoder = new ImageDecoder();
        for (int i = 0; i < names.size(); i++) {
            Path file = images.resolve(names.get(i));
            if (!Files.exists(file)) {
                throw new DatasetException(labels.getFileName() + " names " + names.get(i) + ", which is not in " + images);
            }
            features[i] = extractor.extract(decoder.decode(file));
        }
        return CircleLineCsv.join(new CircleLineCsv.Features(names, features), circle);
    }

    /** The test drawings, or none when the folder has no {@code test-images/}. */
    static List<Path> tests(Path data) throws IOException {
        Path tests = data.resolve("test-images");
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tests)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Whether a test drawing's name says it is a circle ({@code tc-}) or a line ({@code tl-}); null if neither. */
    static Boolean knownCircle(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("tc-") ? Boolean.TRUE : name.startsWith("tl-") ? Boolean.FALSE : null;
    }
}
