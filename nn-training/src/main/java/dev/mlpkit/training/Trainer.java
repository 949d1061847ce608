package dev.mlpkit.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.training.TrainingResult.StopReason;
import dev.mlpkit.training.optimizer.OptimizerState;

/**
 * The epoch loop (Nielsen's {@code SGD}): per epoch, order the training set (shuffled from the seed, or as given),
 * cut it into batches, backpropagate and update per batch, then evaluate the whole training and validation sets, tell
 * the listeners, and apply the stopping rules.
 *
 * <p>A trainer keeps its progress (epochs done, their validation losses, optimizer state), so {@link #train} called
 * again, or on a trainer restored with {@link #restore}, continues where it stopped: 10 epochs, save, load and 10 more
 * give the same weights, bit for bit, as 20 at once. Each epoch's order depends only on the seed and the epoch's number.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainingSettings settings;
    private final List<TrainingListener> listeners;
    private final Updater updater;
    private final GradientMethod method;
    private int epochsDone;
    /** The validation loss after each epoch done, oldest first, for a schedule that watches it. */
    private final List<Double> validationLosses = new ArrayList<>();

    public Trainer(TrainingSettings settings, List<? extends TrainingListener> listeners) {
        this(settings, listeners, GradientMethod.BACKPROP);
    }

    /** A trainer whose batches' gradients come from {@code method}. */
    public Trainer(TrainingSettings settings, List<? extends TrainingListener> listeners, GradientMethod method) {
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
        this.updater = new Updater(settings.optimizer(), settings.schedule(), settings.clipping(),
                settings.weightDecay(), method);
        this.method = method;
    }

    /** The name of the first activation of {@code spec} with no hand-derived gradient, or null. */
    public static String formulaOnly(dev.mlpkit.nn.NetworkSpec spec) {
        for (int l = 0; l < spec.depth(); l++) {
            if (!spec.layer(l).activation().hasHandDerivedGradient()) {
                return spec.layer(l).activation().name();
            }
        }
        return null;
    }

    public TrainingSettings settings() {
        return settings;
    }

    /** Epochs completed so far, by this trainer or before the checkpoint it was restored from. */
    public int epochsDone() {
        return epochsDone;
    }

    /** The validation loss after each epoch done that had a validation set, oldest first. */
    public List<Double> validationLosses() {
        return List.copyOf(validationLosses);
    }

    /** The optimizer's state for {@code parameters} (made on first use). */
    public OptimizerState optimizerState(Parameters parameters) {
        return updater.state(parameters);
    }

    /** Continues from a checkpoint: epochs already done, their validation losses and the optimizer's saved state. */
    public void restore(int epochs, List<Double> losses, Parameters parameters, Map<String, Matrix> optimizerArrays,
            long optimizerSteps) {
        this.epochsDone = epochs;
        validationLosses.clear();
        validationLosses.addAll(losses);
        updater.state(parameters).restore(optimizerArrays, optimizerSteps);
    }

    /**
     * Trains {@code network} in place until the settings' last epoch or a stopping rule.
     *
     * @param validation examples to validate on after each epoch; {@link Samples#none()} for none, which a schedule
     *                   that {@linkplain LearningRateSchedule#watchesValidation watches the validation loss} refuses
     * @throws TrainingDivergedException when the loss or a parameter stops being finite; the network then holds the
     *                                   parameters of the last good epoch
     */
    public TrainingResult train(Network network, Samples training, Samples validation) {
        String formulaOnly = formulaOnly(network.spec());
        if (method == GradientMethod.BACKPROP && formulaOnly != null) {
            throw new IllegalArgumentException("the activation '" + formulaOnly + "' is given by its forward formula"
                    + " alone, so backpropagation has no derivative for it: train with automatic differentiation");
        }
        Dataset.checkFits(network.spec(), training, "training");
        if (!validation.isEmpty()) {
            Dataset.checkFits(network.spec(), validation, "validation");
        } else if (settings.schedule().watchesValidation()) {
            throw new IllegalArgumentException("the learning-rate schedule " + settings.schedule()
                    + " watches the validation loss, and there is no validation set");
        }
        double[] classWeights = settings.classWeights().of(training.targets());
        if (classWeights != null && method == GradientMethod.AUTODIFF) {
            throw new IllegalArgumentException("class weights are applied by backpropagation, and automatic"
                    + " differentiation finds the gradient of the unweighted cost: train with backpropagation");
        }
        Dataset data = Dataset.of(network.factory(), training, validation);
        Parameters parameters = network.parameters();
        Gradients gradients = Gradients.like(parameters);
        int n = data.trainingSize();
        int batchSize = settings.batching().batchSize(n);
        int batches = (n + batchSize - 1) / batchSize;
        Batch full = new Batch(network, batchSize, classWeights != null);
        Batch last = n % batchSize == 0 ? full : new Batch(network, n % batchSize, classWeights != null);
        listeners.forEach(l -> l.trainingStarted(new TrainingStart(epochsDone + 1, settings.epochs(), batches, n,
                data.validationSize(), settings)));

        List<EpochStats> history = new ArrayList<>();
        Parameters lastGood = parameters.copy();
        EarlyStoppingWatch watch = settings.earlyStopping() == null ? null
                : new EarlyStoppingWatch(settings.earlyStopping(), parameters);
        TrainingResult result = null;
        while (result == null && epochsDone < settings.epochs()) {
            int epoch = epochsDone + 1;
            long start = System.nanoTime();
            int[] order = order(epochsDone, n);
            double rate = learningRate();
            if (settings.schedule().watchesValidation() && !history.isEmpty()
                    && rate < history.get(history.size() - 1).learningRate()) {
                LOG.info("The validation loss has stalled, so epoch {} trains at the learning rate {}.", epoch,
                        Settings.format(rate));
            }
            for (int b = 0; b < batches; b++) {
                Batch batch = b < batches - 1 ? full : last;
                data.gatherInto(order, b * batchSize, batch.inputs, batch.targets);
                if (classWeights != null) {
                    ClassWeights.weightsInto(classWeights, batch.targets, batch.weights);
                }
                updater.backpropAndStep(network, batch.inputs, batch.targets, batch.weights, gradients, rate);
                for (int k = 0; k < listeners.size(); k++) {
                    listeners.get(k).batchFinished(epoch, b + 1, batches);
                }
            }
            EpochStats stats = stats(epoch, Evaluation.both(network, data), data, System.nanoTime() - start, rate);
            history.add(stats);
            if (!Double.isFinite(stats.trainingLoss()) || !parameters.isAllFinite()) {
                parameters.copyFromInPlace(lastGood);
                throw diverged(history, stats);
            }
            epochsDone = epoch;
            if (stats.hasValidation()) {
                validationLosses.add(stats.validationLoss());
            }
            lastGood.copyFromInPlace(parameters);
            listeners.forEach(l -> l.epochFinished(stats));

            if (stats.trainingLossTotal() <= settings.targetLoss()) {
                result = new TrainingResult(history, StopReason.TARGET_LOSS, "Stopped after epoch " + epoch
                        + ": the summed training loss " + Settings.format(stats.trainingLossTotal())
                        + " reached the target " + Settings.format(settings.targetLoss()) + ".", epoch);
            } else if (watch != null && watch.shouldStop(stats, parameters)) {
                result = watch.stop(history, epoch, parameters);
            }
        }
        if (result == null) {
            result = new TrainingResult(history, StopReason.EPOCHS_DONE, "Trained " + settings.epochs() + " epochs.",
                    epochsDone);
        }
        if (result.reason() == StopReason.EARLY_STOPPING) {
            LOG.info(result.explanation());
        } else {
            LOG.debug(result.explanation());
        }
        TrainingResult finished = result;
        listeners.forEach(l -> l.trainingFinished(finished));
        return finished;
    }

    /** An epoch's figures from the evaluations of the training and validation sets. */
    private EpochStats stats(int epoch, Evaluation[] evaluations, Dataset data, long nanos, double rate) {
        Evaluation onTraining = evaluations[0];
        Evaluation onValidation = data.validationSize() == 0 ? null : evaluations[1];
        return new EpochStats(epoch, onTraining.meanLoss(), onTraining.totalLoss(), onTraining.accuracy(),
                onValidation == null ? Double.NaN : onValidation.meanLoss(),
                onValidation == null ? Double.NaN : onValidation.accuracy(), nanos / 1e9, rate);
    }

    /** The learning rate of the next epoch, from the schedule and the validation losses so far. */
    private double learningRate() {
        double[] losses = new double[validationLosses.size()];
        for (int k = 0; k < losses.length; k++) {
            losses[k] = validationLosses.get(k);
        }
        return updater.learningRate(epochsDone, losses);
    }

    /** Tells the listeners that the run diverged, and the exception that says so. */
    private TrainingDivergedException diverged(List<EpochStats> history, EpochStats stats) {
        String message = "training diverged in epoch " + stats.epoch() + ": the training loss became "
                + stats.trainingLoss() + "; the learning rate (" + Settings.format(stats.learningRate())
                + ") is probably too high, so try a smaller one. The network keeps the weights of epoch "
                + epochsDone + ".";
        TrainingResult diverged = new TrainingResult(history, StopReason.DIVERGED, message, epochsDone);
        listeners.forEach(l -> l.trainingFinished(diverged));
        return new TrainingDivergedException(message, stats.epoch());
    }

    /** The order of epoch {@code epochIndex} (from 0): a Fisher-Yates shuffle seeded by the seed and the epoch. */
    private int[] order(int epochIndex, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (settings.shuffle()) {
            SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + epochIndex);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** The input and target matrices of one batch size, and the examples' weights when classes are weighted. */
    private static final class Batch {
        final Matrix inputs;
        final Matrix targets;
        final Matrix weights;

        Batch(Network network, int size, boolean weighted) {
            this.inputs = network.factory().zeros(network.spec().inputs(), size);
            this.targets = network.factory().zeros(network.spec().outputs(), size);
            this.weights = weighted ? network.factory().zeros(1, size) : null;
        }
    }
}
