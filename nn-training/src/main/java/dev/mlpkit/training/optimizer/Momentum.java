package dev.mlpkit.training.optimizer;

import java.util.List;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;

/** Classical momentum (Polyak 1964): {@code v = mu v - eta g; w += v}. */
public record Momentum(double learningRate, double momentum) implements Optimizer {

    public Momentum {
        Require.positive("learningRate", learningRate);
        Require.fraction("momentum", momentum);
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public List<String> stateNames() {
        return List.of("velocity");
    }

    @Override
    public void updateInPlace(Matrix parameter, Matrix gradient, List<Matrix> state, double rate, long step) {
        Matrix velocity = state.get(0);
        for (int k = 0; k < parameter.size(); k++) {
            double v = momentum * velocity.get(k) - rate * gradient.get(k);
            velocity.set(k, v);
            parameter.set(k, parameter.get(k) + v);
        }
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
