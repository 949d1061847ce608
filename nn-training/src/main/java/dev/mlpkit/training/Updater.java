package dev.mlpkit.training;

import java.util.List;

import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.nn.linalg.Matrix;
import dev.mlpkit.training.optimizer.GradientDescent;
import dev.mlpkit.training.optimizer.Optimizer;
import dev.mlpkit.training.optimizer.OptimizerState;

/**
 * What every optimizer shares, so that a new one is only its update maths: per batch, clip the gradient, add L2
 * weight decay, scale the learning rate by the schedule, and call the optimizer on each parameter matrix with its
 * state. The state is made on the first step.
 */
public final class Updater {

    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final GradientClipping clipping;
    private final double weightDecay;
    private OptimizerState state;

    /**
     * @param weightDecay L2 weight decay {@code lambda}: adds {@code lambda w} to the gradient of every weight (not
     *                    to biases), as the cost {@code lambda/2 |w|^2} would
     */
    public Updater(Optimizer optimizer, LearningRateSchedule schedule, GradientClipping clipping, double weightDecay) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.clipping = clipping;
        this.weightDecay = Require.nonNegative("weightDecay", weightDecay);
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The learning rate of the epoch that has {@code epoch} epochs before it. */
    public double learningRate(int epoch) {
        return optimizer.learningRate() * schedule.factor(epoch);
    }

    /**
     * Backpropagates a batch through {@code network} and updates its parameters. Plain gradient descent with nothing
     * to clip or decay is taken during backpropagation ({@link Network#backpropAndDescend}, which skips a pass over
     * the gradient); anything else is {@link Network#backpropInto} followed by {@link #stepInPlace}. The bits are the
     * same either way.
     */
    public void backpropAndStep(Network network, Matrix inputs, Matrix targets, Gradients gradients, int epoch) {
        Parameters parameters = network.parameters();
        if (optimizer instanceof GradientDescent && clipping.kind() == GradientClipping.Kind.NONE && weightDecay == 0) {
            network.backpropAndDescend(inputs, targets, gradients, learningRate(epoch));
            state(parameters).countStep();
        } else {
            network.backpropInto(inputs, targets, gradients);
            stepInPlace(parameters, gradients, epoch);
        }
    }

    /** One update of {@code parameters} from the batch's mean {@code gradients}, which it clips and decays in place. */
    public void stepInPlace(Parameters parameters, Gradients gradients, int epoch) {
        clipping.clipInPlace(gradients);
        if (weightDecay > 0) {
            for (int l = 0; l < parameters.spec().depth(); l++) {
                gradients.weights(l).addScaledInPlace(weightDecay, parameters.weights(l));
            }
        }
        OptimizerState s = state(parameters);
        long step = s.countStep();
        double rate = learningRate(epoch);
        List<Matrix> matrices = parameters.matrices();
        for (int k = 0; k < matrices.size(); k++) {
            optimizer.updateInPlace(matrices.get(k), gradients.matrices().get(k), s.of(k), rate, step);
        }
    }

    /** The optimizer's state for {@code parameters}, made (zero) on first use. */
    public OptimizerState state(Parameters parameters) {
        if (state == null) {
            state = OptimizerState.create(optimizer, parameters);
        }
        return state;
    }

    /** Forgets the optimizer's state, as before the first step. */
    public void reset() {
        if (state != null) {
            state.reset();
        }
    }
}
