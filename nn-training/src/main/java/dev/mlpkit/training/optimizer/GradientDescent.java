package dev.mlpkit.training.optimizer;

import java.util.List;

import dev.mlpkit.nn.linalg.Matrix;
import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;

/**
 * Plain gradient descent, the tutorials' rule: {@code w -= eta * g} (Nielsen, chapter 1, equations 20-21). With nothing
 * to clip or decay, the {@link dev.mlpkit.training.Updater} takes this step during backpropagation instead of calling
 * {@link #updateInPlace} ({@link dev.mlpkit.nn.Network#backpropAndDescend}), with the same bits.
 */
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

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
