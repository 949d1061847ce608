package dev.mlpkit.nn;

/** The hyperbolic tangent, whose derivative is {@code 1 - a^2}. */
final class Tanh extends ElementwiseActivation {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    double value(double z) {
        return Math.tanh(z);
    }

    @Override
    double derivativeFromOutput(double a) {
        return 1.0 - a * a;
    }
}
