package dev.mlpkit.apps.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.inject.Inject;

import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.CommonOptions;
import dev.mlpkit.apps.Printable;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.datasets.Table;
import dev.mlpkit.features.ImageDecodeException;
import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.features.RgbImage;

/**
 * {@code mlp classify}: the most probable class of each input, with its probability, for any classifier mlp trained:
 * images (files, or folders of them) for an image model, the rows of CSV files for a table model.
 */
public final class Classify implements Command {

    /** The command line of {@code mlp classify}. */
    @Parameters(commandDescription = "Say which class each image, or each row of a CSV table, belongs to")
    public static final class Options extends CommonOptions {
        @Parameter(names = "--model", description = "The trained model", validateWith = Validators.FileName.class)
        public Path model = Path.of("model.mlp");

        @Parameter(names = "--top", description = "How many classes to show per input, most probable first",
                validateWith = Validators.PositiveInteger.class)
        public int top = 1;

        @Parameter(names = "--format", description = "text for people; json (one object per line) or csv (a header,"
                + " then a row per input) for scripts", validateWith = dev.mlpkit.apps.Validators.Format.class)
        public String format = "text";

        @Parameter(description = "IMAGE|FOLDER|TABLE.csv|-...", validateWith = Validators.NotAnOption.class)
        public List<Path> inputs = new ArrayList<>();
    }

    private final Options options;
    /** Where json and csv verdicts go; null for text. */
    private Verdicts verdicts;

    @Inject
    Classify(Options options) {
        this.options = options;
    }

    @Override
    public int run() throws IOException {
        if (options.inputs.isEmpty()) {
            throw new UsageException("name at least one input to classify: an image, a folder of images or a CSV file");
        }
        Classifier classifier = Classifier.read(options.model, null);
        verdicts = options.format.equals("text") ? null : new Verdicts(options.format, classifier.classes(), System.out);
        if (classifier.inputs() instanceof Inputs.Columns columns) {
            for (Path file : options.inputs) {
                Table table = Table.read(file, null, columns.columns());
                print(classifier, label(file.getFileName(), table.size()), classifier.probabilities(columns.inputs(table)));
            }
            return 0;
        }
        Inputs.Images images = (Inputs.Images) classifier.inputs();
        ImageDecoder decoder = new ImageDecoder();
        int failures = 0;
        for (Path path : options.inputs) {
            List<Path> files = expand(path);
            if (files.isEmpty()) {
                System.err.println("mlp: " + Printable.of(path) + " is a folder with no images in it");
                failures++;
            }
            for (Path file : files) {
                try {
                    double[] features = images.extractor().extract(decode(decoder, file));
                    print(classifier, new String[] { file.toString() },
                            classifier.probabilities(new double[][] { features }));
                } catch (ImageDecodeException e) {
                    System.err.println("mlp: " + Printable.of(e.getMessage()));
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static String[] label(Path file, int rows) {
        String[] names = new String[rows];
        for (int i = 0; i < rows; i++) {
            names[i] = file + " row " + (i + 1);
        }
        return names;
    }

    /**
     * One verdict per input, in {@code --format}; as text, a line each: its name (escaped), then its most probable
     * classes with their probabilities.
     */
    private void print(Classifier classifier, String[] names, double[][] probabilities) {
        int[] predicted = classifier.predictions(probabilities);
        if (verdicts != null) {
            for (int i = 0; i < names.length; i++) {
                verdicts.add(names[i], probabilities[i], predicted[i], null);
            }
            return;
        }
        List<String> classes = classifier.classes();
        for (int i = 0; i < names.length; i++) {
            double[] p = probabilities[i];
            StringBuilder line = new StringBuilder(Printable.of(names[i])).append(": ");
            line.append(Printable.of(classes.get(predicted[i])))
                    .append(String.format(Locale.ROOT, " (p=%.2f)", p[predicted[i]]));
            List<Integer> others = new ArrayList<>();
            for (int k = 0; k < p.length; k++) {
                if (k != predicted[i]) {
                    others.add(k);
                }
            }
            others.sort((a, b) -> Double.compare(p[b], p[a]));
            for (int k : others.subList(0, Math.min(options.top - 1, others.size()))) {
                line.append(String.format(Locale.ROOT, ", %s (p=%.2f)", Printable.of(classes.get(k)), p[k]));
            }
            System.out.println(line);
        }
    }

    /** The image in the file at {@code path}, or on standard input when the path is {@code -}. */
    public static RgbImage decode(ImageDecoder decoder, Path path) throws IOException {
        if (!path.toString().equals("-")) {
            return decoder.decode(path);
        }
        byte[] bytes = System.in.readNBytes((int) ImageDecoder.MAX_FILE_BYTES + 1);
        if (bytes.length > ImageDecoder.MAX_FILE_BYTES) {
            throw new ImageDecodeException("standard input holds more than the limit of " + ImageDecoder.MAX_FILE_BYTES
                    + " bytes");
        }
        return decoder.decode(bytes, "standard input");
    }

    /** A file as it is; a folder as its files in name order, and those of its class folders one level down. */
    public static List<Path> expand(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path); // the decoder says what is wrong with it, if anything
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(path)) {
            for (Path p : entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                } else if (Files.isDirectory(p)) {
                    try (Stream<Path> inner = Files.list(p)) {
                        inner.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                                .sorted().forEach(files::add);
                    }
                }
            }
        }
        return files;
    }
}
