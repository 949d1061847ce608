package dev.mlpkit.training.batching;

import dev.mlpkit.training.Settings;

/** Batch gradient descent: one update per epoch, from the mean gradient of the whole training set. */
public record FullBatch() implements Batching {

    @Override
    public String name() {
        return "batch";
    }

    @Override
    public int batchSize(int examples) {
        return examples;
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
