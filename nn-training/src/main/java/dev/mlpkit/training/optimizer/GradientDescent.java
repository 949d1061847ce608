package dev.mlpkit.training.optimizer;

import java.util.List;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;

/** Plain gradient descent, the tutorials' rule: {@code w -= eta * g} (Nielsen, chapter 1, equations 20-21). */
public record GradientDescent(double learningRate) implements Optimizer {

    public GradientDescent {
        Require.positive("learningRate", learningRate);
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public void updateInPlace(Matrix parameter, Matrix gradient, List<Matrix> state, double rate, long step) {
        parameter.addScaledInPlace(-rate, gradient);
    }

    /** The step is a multiple of the gradient, so the product goes straight into the weights, tile by tile. */
    @Override
    public void updateWeightsInPlace(Matrix weights, Matrix delta, Matrix input, double scale, Matrix gradient,
            List<Matrix> state, double rate, long step) {
        delta.multiplyAddInto(false, input, true, scale, -rate, weights);
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
