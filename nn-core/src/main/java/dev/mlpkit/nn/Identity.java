package dev.mlpkit.nn;

/** {@code f(z) = z}: a linear layer, like the circle/line tutorial's output unit. */
final class Identity extends ElementwiseActivation {

    @Override
    public String name() {
        return "identity";
    }

    @Override
    double value(double z) {
        return z;
    }

    @Override
    double derivativeFromOutput(double a) {
        return 1.0;
    }
}
