package dev.mlpkit.nn;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/**
 * The gradient of the cost with respect to every weight and bias, shaped like {@link Parameters}:
 * {@code weights(l)} holds {@code dC/dW} and {@code biases(l)} holds {@code dC/db} (Nielsen's {@code nabla_w},
 * {@code nabla_b}). The cost of a batch is the mean of its examples' costs, so these are mean gradients.
 */
public final class Gradients extends LayerMatrices implements GradientSink {

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

    /** Layer {@code layer}'s gradient multiplied out: BP4, {@code dC/dW = scale * delta input^T}, and BP3. */
    @Override
    public void layer(int layer, Matrix delta, Matrix input, double scale) {
        delta.multiplyInto(false, input, true, scale, weights(layer));
        if (hasBiases(layer)) {
            biasGradientInto(delta, scale, biases(layer));
        }
    }

    /** BP3 for a batch: {@code dC/db = scale * (the row sums of delta)}, into {@code out}. */
    public static void biasGradientInto(Matrix delta, double scale, Matrix out) {
        delta.rowSumsInto(out);
        out.scaleInPlace(scale);
    }
}
