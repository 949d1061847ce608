package dev.mlpkit.training.examples;

import java.util.List;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;
import dev.mlpkit.training.optimizer.Optimizer;

/**
 * Lion, "EvoLved Sign Momentum" (Chen et al. 2023, algorithm 2): the update is the sign of an interpolation between
 * the momentum and the gradient, so every parameter moves by exactly the learning rate.
 *
 * <pre>
 * c = beta1 m + (1 - beta1) g
 * w = w - eta (sign(c) + weightDecay w)
 * m = beta2 m + (1 - beta2) g
 * </pre>
 *
 * The worked example of docs/writing-an-optimizer.md.
 */
public record Lion(double learningRate, double beta1, double beta2, double weightDecay) implements Optimizer {

    /** The defaults, for {@link java.util.ServiceLoader}, which finds Lion by its services file. */
    public Lion() {
        this(1e-4, 0.9, 0.99, 0.0);
    }

    public Lion {
        Require.positive("learningRate", learningRate);
        Require.fraction("beta1", beta1);
        Require.fraction("beta2", beta2);
        Require.nonNegative("weightDecay", weightDecay);
    }

    @Override
    public String name() {
        return "lion";
    }

    @Override
    public List<String> stateNames() {
        return List.of("momentum");
    }

    @Override
    public void updateInPlace(Matrix parameter, Matrix gradient, List<Matrix> state, double rate, long step) {
        Matrix m = state.get(0);
        for (int k = 0; k < parameter.size(); k++) {
            double g = gradient.get(k);
            double c = beta1 * m.get(k) + (1 - beta1) * g;
            double w = parameter.get(k);
            parameter.set(k, w - rate * (Math.signum(c) + weightDecay * w));
            m.set(k, beta2 * m.get(k) + (1 - beta2) * g);
        }
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
