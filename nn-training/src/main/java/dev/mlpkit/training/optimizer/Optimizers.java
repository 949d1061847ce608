package dev.mlpkit.training.optimizer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

import dev.mlpkit.training.Registry;

/**
 * The built-in optimizers with their default settings, the ones found on the class path, and a registry of them. A
 * user's optimizer is found with {@link ServiceLoader}: a public no-argument constructor that gives its defaults, and
 * its class name in {@code META-INF/services/dev.mlpkit.training.optimizer.Optimizer}.
 */
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

    /** The optimizers on the class path ({@link ServiceLoader}), by name, with their defaults. */
    public static Map<String, Optimizer> found() {
        Map<String, Optimizer> all = new LinkedHashMap<>();
        for (Optimizer o : ServiceLoader.load(Optimizer.class)) {
            all.put(o.name(), o);
        }
        return all;
    }

    /** A registry of the built-ins and the optimizers found on the class path. */
    public static Registry<Optimizer> registry() {
        Map<String, Optimizer> all = builtIns();
        all.putAll(found());
        return registry(all);
    }
}
