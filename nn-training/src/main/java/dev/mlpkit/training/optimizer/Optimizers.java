package dev.mlpkit.training.optimizer;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mlpkit.training.Registry;

/** The built-in optimizers with their default settings, and a registry of them. */
public final class Optimizers {

    private Optimizers() {
    }

    /** Every built-in optimizer by name, with its defaults. */
    public static Map<String, Optimizer> builtIns() {
        Map<String, Optimizer> all = new LinkedHashMap<>();
        for (Optimizer o : new Optimizer[] { new GradientDescent(0.01), new Momentum(0.01, 0.9),
            new Nesterov(0.01, 0.9), new AdaGrad(0.01, 1e-8), new RmsProp(0.001, 0.9, 1e-8),
            new Adam(0.001, 0.9, 0.999, 1e-8), new AdamW(0.001, 0.9, 0.999, 1e-8, 0.01) }) {
            all.put(o.name(), o);
        }
        return all;
    }

    /** A registry of {@code optimizers}, for example the built-ins plus one's own. */
    public static Registry<Optimizer> registry(Map<String, ? extends Optimizer> optimizers) {
        return new Registry<>("optimizer", optimizers, Optimizer::name);
    }

    /** A registry of the built-ins. */
    public static Registry<Optimizer> registry() {
        return registry(builtIns());
    }
}
