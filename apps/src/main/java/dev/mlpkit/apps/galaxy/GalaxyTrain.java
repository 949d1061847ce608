package dev.mlpkit.apps.galaxy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import com.google.inject.Inject;

import dev.mlpkit.apps.AppModels;
import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.Console;
import dev.mlpkit.apps.TrainingFlags;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.train.RunFlags;
import dev.mlpkit.apps.train.TrainingRun;
import dev.mlpkit.datasets.Augmentation;
import dev.mlpkit.datasets.ClassFolder;
import dev.mlpkit.datasets.Examples;
import dev.mlpkit.datasets.Split;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.PixelFeatures;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.training.Registry;
import dev.mlpkit.training.TrainingResult;
import dev.mlpkit.training.TrainingSettings;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.optimizer.Optimizer;

/**
 * {@code mlp galaxy train}: the galaxy tutorial's training run, with its defaults and its output lines; the run itself
 * is every classifier's ({@link TrainingRun}).
 */
public final class GalaxyTrain implements Command {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GalaxyTrain.class);

    /** The tutorial: [4096, 256, 128, 1] sigmoid, binary cross-entropy. */
    static final String TUTORIAL_LAYERS = "4096-256-128-1";

    /** The command line of {@code mlp galaxy train}. */
    @Parameters(commandDescription = "Train the galaxy classifier (the tutorial's network and settings by default)")
    public static final class Options extends dev.mlpkit.apps.CommonOptions {
        @ParametersDelegate
        public DataFlags data = new DataFlags();

        @ParametersDelegate
        public TrainingFlags training = new TrainingFlags(TrainingSettings.defaults(), "the tutorial's");

        @ParametersDelegate
        public RunFlags run = new RunFlags(Path.of("galaxy.mlp"), "normal", 0.2);

        @Parameter(names = "--layers", description = "Layer sizes from input to output, or a full network spec"
                + " (4096-256:sigmoid-128:sigmoid-1:sigmoid/bce)")
        public String layers = TUTORIAL_LAYERS;

        @Parameter(names = "--augment", description = "The tutorial loader's augment: each extra copy of a training"
                + " image gets, each with probability 1/2, a horizontal and a vertical flip, a turn by up to 30 whole"
                + " degrees, a brightness change (x0.8 to x1.2, -20 to +20 grey levels) and noise (sigma 0.05); only"
                + " the training part is augmented, after the split, so no copy of a validation image is trained on")
        public boolean augment;

        @Parameter(names = "--variations", description = "With --augment, how many times each training image is used:"
                + " itself and variations - 1 transformed copies (the tutorial loader's variations)",
                validateWith = dev.mlpkit.apps.Validators.PositiveInteger.class)
        public int variations = 1;
    }

    private final Options options;
    private final Console console;
    private final FeatureExtractor extractor;
    private final Registry<Optimizer> optimizers;
    private final Registry<Batching> batchings;

    @Inject
    GalaxyTrain(Options options, FeatureExtractor extractor, Registry<Optimizer> optimizers, Registry<Batching> batchings,
            Console console) {
        this.console = console;
        this.options = options;
        this.extractor = extractor;
        this.optimizers = optimizers;
        this.batchings = batchings;
    }

    @Override
    public int run() throws Exception {
        TrainingRun run = new TrainingRun("galaxy", options.run, options.training, optimizers, batchings, console);
        if (options.variations > 1 && !options.augment) {
            throw new UsageException("--variations makes transformed copies of the training images: add --augment");
        }
        run.check(spec(), options.layers.equals(TUTORIAL_LAYERS) ? null : "--layers " + options.layers);
        if (run.resumed() != null) {
            options.data.resumeOn(run.resumed(), options.run.resume);
        }
        List<ClassFolder> folders = options.data.folders(console);
        Examples all = options.data.load(folders, extractor, console).examples();
        Split split = run.split(all, options.run.stratify);
        if (options.augment && options.variations > 1 && extractor instanceof PixelFeatures pixels) {
            Augmentation augmentation = Augmentation.galaxyTutorial(options.variations - 1);
            Examples more = augmentation.apply(split.training(), pixels.width(), pixels.height(),
                    run.settingsInUse().seed());
            LOG.info("Augmented the {} training images with {} transformed copies each: {} in all.",
                    split.training().size(), options.variations - 1, more.size());
            split = new Split(more, split.validation());
        }
        Split trained = split;
        run.train(trained, result -> metadata(folders, trained, result));
        return 0;
    }

    private NetworkSpec spec() {
        NetworkSpec spec;
        try {
            spec = NetworkSpec.parse(options.layers);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--layers: " + e.getMessage());
        }
        if (spec.inputs() != extractor.dimension()) {
            throw new UsageException("--layers starts with " + spec.inputs() + " inputs, but each image gives "
                    + extractor.dimension() + " features (64x64 grey pixels): start it with " + extractor.dimension());
        }
        if (spec.outputs() != 1) {
            throw new UsageException("--layers ends with " + spec.outputs() + " outputs; galaxy or not needs 1");
        }
        return spec;
    }

    private Map<String, Object> metadata(List<ClassFolder> folders, Split split, TrainingResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(AppModels.APP, "galaxy");
        m.put(AppModels.FEATURES, extractor.describe());
        m.put(AppModels.CLASSES, List.of("not a galaxy", "galaxy"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("galaxies", folders.get(0).folder().toAbsolutePath().toString());
        data.put("nonGalaxies", folders.get(1).folder().toAbsolutePath().toString());
        data.put("training", split.training().size());
        data.put("validation", split.validation().size());
        data.put("validationSplit", options.run.validationSplit);
        if (options.augment) {
            data.put("augment", "the tutorial's, " + options.variations + " variations");
        }
        m.put(AppModels.DATA, data);
        if (result != null) {
            m.put(AppModels.SUMMARY, TrainingRun.summary(result));
        }
        return m;
    }

}
