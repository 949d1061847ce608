package dev.mlpkit.nn;

import dev.mlpkit.linalg.Matrix;

/**
 * {@code a_i = e^(z_i) / sum_j e^(z_j)} over each column (each example).
 *
 * <p>Computed as {@code e^(z_i - max z)} so large inputs do not overflow. Its Jacobian is {@code da_i/dz_k =
 * a_i (delta_ik - a_k)}, so {@code dC/dz_i = a_i (g_i - sum_k a_k g_k)}; with cross-entropy the network skips this and
 * uses {@code a - y} directly.
 */
final class Softmax implements Activation {

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public void applyInPlace(Matrix z) {
        int units = z.rows();
        for (int j = 0; j < z.cols(); j++) {
            int offset = j * units;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < units; i++) {
                max = Math.max(max, z.get(offset + i));
            }
            double sum = 0.0;
            for (int i = 0; i < units; i++) {
                double e = Math.exp(z.get(offset + i) - max);
                z.set(offset + i, e);
                sum += e;
            }
            for (int i = 0; i < units; i++) {
                z.set(offset + i, z.get(offset + i) / sum);
            }
        }
    }

    @Override
    public void backpropInPlace(Matrix a, Matrix g) {
        int units = a.rows();
        for (int j = 0; j < a.cols(); j++) {
            int offset = j * units;
            double dot = 0.0;
            for (int i = 0; i < units; i++) {
                dot += a.get(offset + i) * g.get(offset + i);
            }
            for (int i = 0; i < units; i++) {
                g.set(offset + i, a.get(offset + i) * (g.get(offset + i) - dot));
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
