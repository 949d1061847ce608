package dev.mlpkit.apps;

import java.util.LinkedHashMap;
import java.util.Map;

import com.beust.jcommander.Parameter;

import dev.mlpkit.training.ClassWeights;
import dev.mlpkit.training.EarlyStopping;
import dev.mlpkit.training.GradientMethod;
import dev.mlpkit.training.GradientClipping;
import dev.mlpkit.training.LearningRateSchedule;
import dev.mlpkit.training.Registry;
import dev.mlpkit.training.TrainingSettings;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.optimizer.Optimizer;

/**
 * The training flags that commands share; a flag left out keeps the app's default, which {@code --help} shows from
 * the app's own {@link TrainingSettings}.
 */
public final class TrainingFlags implements Help.StatedDefaults {

    private TrainingSettings defaults;
    private final String whose;

    /**
     * @param defaults the app's settings when no flag is given
     * @param whose    where those defaults come from, for the help ({@code the tutorial's}), or null
     */
    public TrainingFlags(TrainingSettings defaults, String whose) {
        this.defaults = defaults;
        this.whose = whose;
    }

    @Parameter(names = "--optimizer", description = "Update rule: gd, momentum, nesterov, adagrad, rmsprop, adam, adamw,"
            + " or any registered one (see 'mlp optimizers')")
    public String optimizer;

    @Parameter(names = "--learning-rate", description = "Learning rate (eta)",
            validateWith = Validators.PositiveNumber.class)
    public Double learningRate;

    @Parameter(names = "--batching", description = "How an epoch is cut into updates: sgd (one example), mini-batch"
            + " (--batch-size examples), batch (the whole training set)")
    public String batching;

    @Parameter(names = "--batch-size", description = "Examples per update with --batching mini-batch",
            validateWith = Validators.PositiveInteger.class)
    public Integer batchSize;

    @Parameter(names = "--epochs", description = "Epochs to train, in all when resuming",
            validateWith = Validators.PositiveInteger.class)
    public Integer epochs;

    @Parameter(names = "--seed", description = "Seed of the initial weights, the split and the shuffling")
    public Long seed;

    @Parameter(names = "--schedule", description = "Learning-rate schedule: constant, step:FACTOR:EVERY,"
            + " exponential:RATE, inverse-time:RATE, cosine:EPOCHS[:FLOOR], plateau:FACTOR:PATIENCE (times FACTOR"
            + " after PATIENCE epochs without a new lowest validation loss)")
    public String schedule;

    @Parameter(names = "--clip", description = "Gradient clipping: none, value:LIMIT, norm:LIMIT")
    public String clip;

    @Parameter(names = "--weight-decay", description = "L2 weight decay lambda",
            validateWith = Validators.NonNegativeNumber.class)
    public Double weightDecay;

    @Parameter(names = "--early-stopping", description = "Stop when the validation loss has not improved for this many"
            + " epochs, and keep the best epoch's weights (0: off)", validateWith = Validators.NonNegativeInteger.class)
    public Integer earlyStopping;

    @Parameter(names = "--min-delta", description = "How much the validation loss must fall to count as better",
            validateWith = Validators.NonNegativeNumber.class)
    public Double minDelta;

    @Parameter(names = "--class-weight", description = "How much each class's examples weigh in the cost: none (all"
            + " alike) or balanced (inversely to the class's share of the training examples, n / (classes x n_c), so"
            + " that a rare class is not outvoted); the losses shown stay unweighted")
    public String classWeight;

    @Parameter(names = "--gradients", description = "How a batch's gradients are found: backprop (derived by hand,"
            + " Nielsen's BP1-BP4) or autodiff (reverse-mode automatic differentiation of the forward pass, the"
            + " circle/line series' part 3); the same gradients to the last few bits")
    public String gradients;

    /** The app's settings when no flag is given. */
    public TrainingSettings defaults() {
        return defaults;
    }

    /** Makes {@code other} the settings when no flag is given, for an app whose defaults depend on its data. */
    public void useDefaults(TrainingSettings other) {
        this.defaults = other;
    }

    /** {@code --gradients}. */
    public GradientMethod method() {
        try {
            return gradients == null ? GradientMethod.BACKPROP : GradientMethod.named(gradients);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--gradients: " + e.getMessage());
        }
    }

    /** The settings these flags make from the app's defaults, optimizers and batchings found by name. */
    public TrainingSettings settings(Registry<Optimizer> optimizers, Registry<Batching> batchings) {
        return settings(defaults, optimizers, batchings);
    }

    /** The settings these flags make from {@code defaults} (a resumed run's), optimizers and batchings by name. */
    public TrainingSettings settings(TrainingSettings defaults, Registry<Optimizer> optimizers, Registry<Batching> batchings) {
        try {
            TrainingSettings s = defaults;
            Optimizer o = optimizer == null ? s.optimizer() : optimizers.get(optimizer);
            if (learningRate != null) {
                o = o.withSettings(Map.of("learningRate", learningRate));
            }
            s = s.withOptimizer(o);
            Batching b = batching == null ? s.batching() : batchings.get(batching);
            if (batchSize != null) {
                if (!b.settings().containsKey("size")) {
                    throw new UsageException("--batch-size goes with --batching mini-batch, not " + b.name());
                }
                b = b.withSettings(Map.of("size", batchSize));
            }
            s = s.withBatching(b);
            if (epochs != null) {
                s = s.withEpochs(epochs);
            }
            if (seed != null) {
                s = s.withSeed(seed);
            }
            if (schedule != null) {
                s = s.withSchedule(LearningRateSchedule.parse(schedule));
            }
            if (clip != null) {
                s = s.withClipping(GradientClipping.parse(clip));
            }
            if (weightDecay != null) {
                s = s.withWeightDecay(weightDecay);
            }
            if (classWeight != null) {
                s = s.withClassWeights(ClassWeights.parse(classWeight));
            }
            EarlyStopping stopping = s.earlyStopping();
            if (earlyStopping != null || minDelta != null) {
                int patience = earlyStopping != null ? earlyStopping : stopping != null ? stopping.patience() : 0;
                double delta = minDelta != null ? minDelta : stopping != null ? stopping.minDelta() : 0;
                if (patience == 0 && minDelta != null) {
                    throw new UsageException("--min-delta goes with --early-stopping N");
                }
                s = s.withEarlyStopping(patience == 0 ? null : new EarlyStopping(patience, delta));
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    public String defaultOf(String option) {
        String of = whose == null ? "" : ", " + whose;
        Object rate = defaults.optimizer().settings().get("learningRate");
        return switch (option) {
            case "--optimizer" -> defaults.optimizer().name() + of;
            case "--learning-rate" -> "the optimizer's own" + (rate == null ? "" : "; " + rate + " for "
                    + defaults.optimizer().name() + of);
            case "--batching" -> defaults.batching().name();
            case "--batch-size" -> defaults.batching().settings().containsKey("size")
                    ? defaults.batching().settings().get("size") + of : null;
            case "--epochs" -> defaults.epochs() + of;
            case "--seed" -> Long.toString(defaults.seed());
            case "--gradients" -> "backprop";
            case "--schedule" -> defaults.schedule().toString();
            case "--clip" -> defaults.clipping().toString();
            case "--class-weight" -> defaults.classWeights().toString();
            case "--weight-decay" -> defaults.weightDecay() == 0 ? "0, none" : Double.toString(defaults.weightDecay());
            case "--early-stopping" -> defaults.earlyStopping() == null ? "0, off"
                    : Integer.toString(defaults.earlyStopping().patience());
            case "--min-delta" -> defaults.earlyStopping() == null ? "0"
                    : Double.toString(defaults.earlyStopping().minDelta());
            default -> null;
        };
    }

    /** The flags that were given, for a resumed run to check against its checkpoint. */
    public Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        if (optimizer != null) {
            given.put("--optimizer", optimizer);
        }
        if (learningRate != null) {
            given.put("--learning-rate", learningRate);
        }
        if (batching != null) {
            given.put("--batching", batching);
        }
        if (batchSize != null) {
            given.put("--batch-size", batchSize);
        }
        return given;
    }
}
