package dev.mlpkit.nn;

import dev.mlpkit.linalg.Matrix;

/**
 * Binary cross-entropy, {@code -(y ln(a + eps) + (1 - y) ln(1 - a + eps))} with {@code eps = 1e-8} inside both logs,
 * exactly as the galaxy tutorial reports it. After a sigmoid, the output delta is {@code a - y} (the {@code eps} only
 * guards the reported value against {@code ln 0}).
 */
final class BinaryCrossEntropy implements Loss {

    static final double EPSILON = 1e-8;

    @Override
    public String name() {
        return "bce";
    }

    @Override
    public double total(Matrix output, Matrix target, int from, int to) {
        double sum = 0.0;
        for (int k = from * output.rows(); k < to * output.rows(); k++) {
            double a = output.get(k);
            double y = target.get(k);
            sum -= y * Math.log(a + EPSILON) + (1.0 - y) * Math.log(1.0 - a + EPSILON);
        }
        return sum;
    }

    @Override
    public void gradientInto(Matrix output, Matrix target, Matrix out) {
        int n = output.size();
        for (int k = 0; k < n; k++) {
            double a = output.get(k);
            double y = target.get(k);
            out.set(k, -y / (a + EPSILON) + (1.0 - y) / (1.0 - a + EPSILON));
        }
    }

    @Override
    public boolean cancelsWith(Activation output) {
        return output == Activation.SIGMOID;
    }

    @Override
    public void checkOutputActivation(Activation output) {
        if (output != Activation.SIGMOID) {
            throw new IllegalArgumentException("loss 'bce' needs outputs in (0, 1) from a 'sigmoid' output layer, not '"
                    + output.name() + "'");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
