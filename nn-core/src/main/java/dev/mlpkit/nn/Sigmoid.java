package dev.mlpkit.nn;

import dev.mlpkit.linalg.Matrix;

/** The logistic function {@code 1 / (1 + e^-z)}, whose derivative is {@code a(1 - a)}. */
final class Sigmoid extends ElementwiseActivation {

    @Override
    public String name() {
        return "sigmoid";
    }

    /** On the kernel, which may compute many elements per instruction. */
    @Override
    public void applyInPlace(Matrix z) {
        z.logisticInPlace();
    }

    /** The bias and the logistic function in one pass on the kernel. */
    @Override
    public void applyInPlace(Matrix z, Matrix bias) {
        z.addColumnThenLogisticInPlace(bias);
    }

    /** On the kernel too, a vector at a time rather than through {@link #derivativeFromOutput}. */
    @Override
    public void backpropInPlace(Matrix a, Matrix g) {
        g.timesLogisticSlopeInPlace(a);
    }

    @Override
    double value(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    @Override
    double derivativeFromOutput(double a) {
        return a * (1.0 - a);
    }
}
