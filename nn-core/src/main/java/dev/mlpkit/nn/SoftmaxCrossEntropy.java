package dev.mlpkit.nn;

import dev.mlpkit.linalg.Matrix;

/**
 * Cross-entropy over classes, {@code -sum_i y_i ln(a_i + eps)} with {@code eps = 1e-8} as in binary cross-entropy.
 * After a softmax and with targets that sum to 1 per example, the output delta is {@code a - y}.
 */
final class SoftmaxCrossEntropy implements Loss {

    @Override
    public String name() {
        return "ce";
    }

    @Override
    public double total(Matrix output, Matrix target, int from, int to) {
        double sum = 0.0;
        for (int k = from * output.rows(); k < to * output.rows(); k++) {
            sum -= target.get(k) * Math.log(output.get(k) + BinaryCrossEntropy.EPSILON);
        }
        return sum;
    }

    @Override
    public void gradientInto(Matrix output, Matrix target, Matrix out) {
        int n = output.size();
        for (int k = 0; k < n; k++) {
            out.set(k, -target.get(k) / (output.get(k) + BinaryCrossEntropy.EPSILON));
        }
    }

    @Override
    public boolean cancelsWith(Activation output) {
        return output == Activation.SOFTMAX;
    }

    @Override
    public void checkOutputActivation(Activation output) {
        if (output != Activation.SOFTMAX) {
            throw new IllegalArgumentException("loss 'ce' needs a 'softmax' output layer, not '" + output.name()
                    + "': use 'bce' after a sigmoid or 'squared' otherwise");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
