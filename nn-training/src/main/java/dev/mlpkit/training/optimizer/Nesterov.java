package dev.mlpkit.training.optimizer;

import java.util.List;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;

/**
 * Nesterov's accelerated gradient in the form of Bengio et al. (2013), which needs only the gradient at the current
 * parameters: {@code v = mu v - eta g; w += mu v - eta g}.
 */
public record Nesterov(double learningRate, double momentum) implements Optimizer {

    public Nesterov {
        Require.positive("learningRate", learningRate);
        Require.fraction("momentum", momentum);
    }

    @Override
    public String name() {
        return "nesterov";
    }

    @Override
    public List<String> stateNames() {
        return List.of("velocity");
    }

    @Override
    public void updateInPlace(Matrix parameter, Matrix gradient, List<Matrix> state, double rate, long step) {
        Matrix velocity = state.get(0);
        for (int k = 0; k < parameter.size(); k++) {
            double g = gradient.get(k);
            double v = momentum * velocity.get(k) - rate * g;
            velocity.set(k, v);
            parameter.set(k, parameter.get(k) + momentum * v - rate * g);
        }
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
