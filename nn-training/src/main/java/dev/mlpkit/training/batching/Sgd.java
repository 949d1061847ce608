package dev.mlpkit.training.batching;

import dev.mlpkit.training.Settings;

/** Stochastic gradient descent in the tutorials' sense: one update per example. */
public record Sgd() implements Batching {

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public int batchSize(int examples) {
        return 1;
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
