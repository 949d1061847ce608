package dev.mlpkit.training;

import java.util.List;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.autodiff.NetworkGradients;
import dev.mlpkit.nn.GradientSink;
import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.training.optimizer.Optimizer;
import dev.mlpkit.training.optimizer.OptimizerState;

/**
 * What every optimizer shares, so that a new one is only its update maths: per batch, clip the gradient, add L2
 * weight decay, and call the optimizer on each parameter matrix with its state and the epoch's learning rate (the
 * optimizer's, scaled by the schedule). The state is made on the first step.
 */
public final class Updater {

    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final GradientClipping clipping;
    private final double weightDecay;
    private OptimizerState state;
    private final LayerStep layerStep = new LayerStep();
    /** Automatic differentiation's tapes, when it finds the gradients; null for backpropagation. */
    private final NetworkGradients autodiff;

    /**
     * @param weightDecay L2 weight decay {@code lambda}: adds {@code lambda w} to the gradient of every weight (not
     *                    to biases), as the cost {@code lambda/2 |w|^2} would
     */
    public Updater(Optimizer optimizer, LearningRateSchedule schedule, GradientClipping clipping, double weightDecay) {
        this(optimizer, schedule, clipping, weightDecay, GradientMethod.BACKPROP);
    }

    /** An updater whose gradients come from {@code method}. */
    public Updater(Optimizer optimizer, LearningRateSchedule schedule, GradientClipping clipping, double weightDecay,
            GradientMethod method) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.clipping = clipping;
        this.weightDecay = Require.nonNegative("weightDecay", weightDecay);
        this.autodiff = method == GradientMethod.AUTODIFF ? new NetworkGradients() : null;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The learning rate of the epoch that has {@code epoch} epochs before it, whose validation losses (oldest first)
     * are {@code validationLosses}.
     */
    public double learningRate(int epoch, double[] validationLosses) {
        return optimizer.learningRate() * schedule.factor(epoch, validationLosses);
    }

    /**
     * Backpropagates a batch through {@code network} and updates its parameters, the same way for every optimizer:
     * each layer as soon as backpropagation has its gradient ({@link LayerStep}), or, when the gradient is clipped or
     * decayed, which needs all of it first, {@link #stepInPlace} after backpropagation. Automatic differentiation
     * finds all of the gradient before the step too.
     *
     * @param weights each example's weight in the cost [1 x batchSize] ({@link ClassWeights}), or null for all 1,
     *                which automatic differentiation needs
     * @param rate    the epoch's {@link #learningRate}
     */
    public void backpropAndStep(Network network, Matrix inputs, Matrix targets, Matrix weights, Gradients gradients,
            double rate) {
        if (autodiff != null) {
            if (weights != null) {
                throw new IllegalArgumentException("automatic differentiation finds the gradient of the unweighted"
                        + " cost, so it cannot weigh examples: train with backpropagation");
            }
            autodiff.gradientsInto(network, inputs, targets, gradients);
            stepInPlace(network.parameters(), gradients, rate);
            return;
        }
        if (clipping.kind() != GradientClipping.Kind.NONE || weightDecay > 0) {
            network.backprop(inputs, targets, weights, gradients);
            stepInPlace(network.parameters(), gradients, rate);
            return;
        }
        OptimizerState s = state(network.parameters());
        layerStep.start(network.parameters(), gradients, s, rate, s.countStep());
        network.backprop(inputs, targets, weights, layerStep);
    }

    /**
     * One update of {@code parameters} at learning rate {@code rate} from the batch's mean {@code gradients}, which it
     * clips and decays in place.
     */
    public void stepInPlace(Parameters parameters, Gradients gradients, double rate) {
        clipping.clipInPlace(gradients);
        if (weightDecay > 0) {
            for (int l = 0; l < parameters.spec().depth(); l++) {
                gradients.weights(l).addScaledInPlace(weightDecay, parameters.weights(l));
            }
        }
        OptimizerState s = state(parameters);
        long step = s.countStep();
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

    /** One batch's update, layer by layer as backpropagation finds the gradients: made once, set for each batch. */
    private final class LayerStep implements GradientSink {
        private Parameters parameters;
        private Gradients gradients;
        private OptimizerState state;
        private double rate;
        private long step;

        void start(Parameters parameters, Gradients gradients, OptimizerState state, double rate, long step) {
            this.parameters = parameters;
            this.gradients = gradients;
            this.state = state;
            this.rate = rate;
            this.step = step;
        }

        @Override
        public void layer(int layer, Matrix delta, Matrix input, double scale) {
            int w = parameters.indexOfWeights(layer);
            optimizer.updateWeightsInPlace(parameters.weights(layer), delta, input, scale, gradients.weights(layer),
                    state.of(w), rate, step);
            if (parameters.hasBiases(layer)) {
                Gradients.biasGradientInto(delta, scale, gradients.biases(layer));
                optimizer.updateInPlace(parameters.biases(layer), gradients.biases(layer), state.of(w + 1), rate, step);
            }
        }
    }
}
