package dev.mlpkit.nn;

import dev.mlpkit.linalg.Matrix;

/** Squared error {@code sum over outputs of (a - y)^2}, the circle/line tutorial's {@code (t - o)^2}; gradient {@code 2(a - y)}. */
final class SquaredError implements Loss {

    @Override
    public String name() {
        return "squared";
    }

    @Override
    public double total(Matrix output, Matrix target, int from, int to) {
        double sum = 0.0;
        for (int k = from * output.rows(); k < to * output.rows(); k++) {
            double d = output.get(k) - target.get(k);
            sum += d * d;
        }
        return sum;
    }

    @Override
    public void gradientInto(Matrix output, Matrix target, Matrix out) {
        int n = output.size();
        for (int k = 0; k < n; k++) {
            out.set(k, 2.0 * (output.get(k) - target.get(k)));
        }
    }

    @Override
    public boolean cancelsWith(Activation output) {
        return false;
    }

    @Override
    public void checkOutputActivation(Activation output) {
        if (output == Activation.SOFTMAX) {
            throw new IllegalArgumentException("loss 'squared' cannot follow a 'softmax' output layer (its gradient"
                    + " vanishes as the outputs saturate): use loss 'ce'");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
