package dev.mlpkit.training.optimizer;

import java.util.List;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;

/** RMSProp (Hinton, lecture 6e): {@code E = rho E + (1 - rho) g^2; w -= eta g / (sqrt(E) + epsilon)}. */
public record RmsProp(double learningRate, double rho, double epsilon) implements Optimizer {

    public RmsProp {
        Require.positive("learningRate", learningRate);
        Require.fraction("rho", rho);
        Require.positive("epsilon", epsilon);
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public List<String> stateNames() {
        return List.of("meanSquare");
    }

    @Override
    public void updateInPlace(Matrix parameter, Matrix gradient, List<Matrix> state, double rate, long step) {
        Matrix meanSquare = state.get(0);
        for (int k = 0; k < parameter.size(); k++) {
            double g = gradient.get(k);
            double e = rho * meanSquare.get(k) + (1 - rho) * g * g;
            meanSquare.set(k, e);
            parameter.set(k, parameter.get(k) - rate * g / (Math.sqrt(e) + epsilon));
        }
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
