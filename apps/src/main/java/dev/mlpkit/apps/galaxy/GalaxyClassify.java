package dev.mlpkit.apps.galaxy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;

import dev.mlpkit.apps.Printable;
import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.train.Classifier;
import dev.mlpkit.apps.train.Classify;
import dev.mlpkit.apps.train.Verdicts;
import dev.mlpkit.apps.train.Inputs;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecodeException;
import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.features.RgbImage;
import dev.mlpkit.features.UnusualInput;

/**
 * {@code mlp galaxy classify}: one line per image, {@code galaxy (p=0.97)} or {@code not a galaxy (p=0.88)}, the
 * probability of the verdict, as {@code mlp classify} gives it.
 */
public final class GalaxyClassify implements Command {

    /** The command line of {@code mlp galaxy classify}. */
    @Parameters(commandDescription = "Say whether each image is a galaxy, with the model's probability")
    public static final class Options extends dev.mlpkit.apps.CommonOptions {
        @Parameter(names = "--model", description = "The trained model",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path model = Path.of("galaxy.mlp");

        @Parameter(names = "--threshold", description = "Call an image a galaxy when its probability of one is at"
                + " least this (default: 0.5, the tutorial's)", validateWith = dev.mlpkit.apps.Validators.Fraction.class)
        public double threshold = 0.5;

        @Parameter(names = "--format", description = "text for people; json (one object per line) or csv (a header,"
                + " then a row per input) for scripts", validateWith = dev.mlpkit.apps.Validators.Format.class)
        public String format = "text";

        @Parameter(description = "IMAGE|FOLDER|-...", validateWith = dev.mlpkit.apps.Validators.NotAnOption.class)
        public List<Path> images = new ArrayList<>();
    }

    private final Options options;

    @com.google.inject.Inject
    GalaxyClassify(Options options) {
        this.options = options;
    }

    @Override
    public int run() throws IOException {
        if (options.images.isEmpty()) {
            throw new UsageException("name at least one image or folder to classify");
        }
        Classifier classifier = Classifier.read(options.model, "galaxy");
        FeatureExtractor extractor = ((Inputs.Images) classifier.inputs()).extractor();
        ImageDecoder decoder = new ImageDecoder();
        Verdicts verdicts = options.format.equals("text") ? null
                : new Verdicts(options.format, classifier.classes(), System.out);
        int failures = 0;
        for (Path path : options.images) {
            List<Path> files = Classify.expand(path);
            if (files.isEmpty()) {
                System.err.println("mlp: " + Printable.of(path.getFileName()) + " is a folder with no images in it");
                failures++;
            }
            for (Path image : files) {
                try {
                    RgbImage pixels = Classify.decode(decoder, image);
                    double[] probabilities = classifier.probabilities(new double[][] { extractor.extract(pixels) })[0];
                    if (verdicts != null) {
                        verdicts.add(image.toString(), probabilities, probabilities[1] >= options.threshold ? 1 : 0,
                                UnusualInput.forGalaxy(pixels).orElse(null));
                        continue;
                    }
                    boolean galaxy = probabilities[1] >= options.threshold;
                    System.out.print(String.format(Locale.ROOT, "%s: %s (p=%.2f)%n", Printable.of(image),
                            galaxy ? "galaxy" : "not a galaxy", probabilities[galaxy ? 1 : 0]));
                    UnusualInput.forGalaxy(pixels).ifPresent(note -> System.out.println(Printable.of(image)
                            + ": note: " + note));
                } catch (ImageDecodeException e) {
                    System.err.println("mlp: " + Printable.of(e.getMessage()));
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
