package dev.mlpkit.apps;

import java.util.LinkedHashMap;
import java.util.Map;

import com.beust.jcommander.Parameter;

import dev.mlpkit.training.EarlyStopping;
import dev.mlpkit.training.GradientClipping;
import dev.mlpkit.training.LearningRateSchedule;
import dev.mlpkit.training.Registry;
import dev.mlpkit.training.TrainingSettings;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.optimizer.Optimizer;

/** The training flags that commands share; a flag left out keeps the app's default (the tutorial's). */
public final class TrainingFlags {

    @Parameter(names = "--optimizer", description = "Update rule: gd, momentum, nesterov, adagrad, rmsprop, adam, adamw,"
            + " or any registered one (see 'mlp optimizers') (default: gd, the tutorial's)")
    public String optimizer;

    @Parameter(names = "--learning-rate", description = "Learning rate (eta) (default: the optimizer's own; 0.01 for gd, the tutorial's)",
            validateWith = Validators.PositiveNumber.class)
    public Double learningRate;

    @Parameter(names = "--batching", description = "How an epoch is cut into updates: sgd (one example), mini-batch"
            + " (--batch-size examples), batch (the whole training set) (default: mini-batch)")
    public String batching;

    @Parameter(names = "--batch-size", description = "Examples per update with --batching mini-batch (default: 100, the tutorial's)",
            validateWith = Validators.PositiveInteger.class)
    public Integer batchSize;

    @Parameter(names = "--epochs", description = "Epochs to train, in all when resuming (default: 20, the tutorial's)",
            validateWith = Validators.PositiveInteger.class)
    public Integer epochs;

    @Parameter(names = "--seed", description = "Seed of the initial weights, the split and the shuffling (default: 42)")
    public Long seed;

    @Parameter(names = "--schedule", description = "Learning-rate schedule: constant, step:FACTOR:EVERY,"
            + " exponential:RATE, inverse-time:RATE, cosine:EPOCHS[:FLOOR] (default: constant)")
    public String schedule;

    @Parameter(names = "--clip", description = "Gradient clipping: none, value:LIMIT, norm:LIMIT (default: none)")
    public String clip;

    @Parameter(names = "--weight-decay", description = "L2 weight decay lambda (default: 0, none)",
            validateWith = Validators.NonNegativeNumber.class)
    public Double weightDecay;

    @Parameter(names = "--early-stopping", description = "Stop when the validation loss has not improved for this many"
            + " epochs, and keep the best epoch's weights (0: off)", validateWith = Validators.NonNegativeInteger.class)
    public int earlyStopping;

    @Parameter(names = "--min-delta", description = "How much the validation loss must fall to count as better",
            validateWith = Validators.NonNegativeNumber.class)
    public double minDelta = 0.0;

    /** The settings these flags make from the app's {@code defaults}, optimizers and batchings found by name. */
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
            if (earlyStopping > 0) {
                s = s.withEarlyStopping(new EarlyStopping(earlyStopping, minDelta));
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
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
