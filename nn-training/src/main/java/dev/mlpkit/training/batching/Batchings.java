package dev.mlpkit.training.batching;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mlpkit.training.Registry;

/** The built-in batchings with their defaults, and a registry of them. */
public final class Batchings {

    private Batchings() {
    }

    /** sgd, mini-batch (100 examples) and batch. */
    public static Map<String, Batching> builtIns() {
        Map<String, Batching> all = new LinkedHashMap<>();
        for (Batching b : new Batching[] { new Sgd(), new MiniBatch(100), new FullBatch() }) {
            all.put(b.name(), b);
        }
        return all;
    }

    /** A registry of {@code batchings}. */
    public static Registry<Batching> registry(Map<String, ? extends Batching> batchings) {
        return new Registry<>("batching", batchings, Batching::name);
    }

    /** A registry of the built-ins. */
    public static Registry<Batching> registry() {
        return registry(builtIns());
    }
}
