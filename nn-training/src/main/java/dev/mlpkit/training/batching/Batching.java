package dev.mlpkit.training.batching;

import java.util.Map;

import dev.mlpkit.training.Settings;

/**
 * How an epoch is cut into updates: the tutorials' three kinds of gradient descent are {@link Sgd} (one example per
 * update), {@link MiniBatch} (n examples) and {@link FullBatch} (the whole training set). Whether the examples are
 * shuffled first is the trainer's setting; batching only says how many go into each update.
 *
 * <p>Like an optimizer, a batching is a record whose components are its settings.
 */
public interface Batching {

    /** The lowercase name it is registered and selected by ({@code --batching mini-batch}). */
    String name();

    /** How many examples each update takes from an epoch of {@code examples}; the last batch takes the rest. */
    int batchSize(int examples);

    /** The settings by name: the record's components. */
    default Map<String, Object> settings() {
        return Settings.of(this);
    }

    /** A copy with the given settings changed. */
    default Batching withSettings(Map<String, ?> changes) {
        return Settings.with(this, changes);
    }
}
