package dev.mlpkit.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlpkit.linalg.Matrix;

/**
 * A layer's activation function {@code a = f(z)}, applied to a whole batch (one example per column).
 *
 * <p>The derivative is written in terms of the output {@code a} (sigmoid: {@code a(1 - a)}), as Smile does, so a
 * layer keeps only its activations and never its weighted inputs {@code z}.
 */
public interface Activation {

    /** The logistic function {@code 1 / (1 + e^-z)}. */
    Activation SIGMOID = new Sigmoid();
    /** The hyperbolic tangent. */
    Activation TANH = new Tanh();
    /** {@code max(0, z)}. */
    Activation RELU = new Relu();
    /** {@code f(z) = z}: a linear layer. */
    Activation IDENTITY = new Identity();
    /** {@code e^z_i / sum_j e^z_j} over each column. */
    Activation SOFTMAX = new Softmax();

    /** The lowercase name used in network specs and model files. */
    String name();

    /** Turns the weighted inputs {@code z} [units x batch] into activations {@code a = f(z)}, in place. */
    void applyInPlace(Matrix z);

    /**
     * Adds the layer's {@code bias} [units x 1] to every column of {@code z}, then {@link #applyInPlace(Matrix)}: a
     * layer's {@code a = f(z + b)}. An activation the kernel computes may do both in one pass, with the same bits.
     */
    default void applyInPlace(Matrix z, Matrix bias) {
        z.addColumnToEachColumnInPlace(bias);
        applyInPlace(z);
    }

    /**
     * Turns {@code g = dC/da} into {@code dC/dz} in place, given this layer's output {@code a = f(z)}; both are
     * [units x batch].
     */
    void backpropInPlace(Matrix a, Matrix g);

    /**
     * Whether {@link #backpropInPlace} is written: false for an activation given by its forward formula alone, which
     * only automatic differentiation trains.
     */
    default boolean hasHandDerivedGradient() {
        return true;
    }

    /**
     * The activation called {@code name}: a built-in, or one found on the class path, named in a
     * {@code META-INF/services/dev.mlpkit.nn.Activation} file.
     */
    static Activation named(String name) {
        Activation activation = Builtins.ALL.get(name);
        if (activation == null) {
            throw new IllegalArgumentException("unknown activation '" + name + "': known are " + names());
        }
        return activation;
    }

    /** The names of the built-in activations, then of those found on the class path. */
    static List<String> names() {
        return List.copyOf(Builtins.ALL.keySet());
    }

    /** The built-ins, then those found on the class path, by name; in a holder, built after the constants above. */
    final class Builtins {
        private static final Map<String, Activation> ALL = new LinkedHashMap<>();

        static {
            for (Activation a : new Activation[] { SIGMOID, TANH, RELU, IDENTITY, SOFTMAX }) {
                ALL.put(a.name(), a);
            }
            java.util.ServiceLoader.load(Activation.class).forEach(a -> ALL.putIfAbsent(a.name(), a));
        }

        private Builtins() {
        }
    }
}
