package dev.mlpkit.training.optimizer;

import java.util.List;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;

/**
 * AdamW (Loshchilov and Hutter 2019): Adam with weight decay decoupled from the gradient,
 * {@code w -= eta (m_hat / (sqrt(v_hat) + epsilon) + weightDecay w)}.
 */
public record AdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
        implements Optimizer {

    public AdamW {
        Require.positive("learningRate", learningRate);
        Require.fraction("beta1", beta1);
        Require.fraction("beta2", beta2);
        Require.positive("epsilon", epsilon);
        Require.nonNegative("weightDecay", weightDecay);
    }

    @Override
    public String name() {
        return "adamw";
    }

    @Override
    public List<String> stateNames() {
        return List.of("m", "v");
    }

    @Override
    public void updateInPlace(Matrix parameter, Matrix gradient, List<Matrix> state, double rate, long step) {
        adamStep(parameter, gradient, state, rate, step, beta1, beta2, epsilon, weightDecay);
    }

    /** The Adam update shared with {@link Adam}, which has no decoupled decay. */
    static void adamStep(Matrix parameter, Matrix gradient, List<Matrix> state, double rate, long step,
            double beta1, double beta2, double epsilon, double weightDecay) {
        Matrix m = state.get(0);
        Matrix v = state.get(1);
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        for (int k = 0; k < parameter.size(); k++) {
            double g = gradient.get(k);
            double mk = beta1 * m.get(k) + (1 - beta1) * g;
            double vk = beta2 * v.get(k) + (1 - beta2) * g * g;
            m.set(k, mk);
            v.set(k, vk);
            double w = parameter.get(k);
            double update = (mk / correction1) / (Math.sqrt(vk / correction2) + epsilon) + weightDecay * w;
            parameter.set(k, w - rate * update);
        }
    }

    @Override
    public String toString() {
        return Settings.describe(this);
    }
}
