package dev.mlpkit.nn;

/** The logistic function {@code 1 / (1 + e^-z)}, whose derivative is {@code a(1 - a)}. */
final class Sigmoid extends ElementwiseActivation {

    @Override
    public String name() {
        return "sigmoid";
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
