package dev.mlpkit.nn;

/** {@code max(0, z)}; its derivative is 1 where the output is positive and 0 elsewhere (0 at the kink). */
final class Relu extends ElementwiseActivation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    double value(double z) {
        return z > 0.0 ? z : 0.0;
    }

    @Override
    double derivativeFromOutput(double a) {
        return a > 0.0 ? 1.0 : 0.0;
    }
}
