package dev.mlpkit.apps.galaxy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import com.google.inject.Inject;

import dev.mlpkit.apps.AppModels;
import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.Console;
import dev.mlpkit.apps.PrecisionConverter;
import dev.mlpkit.apps.TrainingFlags;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.datasets.ClassFolder;
import dev.mlpkit.datasets.Examples;
import dev.mlpkit.datasets.ImageFolderLoader;
import dev.mlpkit.datasets.Split;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.linalg.Compute;
import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.training.Checkpoint;
import dev.mlpkit.training.Registry;
import dev.mlpkit.training.Samples;
import dev.mlpkit.training.Trainer;
import dev.mlpkit.training.TrainingListener;
import dev.mlpkit.training.TrainingResult;
import dev.mlpkit.training.TrainingSettings;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.listeners.EpochLog;
import dev.mlpkit.training.listeners.EpochProgressBar;
import dev.mlpkit.training.listeners.MetricsCsv;
import dev.mlpkit.training.listeners.TrainingCurves;
import dev.mlpkit.training.optimizer.Optimizer;

/** {@code mlp galaxy train}: the galaxy tutorial's training run, with its defaults and its output lines. */
public final class GalaxyTrain implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(GalaxyTrain.class);
    /** The tutorial: [4096, 256, 128, 1] sigmoid, binary cross-entropy. */
    static final String TUTORIAL_LAYERS = "4096-256-128-1";

    /** The command line of {@code mlp galaxy train}. */
    @Parameters(commandDescription = "Train the galaxy classifier (the tutorial's network and settings by default)")
    public static final class Options extends dev.mlpkit.apps.CommonOptions {
        @ParametersDelegate
        public DataFlags data = new DataFlags();

        @ParametersDelegate
        public TrainingFlags training = new TrainingFlags();

        @Parameter(names = "--model", description = "Where to save the trained model",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path model = Path.of("galaxy.mlp");

        @Parameter(names = "--metrics", description = "Where to write the per-epoch metrics (CSV)",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path metrics = Path.of("metrics.csv");

        @Parameter(names = "--curves", description = "Where to draw the training curves (PNG)",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path curves = Path.of("training_curves.png");

        @Parameter(names = "--layers", description = "Layer sizes from input to output, or a full network spec"
                + " (4096-256:sigmoid-128:sigmoid-1:sigmoid/bce)")
        public String layers = TUTORIAL_LAYERS;

        @Parameter(names = "--init", description = "Initial weights: normal (the tutorial's N(0,1)), uniform, xavier, he")
        public String init = "normal";

        @Parameter(names = "--val-split", description = "Fraction of the images kept for validation",
                validateWith = Validators.Fraction.class)
        public double validationSplit = 0.2;

        @Parameter(names = "--stratify", description = "Split each class in the same proportion")
        public boolean stratify;

        @Parameter(names = "--threads", description = "Threads for matrix products (default: all cores)",
                validateWith = Validators.PositiveInteger.class)
        public Integer threads;

        @Parameter(names = "--resume", description = "Continue training from this model file, exactly where it stopped",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path resume;

        @Parameter(names = "--precision", description = "double (float64, the default) or float (float32: half the"
                + " memory, about twice as fast, the same accuracy on the tutorial's settings)",
                converter = PrecisionConverter.class)
        public MatrixFactory precision;
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
        Model resumed = options.resume == null ? null : AppModels.read(options.resume, "galaxy");
        TrainingSettings settings = settings(resumed);
        Compute compute = options.threads == null ? Compute.best() : Compute.best().withThreads(options.threads);
        MatrixFactory precision = precision(resumed).on(compute);
        NetworkSpec spec = resumed != null ? resumed.spec() : spec();
        if (resumed != null) {
            refuseChangesOnResume(resumed.spec());
        }
        checkMemory(spec, precision, settings.optimizer().stateNames().size());

        Validators.writableFiles(options.model, options.metrics, options.curves);
        List<ClassFolder> folders = options.data.folders(settings.seed(), console);
        ImageFolderLoader.Result loaded = options.data.load(folders, extractor, console);
        Examples all = loaded.examples();
        LOG.info("Total training samples: {}", all.size());
        Split split = Split.of(all, options.validationSplit, settings.seed(), options.stratify);
        if (split.validation().size() == 0) {
            LOG.info("No validation set (--val-split 0): validation accuracy is not measured.");
        }

        // The checkpoint listener first: once an epoch's line is printed, Ctrl-C saves that epoch.
        InterruptCheckpoint interrupt = new InterruptCheckpoint(options.model, metadata(folders, split, null));
        List<TrainingListener> listeners = List.of(interrupt, new EpochProgressBar(console.progress() ? System.err : null),
                new EpochLog(), new MetricsCsv(options.metrics), new TrainingCurves(options.curves));
        Trainer trainer = new Trainer(settings, listeners);
        Network network;
        if (resumed != null) {
            network = Checkpoint.restore(resumed, trainer, precision);
            LOG.info("Resuming {} after epoch {} of {}.", options.resume, trainer.epochsDone(), settings.epochs());
        } else {
            network = new Network(spec, precision);
            initializer().initialize(network.parameters(), settings.seed());
        }
        LOG.info("Computing in {} with the {} kernel.", PrecisionConverter.describe(network.factory()),
                compute.kernel().name());
        interrupt.arm(trainer, network);
        TrainingResult result;
        try {
            result = trainer.train(network, samples(split.training()), samples(split.validation()));
            // Still armed: a signal during the final save writes the last epoch to the checkpoint.
            ModelFile.write(options.model, Checkpoint.of(network, trainer, metadata(folders, split, result)));
        } finally {
            interrupt.disarm();
        }
        LOG.info("Saved the model to {}, the metrics to {} and the curves to {}.", options.model, options.metrics,
                options.curves);
        return 0;
    }

    private TrainingSettings settings(Model resumed) {
        if (resumed == null) {
            return options.training.settings(TrainingSettings.defaults(), optimizers, batchings);
        }
        TrainingSettings saved = Checkpoint.settingsOf(resumed, optimizers, batchings);
        TrainingSettings asked = options.training.settings(saved, optimizers, batchings).withEpochs(saved.epochs());
        if (!asked.equals(saved)) {
            throw new UsageException("--resume continues with the settings saved in " + options.resume.getFileName()
                    + " (" + saved.optimizer() + ", " + saved.batching() + ", seed " + saved.seed() + "), and "
                    + String.join(" ", options.training.given().keySet()) + " asks for others");
        }
        return options.training.epochs == null ? saved : saved.withEpochs(options.training.epochs);
    }

    /** {@code --precision}, which a resumed run must leave as it was (its default then is the saved one). */
    private MatrixFactory precision(Model resumed) {
        if (resumed == null) {
            return options.precision == null ? MatrixFactory.float64() : options.precision;
        }
        MatrixFactory saved = Checkpoint.precisionOf(resumed);
        if (options.precision != null && !options.precision.name().equals(saved.name())) {
            throw new UsageException("--resume continues in the precision " + options.resume.getFileName()
                    + " was trained in (" + PrecisionConverter.describe(saved) + "), not "
                    + PrecisionConverter.describe(options.precision));
        }
        return saved;
    }

    /**
     * A resumed run continues the saved network: another --layers is a mistake, not a wish (the same --layers, as in
     * the command line that trained it, is fine; --init does not matter, the weights are the trained ones).
     */
    private void refuseChangesOnResume(NetworkSpec saved) {
        if (!options.layers.equals(TUTORIAL_LAYERS) && !spec().equals(saved)) {
            throw new UsageException("--resume continues the network " + saved + " of " + options.resume.getFileName()
                    + "; leave out --layers " + options.layers + ", or train a new model without --resume");
        }
    }

    /**
     * Refuses, before any work, a network whose training would not fit in the JVM's heap: its parameters, their
     * gradients and last good copy, the optimizer's state in the network's precision, and two float64 copies (the
     * epoch snapshot kept for Ctrl-C and the model file's bytes).
     */
    private static void checkMemory(NetworkSpec spec, MatrixFactory precision, int stateMatrices) {
        long parameters = spec.parameterCount();
        double bytes = parameters * ((precision.isFloat32() ? 4.0 : 8.0) * (3 + stateMatrices) + 16.0);
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new UsageException(String.format(java.util.Locale.ROOT, "the network %s has %,d weights and biases"
                    + " and needs about %.1f GB to train, but the JVM may use %.1f GB: use smaller layers, or more"
                    + " memory (JAVA_OPTS=-Xmx%dg)", spec, parameters, bytes / 1e9, heap / 1e9,
                    (long) Math.ceil(bytes * 1.5 / (1 << 30))));
        }
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

    private Initializer initializer() {
        try {
            return Initializer.named(options.init);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--init: " + e.getMessage());
        }
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
        data.put("validationSplit", options.validationSplit);
        m.put(AppModels.DATA, data);
        if (result == null) {
            return m;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("stopReason", result.reason().name());
        summary.put("explanation", result.explanation());
        summary.put("bestEpoch", result.bestEpoch());
        if (!result.history().isEmpty()) {
            summary.put("trainingLoss", result.last().trainingLoss());
            summary.put("trainingAccuracy", result.last().trainingAccuracy());
            if (result.last().hasValidation()) {
                summary.put("validationAccuracy", result.last().validationAccuracy());
            }
            summary.put("seconds", result.history().stream().mapToDouble(s -> s.seconds()).sum());
        }
        m.put(AppModels.SUMMARY, summary);
        return m;
    }

    /** Labelled examples as training samples: target 1 for a galaxy, 0 otherwise. */
    static Samples samples(Examples examples) {
        double[][] targets = new double[examples.size()][1];
        for (int i = 0; i < examples.size(); i++) {
            targets[i][0] = examples.labels()[i];
        }
        return new Samples(examples.features(), targets);
    }
}
