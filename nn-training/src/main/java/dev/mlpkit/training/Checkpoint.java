package dev.mlpkit.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.optimizer.Optimizer;

/**
 * A training run in a model file: the network's parameters, the optimizer's state as extra arrays, and under the
 * metadata key {@value #KEY} the settings ({@link TrainingSettings#toMetadata()}), the precision the network computes
 * in ({@value #PRECISION}: float64 or float32) and the progress ({@code epochsDone}, {@code validationLosses},
 * {@code optimizerSteps}). Each
 * epoch's shuffle depends only on the seed and the epoch, so these are all an exact resume needs. (An early-stopping
 * watch starts afresh on resume.)
 */
public final class Checkpoint {

    /** The metadata key under which training settings and progress are kept. */
    public static final String KEY = "training";
    /** The key, inside {@value #KEY}, of the precision of the trained network's matrices. */
    public static final String PRECISION = "precision";

    private Checkpoint() {
    }

    /** A model of {@code network} that also holds {@code trainer}'s settings, progress and optimizer state. */
    public static Model of(Network network, Trainer trainer, Map<String, Object> metadata) {
        return Model.of(network.parameters(), trainer.optimizerState(network.parameters()).toArrays(),
                withProgress(trainer, network, metadata));
    }

    /**
     * Like {@link #of}, but on copies of the parameters and optimizer state: a snapshot that stays as it is while
     * training goes on (what an interrupted run saves).
     */
    public static Model snapshot(Network network, Trainer trainer, Map<String, Object> metadata) {
        Map<String, dev.mlpkit.linalg.Matrix> state = new LinkedHashMap<>();
        trainer.optimizerState(network.parameters()).toArrays().forEach((name, m) -> state.put(name, m.copy()));
        return Model.of(network.parameters().copy(), state, withProgress(trainer, network, metadata));
    }

    private static Map<String, Object> withProgress(Trainer trainer, Network network, Map<String, Object> metadata) {
        Map<String, Object> training = new LinkedHashMap<>(trainer.settings().toMetadata());
        training.put(PRECISION, network.factory().name());
        training.put("epochsDone", trainer.epochsDone());
        training.put("validationLosses", trainer.validationLosses());
        training.put("optimizerSteps", trainer.optimizerState(network.parameters()).steps());
        Map<String, Object> all = new LinkedHashMap<>(metadata);
        all.put(KEY, training);
        return all;
    }

    /** The settings {@code model} was trained with, its optimizer and batching found in the registries. */
    public static TrainingSettings settingsOf(Model model, Registry<Optimizer> optimizers, Registry<Batching> batchings) {
        return TrainingSettings.fromMetadata(training(model), optimizers, batchings);
    }

    /** The precision {@code model} was trained in: float64 or float32 (float64 for models that do not say). */
    public static MatrixFactory precisionOf(Model model) {
        Object precision = training(model).get(PRECISION);
        return precision == null ? MatrixFactory.float64() : MatrixFactory.named(String.valueOf(precision));
    }

    /**
     * Puts {@code model}'s progress into {@code trainer}, which must have been made with the model's settings (the
     * number of epochs aside), and returns the network to go on training: the model's parameters on {@code factory},
     * which has the precision they were trained in ({@link #precisionOf}) and the compute to go on with.
     */
    public static Network restore(Model model, Trainer trainer, MatrixFactory factory) {
        Map<String, Object> saved = training(model);
        Map<String, Object> current = trainer.settings().toMetadata();
        for (String key : new String[] { "optimizer", "batching", "schedule", "clipping", "weightDecay", "shuffle",
            "seed", "classWeights" }) {
            if (!String.valueOf(current.get(key)).equals(String.valueOf(saved.get(key)))) {
                throw new IllegalArgumentException("cannot resume: the model was trained with " + key + " "
                        + saved.get(key) + " but this run has " + current.get(key));
            }
        }
        Network network = new Network(model.parameters().copy(factory));
        trainer.restore((int) count(saved, "epochsDone", Integer.MAX_VALUE), losses(saved), network.parameters(),
                model.state(), count(saved, "optimizerSteps", Long.MAX_VALUE));
        return network;
    }

    /** How many epochs {@code model} has trained, as its checkpoint records. */
    public static int epochsDone(Model model) {
        return (int) count(training(model), "epochsDone", Integer.MAX_VALUE);
    }

    /** A whole number from 0 to {@code max} saved under {@code key}, or a sentence saying what is wrong with it. */
    private static long count(Map<String, Object> saved, String key, long max) {
        Object value = saved.get(key);
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0
                || ((Number) value).longValue() > max) {
            throw new IllegalArgumentException("cannot resume: the model's training progress has no valid '" + key
                    + "' (a whole number from 0), but " + (value == null ? "nothing" : "'" + value + "'"));
        }
        return ((Number) value).longValue();
    }

    /**
     * The validation losses saved under {@code validationLosses} (none in models from before they were kept), each a
     * number or the text NaN, as the model file writes a loss that is not a number.
     */
    private static List<Double> losses(Map<String, Object> saved) {
        Object value = saved.getOrDefault("validationLosses", List.of());
        List<Double> losses = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object loss : list) {
                if (loss instanceof Number n) {
                    losses.add(n.doubleValue());
                } else if ("NaN".equals(loss)) {
                    losses.add(Double.NaN);
                } else {
                    break;
                }
            }
            if (losses.size() == list.size()) {
                return losses;
            }
        }
        throw new IllegalArgumentException("cannot resume: the model's training progress has no valid"
                + " 'validationLosses' (a list of numbers), but '" + value + "'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> training(Model model) {
        Object training = model.metadata().get(KEY);
        if (!(training instanceof Map)) {
            throw new IllegalArgumentException("the model holds no training settings to resume from");
        }
        return (Map<String, Object>) training;
    }
}
