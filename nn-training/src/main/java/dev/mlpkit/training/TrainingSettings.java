package dev.mlpkit.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.batching.MiniBatch;
import dev.mlpkit.training.optimizer.GradientDescent;
import dev.mlpkit.training.optimizer.Optimizer;

/**
 * Everything that decides a training run besides the network and the data. Same settings, same data, same initial
 * weights: bit-identical results.
 *
 * @param optimizer     the update rule
 * @param schedule      how the learning rate changes per epoch
 * @param clipping      how gradients are limited
 * @param weightDecay   L2 weight decay added to the weights' gradients (0 for none)
 * @param batching      how an epoch is cut into updates
 * @param shuffle       whether each epoch visits the training set in a new random order (the circle/line tutorial
 *                      trains in file order)
 * @param seed          where the shuffling's random numbers come from
 * @param epochs        how many epochs to train in all (a resumed run counts the epochs already done)
 * @param targetLoss    stop once the summed training loss is at most this (the circle/line tutorial's 2), or NaN
 * @param earlyStopping stop when the validation loss stops improving, or null
 * @param classWeights  how much each class's examples weigh in the cost
 */
public record TrainingSettings(Optimizer optimizer, LearningRateSchedule schedule, GradientClipping clipping,
        double weightDecay, Batching batching, boolean shuffle, long seed, int epochs, double targetLoss,
        EarlyStopping earlyStopping, ClassWeights classWeights) {

    public TrainingSettings {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(clipping, "clipping");
        Objects.requireNonNull(batching, "batching");
        Objects.requireNonNull(classWeights, "classWeights");
        Require.nonNegative("weightDecay", weightDecay);
        Require.positive("epochs", epochs);
    }

    /** The galaxy tutorial's settings: gd at 0.01, mini-batches of 100, shuffled, 20 epochs, seed 42. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(new GradientDescent(0.01), new LearningRateSchedule.Constant(),
                GradientClipping.NONE, 0.0, new MiniBatch(100), true, 42, 20, Double.NaN, null, ClassWeights.NONE);
    }

    public TrainingSettings withOptimizer(Optimizer o) {
        return new TrainingSettings(o, schedule, clipping, weightDecay, batching, shuffle, seed, epochs, targetLoss,
                earlyStopping, classWeights);
    }

    public TrainingSettings withSchedule(LearningRateSchedule s) {
        return new TrainingSettings(optimizer, s, clipping, weightDecay, batching, shuffle, seed, epochs, targetLoss,
                earlyStopping, classWeights);
    }

    public TrainingSettings withClipping(GradientClipping c) {
        return new TrainingSettings(optimizer, schedule, c, weightDecay, batching, shuffle, seed, epochs, targetLoss,
                earlyStopping, classWeights);
    }

    public TrainingSettings withWeightDecay(double lambda) {
        return new TrainingSettings(optimizer, schedule, clipping, lambda, batching, shuffle, seed, epochs, targetLoss,
                earlyStopping, classWeights);
    }

    public TrainingSettings withBatching(Batching b) {
        return new TrainingSettings(optimizer, schedule, clipping, weightDecay, b, shuffle, seed, epochs, targetLoss,
                earlyStopping, classWeights);
    }

    public TrainingSettings withShuffle(boolean s) {
        return new TrainingSettings(optimizer, schedule, clipping, weightDecay, batching, s, seed, epochs, targetLoss,
                earlyStopping, classWeights);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(optimizer, schedule, clipping, weightDecay, batching, shuffle, s, epochs,
                targetLoss, earlyStopping, classWeights);
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(optimizer, schedule, clipping, weightDecay, batching, shuffle, seed, e, targetLoss,
                earlyStopping, classWeights);
    }

    public TrainingSettings withTargetLoss(double total) {
        return new TrainingSettings(optimizer, schedule, clipping, weightDecay, batching, shuffle, seed, epochs, total,
                earlyStopping, classWeights);
    }

    public TrainingSettings withEarlyStopping(EarlyStopping e) {
        return new TrainingSettings(optimizer, schedule, clipping, weightDecay, batching, shuffle, seed, epochs,
                targetLoss, e, classWeights);
    }

    public TrainingSettings withClassWeights(ClassWeights w) {
        return new TrainingSettings(optimizer, schedule, clipping, weightDecay, batching, shuffle, seed, epochs,
                targetLoss, earlyStopping, w);
    }

    /** How this run was trained, as JSON-ready values for a model file's metadata. */
    public Map<String, Object> toMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        // Ordered maps throughout (not Map.of, whose order changes from run to run): a resumed run compares them.
        m.put("optimizer", named(optimizer.name(), optimizer.settings()));
        m.put("batching", named(batching.name(), batching.settings()));
        m.put("schedule", schedule.toString());
        m.put("clipping", clipping.toString());
        m.put("weightDecay", weightDecay);
        m.put("shuffle", shuffle);
        m.put("seed", seed);
        m.put("epochs", epochs);
        if (!Double.isNaN(targetLoss)) {
            m.put("targetLoss", targetLoss);
        }
        if (earlyStopping != null) {
            Map<String, Object> early = new LinkedHashMap<>();
            early.put("patience", earlyStopping.patience());
            early.put("minDelta", earlyStopping.minDelta());
            m.put("earlyStopping", early);
        }
        if (classWeights != ClassWeights.NONE) {
            m.put("classWeights", classWeights.toString());
        }
        return m;
    }

    private static Map<String, Object> named(String name, Map<String, Object> settings) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("settings", settings);
        return entry;
    }

    /** The settings {@link #toMetadata()} wrote, with optimizers and batchings looked up in the registries. */
    @SuppressWarnings("unchecked")
    public static TrainingSettings fromMetadata(Map<String, Object> m, Registry<Optimizer> optimizers,
            Registry<Batching> batchings) {
        try {
            Map<String, Object> o = (Map<String, Object>) m.get("optimizer");
            Map<String, Object> b = (Map<String, Object>) m.get("batching");
            Map<String, Object> early = (Map<String, Object>) m.get("earlyStopping");
            return new TrainingSettings(
                    optimizers.create((String) o.get("name"), (Map<String, Object>) o.get("settings")),
                    LearningRateSchedule.parse((String) m.get("schedule")),
                    GradientClipping.parse((String) m.get("clipping")),
                    ((Number) m.get("weightDecay")).doubleValue(),
                    batchings.create((String) b.get("name"), (Map<String, Object>) b.get("settings")),
                    (Boolean) m.get("shuffle"),
                    ((Number) m.get("seed")).longValue(),
                    ((Number) m.get("epochs")).intValue(),
                    m.containsKey("targetLoss") ? ((Number) m.get("targetLoss")).doubleValue() : Double.NaN,
                    early == null ? null : new EarlyStopping(((Number) early.get("patience")).intValue(),
                            ((Number) early.get("minDelta")).doubleValue()),
                    ClassWeights.parse(String.valueOf(m.getOrDefault("classWeights", "none"))));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("the model's training settings are incomplete or malformed: " + m, e);
        }
    }
}
