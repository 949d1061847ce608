package dev.mlpkit.training;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.optimizer.Optimizer;

/**
 * A training run in a model file: the network's parameters, the optimizer's state as extra arrays, and under the
 * metadata key {@value #KEY} the settings ({@link TrainingSettings#toMetadata()}) and the progress
 * ({@code epochsDone}, {@code optimizerSteps}). Each epoch's shuffle depends only on the seed and the epoch, so these
 * are all an exact resume needs. (An early-stopping watch starts afresh on resume.)
 */
public final class Checkpoint {

    /** The metadata key under which training settings and progress are kept. */
    public static final String KEY = "training";

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
        Map<String, dev.mlpkit.nn.linalg.Matrix> state = new LinkedHashMap<>();
        trainer.optimizerState(network.parameters()).toArrays().forEach((name, m) -> state.put(name, m.copy()));
        return Model.of(network.parameters().copy(), state, withProgress(trainer, network, metadata));
    }

    private static Map<String, Object> withProgress(Trainer trainer, Network network, Map<String, Object> metadata) {
        Map<String, Object> training = new LinkedHashMap<>(trainer.settings().toMetadata());
        training.put("epochsDone", trainer.epochsDone());
        training.put("optimizerSteps", trainer.optimizerState(network.parameters()).steps());
        Map<String, Object> all = new LinkedHashMap<>(metadata);
        all.put(KEY, training);
        return all;
    }

    /** The settings {@code model} was trained with, its optimizer and batching found in the registries. */
    @SuppressWarnings("unchecked")
    public static TrainingSettings settingsOf(Model model, Registry<Optimizer> optimizers, Registry<Batching> batchings) {
        Object training = model.metadata().get(KEY);
        if (!(training instanceof Map)) {
            throw new IllegalArgumentException("the model holds no training settings to resume from");
        }
        return TrainingSettings.fromMetadata((Map<String, Object>) training, optimizers, batchings);
    }

    /**
     * Puts {@code model}'s progress into {@code trainer}, which must have been made with the model's settings (the
     * number of epochs aside); the network to train is {@code new Network(model.parameters())}.
     */
    @SuppressWarnings("unchecked")
    public static void restore(Model model, Trainer trainer) {
        Object training = model.metadata().get(KEY);
        if (!(training instanceof Map)) {
            throw new IllegalArgumentException("the model holds no training progress to resume from");
        }
        Map<String, Object> saved = (Map<String, Object>) training;
        Map<String, Object> current = trainer.settings().toMetadata();
        for (String key : new String[] { "optimizer", "batching", "schedule", "clipping", "weightDecay", "shuffle",
            "seed" }) {
            if (!String.valueOf(current.get(key)).equals(String.valueOf(saved.get(key)))) {
                throw new IllegalArgumentException("cannot resume: the model was trained with " + key + " "
                        + saved.get(key) + " but this run has " + current.get(key));
            }
        }
        trainer.restore(((Number) saved.get("epochsDone")).intValue(), model.parameters(), model.state(),
                ((Number) saved.get("optimizerSteps")).longValue());
    }
}
