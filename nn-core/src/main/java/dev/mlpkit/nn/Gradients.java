package dev.mlpkit.nn;

import dev.mlpkit.nn.linalg.MatrixFactory;

/**
 * The gradient of the cost with respect to every weight and bias, shaped like {@link Parameters}:
 * {@code weights(l)} holds {@code dC/dW} and {@code biases(l)} holds {@code dC/db} (Nielsen's {@code nabla_w},
 * {@code nabla_b}). The cost of a batch is the mean of its examples' costs, so these are mean gradients.
 */
public final class Gradients extends LayerMatrices {

    private Gradients(NetworkSpec spec, MatrixFactory factory) {
        super(spec, factory);
    }

    /** Zero gradients for {@code spec}. */
    public static Gradients zeros(NetworkSpec spec, MatrixFactory factory) {
        return new Gradients(spec, factory);
    }

    /** Zero gradients shaped like {@code parameters}, with matrices of the same kind. */
    public static Gradients like(Parameters parameters) {
        return new Gradients(parameters.spec(), parameters.weights(0).factory());
    }
}
