package dev.mlpkit.training.optimizer;

import java.util.List;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;

/**
 * Adam (Kingma and Ba 2015, algorithm 1): first and second moment estimates with bias correction,
 * {@code w -= eta m_hat / (sqrt(v_hat) + epsilon)}.
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {

    public Adam {
        Require.positive("learningRate", learningRate);
        Require.fraction("beta1", beta1);
        Require.fraction("beta2", beta2);
        Require.positive("epsilon", epsilon);
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public List<String> stateNames() {
        return List.of("m", "v");
    }

    @Override
    public void updateInPlace(Matrix parameter, Matrix gradient, List<Matrix> state, double rate, long step) {
        AdamW.adamStep(parameter, gradient, state, rate, step, beta1, beta2, epsilon, 0.0);
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
