package dev.mlpkit.training.optimizer;

import java.util.List;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;

/** AdaGrad (Duchi, Hazan and Singer 2011): {@code G += g^2; w -= eta g / (sqrt(G) + epsilon)}. */
public record AdaGrad(double learningRate, double epsilon) implements Optimizer {

    public AdaGrad {
        Require.positive("learningRate", learningRate);
        Require.positive("epsilon", epsilon);
    }

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    public List<String> stateNames() {
        return List.of("sumOfSquares");
    }

    @Override
    public void updateInPlace(Matrix parameter, Matrix gradient, List<Matrix> state, double rate, long step) {
        Matrix sum = state.get(0);
        for (int k = 0; k < parameter.size(); k++) {
            double g = gradient.get(k);
            double s = sum.get(k) + g * g;
            sum.set(k, s);
            parameter.set(k, parameter.get(k) - rate * g / (Math.sqrt(s) + epsilon));
        }
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
