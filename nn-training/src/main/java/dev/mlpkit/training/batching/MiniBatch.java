package dev.mlpkit.training.batching;

import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;

/** Mini-batch gradient descent: {@code size} examples per update (the galaxy tutorial's 100). */
public record MiniBatch(int size) implements Batching {

    public MiniBatch {
        Require.positive("batch size", size);
    }

    @Override
    public String name() {
        return "mini-batch";
    }

    @Override
    public int batchSize(int examples) {
        return Math.min(size, examples);
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
