package dev.mlpkit.nn;

import dev.mlpkit.linalg.MatrixFactory;

/**
 * A network's weights and biases: per layer, weights [outputs x inputs] and biases [outputs x 1].
 *
 * <p>Optimizers update these in place, pairing {@link #matrices()} with the same list of {@link Gradients}.
 */
public final class Parameters extends LayerMatrices {

    private Parameters(NetworkSpec spec, MatrixFactory factory) {
        super(spec, factory);
    }

    /** All weights and biases zero; see {@link Initializer} to fill them. */
    public static Parameters zeros(NetworkSpec spec, MatrixFactory factory) {
        return new Parameters(spec, factory);
    }

    /** An independent copy, with matrices of the same kind. */
    public Parameters copy() {
        return copy(weights(0).factory());
    }

    /** An independent copy on {@code factory}'s matrices (float32 rounds each value to the nearest float). */
    public Parameters copy(MatrixFactory factory) {
        Parameters copy = new Parameters(spec(), factory);
        copy.copyFrom(this);
        return copy;
    }

    /** Overwrites every weight and bias with those of {@code other}, which has the same spec. */
    public void copyFromInPlace(Parameters other) {
        copyFrom(other);
    }

    /** {@code parameters -= learningRate * gradients}: one step of plain gradient descent. */
    public void subtractScaledInPlace(double learningRate, Gradients gradients) {
        if (!gradients.spec().equals(spec())) {
            throw new IllegalArgumentException("gradients of " + gradients.spec() + " do not fit " + spec());
        }
        for (int k = 0; k < matrices().size(); k++) {
            matrices().get(k).addScaledInPlace(-learningRate, gradients.matrices().get(k));
        }
    }
}
