package dev.mlpkit.apps.train;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mlpkit.apps.AppModels;
import dev.mlpkit.apps.Console;
import dev.mlpkit.apps.PrecisionConverter;
import dev.mlpkit.apps.Printable;
import dev.mlpkit.apps.TrainingFlags;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.datasets.Examples;
import dev.mlpkit.datasets.Split;
import dev.mlpkit.linalg.Compute;
import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.training.Checkpoint;
import dev.mlpkit.training.ClassWeights;
import dev.mlpkit.training.GradientMethod;
import dev.mlpkit.training.Registry;
import dev.mlpkit.training.Samples;
import dev.mlpkit.training.Settings;
import dev.mlpkit.training.Trainer;
import dev.mlpkit.training.TrainingListener;
import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.TrainingResult;
import dev.mlpkit.training.TrainingSettings;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.listeners.EpochLog;
import dev.mlpkit.training.listeners.EpochProgressBar;
import dev.mlpkit.training.listeners.MetricsCsv;
import dev.mlpkit.training.listeners.TrainingCurves;
import dev.mlpkit.training.optimizer.Optimizer;

/**
 * One training run of a classifier, as every training command makes it: settings from the flags (or from the model
 * being resumed, which they may not contradict), a network that fits in memory, outputs that can be written, a split,
 * the epochs with their log, metrics, curves and Ctrl-C checkpoint, and the model saved atomically.
 */
public final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    /** How many times the smallest class the largest must have for {@link #warnIfOneClassDominates} to speak. */
    private static final int DOMINANCE = 3;

    private final String app;
    private final RunFlags run;
    private final TrainingFlags flags;
    private final Registry<Optimizer> optimizers;
    private final Registry<Batching> batchings;
    private final Console console;
    private final Model resumed;
    private TrainingSettings settings;
    private Compute compute;
    private MatrixFactory precision;
    private NetworkSpec spec;

    /** A run of {@code app}'s; reads the model to resume, if {@code run} names one. */
    public TrainingRun(String app, RunFlags run, TrainingFlags flags, Registry<Optimizer> optimizers,
            Registry<Batching> batchings, Console console) throws IOException {
        this.app = app;
        this.run = run;
        this.flags = flags;
        this.optimizers = optimizers;
        this.batchings = batchings;
        this.console = console;
        this.resumed = run.resume == null ? null : AppModels.read(run.resume, app);
    }

    /** The model being resumed, or null. */
    public Model resumed() {
        return resumed;
    }

    /**
     * Checks, before any data is read, that a network of {@code spec} can be trained as asked: the settings (a
     * resumed run's may not be contradicted, nor its network by the flag {@code asked}, the user's, or null), the memory
     * it needs and the outputs it writes. Returns the spec that will be trained: the resumed model's, or {@code spec}.
     */
    public NetworkSpec check(NetworkSpec spec, String asked) throws IOException {
        settings = settings();
        flags.method();
        compute = run.threads == null ? Compute.best() : Compute.best().withThreads(run.threads);
        precision = precision().on(compute);
        if (resumed != null) {
            if (asked != null && !spec.equals(resumed.spec())) {
                throw new UsageException("--resume continues the network " + resumed.spec() + " of "
                        + run.resume.getFileName() + "; leave out " + asked + ", or train a new model without --resume");
            }
            spec = resumed.spec();
        }
        if (settings.classWeights() != ClassWeights.NONE && flags.method() == GradientMethod.AUTODIFF) {
            throw new UsageException("--class-weight " + settings.classWeights() + " is applied by backpropagation,"
                    + " and automatic differentiation finds the gradient of the unweighted cost: leave out one of"
                    + " --class-weight and --gradients autodiff");
        }
        String formulaOnly = Trainer.formulaOnly(spec);
        if (formulaOnly != null && flags.method() == GradientMethod.BACKPROP) {
            throw new UsageException("the activation '" + formulaOnly + "' is given by its forward formula alone, so"
                    + " backpropagation has no derivative for it: add --gradients autodiff");
        }
        checkMemory(spec, precision, settings.optimizer().stateNames().size());
        Validators.named("--metrics", run.metrics, ".csv", "CSV");
        Validators.named("--curves", run.curves, ".png", "a PNG");
        Validators.writableFiles(run.model, run.metrics, run.curves);
        this.spec = spec;
        return spec;
    }

    /** The network trained, once {@link #check}ed. */
    public NetworkSpec spec() {
        return spec;
    }

    /**
     * A warning when the largest class has at least {@value #DOMINANCE} times the training examples of the smallest
     * and the classes are not weighted: a model can then score well by favouring it.
     */
    private void warnIfOneClassDominates(int[] labels) {
        int[] counts = new int[Arrays.stream(labels).max().orElse(0) + 1];
        for (int label : labels) {
            counts[label]++;
        }
        int largest = Arrays.stream(counts).max().orElse(0);
        int smallest = Arrays.stream(counts).filter(c -> c > 0).min().orElse(0);
        if (settings.classWeights() == ClassWeights.NONE && counts.length > 1 && smallest > 0
                && largest >= DOMINANCE * smallest) {
            LOG.warn("Warning: one class dominates the training examples: the largest has {}, the smallest {}; a model"
                    + " can score well by favouring it, and --class-weight balanced weighs every class alike.",
                    largest, smallest);
        }
    }

    /** The settings of the run, once {@link #check}ed. */
    public TrainingSettings settingsInUse() {
        return settings;
    }

    /**
     * Splits {@code all} for validation as the {@link #check}ed settings say ({@code stratified}: class by class);
     * the split comes from the run's seed.
     */
    public Split split(Examples all, boolean stratified) {
        LOG.info("Total training samples: {}", all.size());
        if (resumed != null && resumed.metadata().get(AppModels.DATA) instanceof Map<?, ?> data
                && data.get("validationSplit") instanceof Number recorded
                && recorded.doubleValue() != run.validationSplit) {
            String split = Settings.format(recorded.doubleValue());
            throw new UsageException("--resume continues on the validation split recorded in "
                    + run.resume.getFileName() + " (--val-split " + split + "), and this run has --val-split "
                    + Settings.format(run.validationSplit) + ": give --val-split " + split + ", or train a new model"
                    + " without --resume");
        }
        Split split = Split.of(all, run.validationSplit, settings.seed(), stratified);
        if (split.validation().size() == 0) {
            if (run.saveBest) {
                throw new UsageException("--save-best keeps the epoch of the lowest validation loss, and --val-split 0"
                        + " leaves no validation set: give --val-split 0.1, or leave out --save-best");
            }
            if (settings.earlyStopping() != null) {
                throw new UsageException("--early-stopping watches the validation loss, and --val-split 0 leaves no"
                        + " validation set: give --val-split 0.1, or --early-stopping 0");
            }
            if (settings.schedule().watchesValidation()) {
                throw new UsageException("--schedule " + settings.schedule() + " lowers the rate when the validation"
                        + " loss stalls, and --val-split 0 leaves no validation set: give --val-split 0.1, or another"
                        + " --schedule");
            }
            LOG.info("No validation set (--val-split 0): validation accuracy is not measured.");
        } else {
            LOG.info("{} to train on, {} to validate on (--val-split {}).", split.training().size(),
                    split.validation().size(), run.validationSplit);
        }
        warnIfOneClassDominates(split.training().labels());
        return split;
    }

    /**
     * Trains the {@link #check}ed network on {@code split}; {@code metadata} makes the model file's metadata, given
     * the result once trained (null before). Returns the trained network.
     */
    public Network train(Split split, Function<TrainingResult, Map<String, Object>> metadata) throws IOException {
        // The checkpoint listener first: once an epoch's line is printed, Ctrl-C saves that epoch.
        InterruptCheckpoint interrupt = new InterruptCheckpoint(run.model, metadata.apply(null));
        List<EpochStats> earlier = earlierEpochs();
        PeriodicCheckpoint periodic = new PeriodicCheckpoint(run.checkpointEvery, run.model, metadata.apply(null));
        BestEpochSave best = run.saveBest ? new BestEpochSave(run.model, metadata.apply(null)) : null;
        List<TrainingListener> listeners = new java.util.ArrayList<>(List.of(interrupt, periodic,
                new EpochProgressBar(console.progress() ? System.err : null), new EpochLog(),
                new MetricsCsv(run.metrics, earlier), new TrainingCurves(run.curves, earlier)));
        if (best != null) {
            listeners.add(1, best);
        }
        Trainer trainer = new Trainer(settings, listeners, flags.method());
        Network network;
        if (resumed != null) {
            network = Checkpoint.restore(resumed, trainer, precision);
            if (trainer.epochsDone() >= settings.epochs()) {
                LOG.info("{} has trained all {} of its epochs: nothing to do (give --epochs above {} to train on);"
                        + " nothing was written.", run.resume, settings.epochs(), settings.epochs());
                return network;
            }
            LOG.info("Resuming {} after epoch {} of {}.", run.resume, trainer.epochsDone(), settings.epochs());
        } else {
            network = new Network(spec, precision);
            initializer().initialize(network.parameters(), settings.seed());
        }
        LOG.info("Computing in {} with the {} kernel.", PrecisionConverter.describe(network.factory()),
                compute.kernel().name());
        interrupt.arm(trainer, network);
        periodic.arm(trainer, network);
        if (best != null) {
            best.arm(trainer, network);
        }
        String saved;
        try {
            TrainingResult result = trainer.train(network, samples(split.training(), spec.outputs()),
                    samples(split.validation(), spec.outputs()));
            LOG.info(outcome(result, settings.epochs(), best != null));
            // Still armed: a signal during the final save writes the last epoch to the checkpoint.
            if (best == null) {
                ModelFile.write(run.model, Checkpoint.of(network, trainer, metadata.apply(result)));
                saved = "the model";
            } else {
                best.finish(metadata.apply(result));
                saved = String.format(Locale.ROOT, "epoch %d, the lowest validation loss (%.4f),", best.best().epoch(),
                        best.best().validationLoss());
            }
            periodic.runSaved();
        } finally {
            interrupt.disarm();
        }
        LOG.info("Saved {} to {}, the metrics to {} and the curves to {}.", saved, run.model, run.metrics, run.curves);
        return network;
    }

    private TrainingSettings settings() {
        if (resumed == null) {
            return flags.settings(optimizers, batchings);
        }
        TrainingSettings saved = Checkpoint.settingsOf(resumed, optimizers, batchings);
        TrainingSettings asked = flags.settings(saved, optimizers, batchings).withEpochs(saved.epochs());
        if (!asked.equals(saved)) {
            throw new UsageException("--resume continues with the settings saved in " + run.resume.getFileName()
                    + " (" + saved.optimizer() + ", " + saved.batching() + ", seed " + saved.seed() + "), and "
                    + String.join(" ", flags.given().keySet()) + " asks for others");
        }
        return flags.epochs == null ? saved : saved.withEpochs(flags.epochs);
    }

    /** {@code --precision}, which a resumed run must leave as it was (its default then is the saved one). */
    private MatrixFactory precision() {
        if (resumed == null) {
            return run.precision == null ? MatrixFactory.float64() : run.precision;
        }
        MatrixFactory saved = Checkpoint.precisionOf(resumed);
        if (run.precision != null && !run.precision.name().equals(saved.name())) {
            throw new UsageException("--resume continues in the precision " + run.resume.getFileName()
                    + " was trained in (" + PrecisionConverter.describe(saved) + "), not "
                    + PrecisionConverter.describe(run.precision));
        }
        return saved;
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
            throw new UsageException(String.format(Locale.ROOT, "the network %s has %,d weights and biases"
                    + " and needs about %.1f GB to train, but the JVM may use %.1f GB: use smaller layers, or more"
                    + " memory (JAVA_OPTS=-Xmx%dg)", spec, parameters, bytes / 1e9, heap / 1e9,
                    (long) Math.ceil(bytes * 1.5 / (1 << 30))));
        }
    }

    private Initializer initializer() {
        try {
            return Initializer.named(run.init);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--init: " + e.getMessage());
        }
    }

    /**
     * Labelled examples as training samples: with one output, the label itself (the galaxy app: 1 for a galaxy);
     * with several, a one-hot column.
     */
    public static Samples samples(Examples examples, int outputs) {
        double[][] targets = new double[examples.size()][outputs];
        for (int i = 0; i < examples.size(); i++) {
            targets[i][outputs == 1 ? 0 : examples.labels()[i]] = outputs == 1 ? examples.labels()[i] : 1;
        }
        return new Samples(examples.features(), targets);
    }

    /**
     * The epochs a resumed run has trained, as its metrics file holds them, so that the file and the curves go on to
     * cover the whole run; none (with a note) when the file does not hold exactly those epochs first.
     */
    private List<EpochStats> earlierEpochs() {
        if (resumed == null) {
            return List.of();
        }
        int done = Checkpoint.epochsDone(resumed);
        try {
            List<EpochStats> rows = MetricsCsv.read(run.metrics);
            boolean inOrder = rows.size() >= done;
            for (int i = 0; inOrder && i < done; i++) {
                inOrder = rows.get(i).epoch() == i + 1;
            }
            if (inOrder) {
                return rows.subList(0, done);
            }
        } catch (IOException e) {
            LOG.debug("Reading the earlier epochs: {}", e.getMessage());
        }
        LOG.info("{} holds no record of epochs 1 to {}, so it and the curves begin at epoch {}.",
                Printable.of(run.metrics), done, done + 1);
        return List.of();
    }

    /**
     * One line at the end of a run: its best epoch (of the lowest validation loss, or the one kept without a
     * validation set), that epoch's validation figures, the epoch the model holds when that is another, and why
     * it stopped.
     */
    static String outcome(TrainingResult result, int epochs, boolean savesBest) {
        String why = switch (result.reason()) {
            case EPOCHS_DONE -> "it trained all " + epochs + " epochs";
            case EARLY_STOPPING -> "the validation loss stopped improving";
            case TARGET_LOSS -> "the loss reached its target";
            case DIVERGED -> "the loss stopped being a finite number";
        };
        if (result.history().isEmpty()) {
            return "No epoch was left to train: " + why + ".";
        }
        EpochStats kept = result.history().stream().filter(s -> s.epoch() == result.bestEpoch()).findFirst()
                .orElse(result.last());
        EpochStats best = kept;
        for (EpochStats stats : result.history()) {
            if (stats.hasValidation() && stats.validationLoss() < best.validationLoss()) {
                best = stats;
            }
        }
        String figures = best.hasValidation() ? String.format(Locale.ROOT, " (validation loss %.4f, accuracy %.1f%%)",
                best.validationLoss(), 100 * best.validationAccuracy()) : "";
        String holds = best == kept || savesBest ? ""
                : "; the model holds epoch " + kept.epoch() + " (--save-best saves the best)";
        return "Best epoch: " + best.epoch() + " of " + result.last().epoch() + figures + holds + "; stopped because "
                + why + ".";
    }

    /** The run's summary for a model file: why it stopped, its best epoch and its last epoch's figures. */
    public static Map<String, Object> summary(TrainingResult result) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
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
        return summary;
    }
}
