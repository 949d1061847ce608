package dev.mlpkit.apps.circleline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.inject.Inject;
import com.google.inject.name.Named;

import dev.mlpkit.apps.Printable;
import dev.mlpkit.apps.AppModels;
import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.CommonOptions;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.apps.circleline.CircleLineClassifier.Mode;
import dev.mlpkit.datasets.Examples;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.features.RgbImage;
import dev.mlpkit.features.UnusualInput;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;

/**
 * {@code mlp circle-line}: trains MLP(circle) and MLP(line) as the tutorial does (or one softmax network), then says
 * of each test drawing whether it is a circle or a line.
 */
public final class CircleLine implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(CircleLine.class);

    /** The command line of {@code mlp circle-line}. */
    @Parameters(commandDescription = "Train circle/line classifiers as the tutorial does, then classify drawings")
    public static final class Options extends CommonOptions {
        @Parameter(names = "--data", description = "A folder in the tutorial's layout: images/, csv/, test-images/"
                + " (default: the built-in generated drawings)",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path data;

        @Parameter(names = "--image", variableArity = true, description = "Drawings to classify (default: the test"
                + " drawings; on a terminal, then asks for file names; - reads one from standard input)")
        public List<Path> images = new ArrayList<>();

        @Parameter(names = "--mode", description = "two-networks (the tutorial), softmax (the series' part 2: one"
                + " network without biases, its stopping rule and lines) or softmax-biases (one softmax network with"
                + " biases)")
        public String mode = "two-networks";

        @Parameter(names = "--features", description = "features (the tutorial's three) or pixels (all 256)")
        public String features = "features";

        @Parameter(names = "--epochs", description = "Most passes over the drawings (stops early once the summed"
                + " loss is at most 2)", validateWith = Validators.PositiveInteger.class)
        public int epochs = 100;

        @Parameter(names = "--seed", description = "Seed of the initial weights")
        public long seed = 42;

        @Parameter(names = "--gradients", description = "backprop (the tutorial's hand-derived gradients) or autodiff"
                + " (reverse-mode automatic differentiation, the series' part 3)")
        public String gradients = "backprop";

        @Parameter(names = "--save", description = "Save the trained networks to this model file",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path save;

        @Parameter(names = "--model", description = "Classify with this model file instead of training",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path model;

        @Parameter(names = "--compare", description = "Train every combination of --mode and --features and"
                + " compare them")
        public boolean compare;

        @Parameter(names = "--cache", description = "Where the built-in drawings are made (default ~/.cache/mlpkit)",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path cache;
    }

    private final Options options;
    private final FeatureExtractor threeFeatures;
    private final FeatureExtractor pixels;

    @Inject
    CircleLine(Options options, @Named("features") FeatureExtractor threeFeatures, @Named("pixels") FeatureExtractor pixels) {
        this.options = options;
        this.threeFeatures = threeFeatures;
        this.pixels = pixels;
    }

    @Override
    public int run() throws IOException {
        if (options.save != null) {
            dev.mlpkit.apps.Validators.writableFiles(options.save);
        }
        Model model = options.model == null || options.compare ? null : AppModels.read(options.model, "circle-line");
        // A saved classifier given drawings of its own needs no data set: nothing is trained or scored on one.
        boolean needsData = model == null || options.data != null || options.images.isEmpty();
        Path data = !needsData ? null : options.data != null ? options.data
                : GeneratedData.circleLine(options.cache != null ? options.cache : GeneratedData.defaultCacheRoot(), 42);
        if (needsData && options.data == null) {
            LOG.info("Using the built-in generated drawings in {}.", data);
        }
        if (options.compare) {
            return compare(data);
        }
        FeatureExtractor extractor;
        CircleLineClassifier classifier;
        if (model != null) {
            extractor = AppModels.features(model, options.model);
            classifier = CircleLineClassifier.fromModel(model, options.model);
            LOG.info("Loaded the {} classifier from {}.", classifier.mode().text, options.model);
        } else {
            extractor = extractor(options.features);
            Examples training = Drawings.training(data, extractor);
            classifier = CircleLineClassifier.train(mode(), training, options.seed, options.epochs, method());
            LOG.info("Trained the {} classifier on {} drawings ({} circles) with {}.", classifier.mode().text,
                    training.size(), training.count(1), options.features);
            if (options.data == null && extractor.dimension() == 3) {
                LOG.info("The three features cannot tell a small circle from a short line through it; "
                        + "--features pixels can.");
            }
        }
        if (options.data != null || options.model == null) {
            Examples training = Drawings.training(data, extractor);
            System.out.printf("Training drawings classified right: %d of %d%n", classifier.countRight(training),
                    training.size());
        }
        if (options.save != null) {
            ModelFile.write(options.save, classifier.toModel(extractor));
            LOG.info("Saved the classifier to {}.", options.save);
        }
        List<Path> drawings = options.images.isEmpty() ? Drawings.tests(data) : options.images;
        int failures = classifyAll(classifier, extractor, drawings);
        if (options.images.isEmpty() && System.console() != null) {
            failures += ask(classifier, extractor);
        }
        return failures == 0 ? 0 : 1;
    }

    private int classifyAll(CircleLineClassifier classifier, FeatureExtractor extractor, List<Path> drawings) {
        int right = 0;
        int known = 0;
        int failures = 0;
        for (Path drawing : drawings) {
            Boolean circle = classify(classifier, extractor, drawing);
            if (circle == null) {
                failures++;
            } else if (Drawings.knownCircle(drawing) != null) {
                known++;
                right += circle.equals(Drawings.knownCircle(drawing)) ? 1 : 0;
            }
        }
        if (known > 0) {
            System.out.printf("Test drawings classified right: %d of %d%n", right, known);
        }
        return failures;
    }

    /** Prints both scores and the tutorial's verdict line; null when the drawing cannot be read. */
    private Boolean classify(CircleLineClassifier classifier, FeatureExtractor extractor, Path drawing) {
        try {
            RgbImage image = dev.mlpkit.apps.train.Classify.decode(new ImageDecoder(), drawing);
            double[] features = extractor.extract(image);
            double[] scores = classifier.scores(features);
            String[] names = classifier.scoreNames();
            String name = Printable.of(drawing.getFileName());
            if (classifier.mode() == CircleLineClassifier.Mode.SOFTMAX && features.length == 3) {
                System.out.printf(java.util.Locale.ROOT, "%s: features = [%.4f, %.4f, %.4f]%n", name, features[0],
                        features[1], features[2]);
            }
            System.out.printf("%s: %s = %.4f, %s = %.4f%n", name, names[0], scores[0], names[1], scores[1]);
            boolean circle = classifier.circleWins(scores);
            System.out.println(name + ": This image is a " + (circle ? "CIRCLE" : "LINE"));
            UnusualInput.forDrawing(image).ifPresent(note -> System.out.println(name + ": note: " + note));
            return circle;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("mlp: " + e.getMessage());
            return null;
        }
    }

    /** The tutorial's loop: asks for file names until an empty line. */
    private int ask(CircleLineClassifier classifier, FeatureExtractor extractor) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int failures = 0;
        while (true) {
            System.out.print("Enter file name to classify: ");
            System.out.flush();
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                return failures;
            }
            failures += classify(classifier, extractor, Path.of(line.trim())) == null ? 1 : 0;
        }
    }

    /** The closing report: every combination of mode and features, trained and tested on the same drawings. */
    private int compare(Path data) throws IOException {
        List<Path> tests = Drawings.tests(data);
        System.out.println("mode           features   training drawings right   test drawings right");
        for (Mode mode : Mode.values()) {
            for (String kind : List.of("features", "pixels")) {
                FeatureExtractor extractor = extractor(kind);
                Examples training = Drawings.training(data, extractor);
                CircleLineClassifier classifier = CircleLineClassifier.train(mode, training, options.seed, options.epochs,
                        method());
                int right = 0;
                int known = 0;
                ImageDecoder decoder = new ImageDecoder();
                for (Path test : tests) {
                    if (Drawings.knownCircle(test) != null) {
                        known++;
                        right += classifier.isCircle(extractor.extract(decoder.decode(test))) == Drawings.knownCircle(test) ? 1 : 0;
                    }
                }
                System.out.printf("%-14s %-10s %10d of %-12d %8d of %d%n", mode.text, kind, classifier.countRight(training),
                        training.size(), right, known);
            }
        }
        return 0;
    }

    private Mode mode() {
        try {
            return Mode.parse(options.mode);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private FeatureExtractor extractor(String kind) {
        switch (kind) {
            case "features":
                return threeFeatures;
            case "pixels":
                return pixels;
            default:
                throw new UsageException("unknown --features '" + kind + "': choose features or pixels");
        }
    }

    private dev.mlpkit.training.GradientMethod method() {
        try {
            return dev.mlpkit.training.GradientMethod.named(options.gradients);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--gradients: " + e.getMessage());
        }
    }
}
