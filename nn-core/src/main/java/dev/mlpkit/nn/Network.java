package dev.mlpkit.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/**
 * A multilayer perceptron: dense layers with batched feedforward and backpropagation (Nielsen, "Neural Networks and
 * Deep Learning", chapter 2, with one example per column).
 *
 * <p>A batch is a matrix [inputs x batchSize]; each layer computes {@code a = f(W a_prev + b)} for the whole batch
 * with one matrix product. Buffers for activations and deltas are made once per batch size and reused, so after the
 * first batch of a size the hot loop allocates nothing. A network is not thread-safe: give each thread its own
 * {@link #copy()}.
 */
public final class Network {

    /** How many batch sizes keep their buffers: training, the last partial batch, evaluation, and one more. */
    private static final int MAX_CACHED_BATCH_SIZES = 4;

    private final NetworkSpec spec;
    private final Parameters parameters;
    private final MatrixFactory factory;
    private final List<Buffers> buffersBySize = new ArrayList<>();

    /** A network with all weights and biases zero, on {@code factory}'s matrices; see {@link Initializer}. */
    public Network(NetworkSpec spec, MatrixFactory factory) {
        this(Parameters.zeros(spec, factory));
    }

    /** A network with all weights and biases zero, on float64 matrices. */
    public Network(NetworkSpec spec) {
        this(spec, MatrixFactory.float64());
    }

    /** A network that computes with (and trains) {@code parameters} itself, not a copy. */
    public Network(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.spec = parameters.spec();
        this.factory = parameters.weights(0).factory();
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** The weights and biases this network computes with; optimizers update them in place. */
    public Parameters parameters() {
        return parameters;
    }

    /** The factory this network's matrices come from. */
    public MatrixFactory factory() {
        return factory;
    }

    /** An independent network with a copy of these parameters. */
    public Network copy() {
        return new Network(parameters.copy());
    }

    /**
     * The outputs [outputs x batchSize] for {@code input} [inputs x batchSize].
     *
     * <p>The result is this network's own buffer: read it before the next call with a batch of the same size.
     */
    public Matrix feedforward(Matrix input) {
        Buffers buffers = buffersFor(input);
        feedforward(input, buffers);
        return buffers.activations[spec.depth() - 1];
    }

    /**
     * {@link #backprop(Matrix, Matrix, GradientSink) Backpropagation} of the mean cost, every layer's {@code dC/dW}
     * and {@code dC/db} into {@code gradients}, which is shaped like {@link #parameters()}.
     */
    public void backpropInto(Matrix input, Matrix target, Gradients gradients) {
        backprop(input, target, null, gradients);
    }

    /** {@link #backprop(Matrix, Matrix, Matrix, GradientSink)} of the plain mean cost: every weight 1. */
    public void backprop(Matrix input, Matrix target, GradientSink sink) {
        backprop(input, target, null, sink);
    }

    /**
     * Backpropagation (Nielsen, chapter 2, equations BP1 and BP2) of the weighted mean cost {@code (1/n) sum_x w_x C_x}
     * over the batch, each layer's gradient sent to {@code sink} as soon as it is found, from the last layer to the
     * first, after the error of the layer below has come through the layer's weights.
     *
     * @param input   [inputs x batchSize], one example per column
     * @param target  [outputs x batchSize], the wanted outputs
     * @param weights [1 x batchSize], each example's weight {@code w_x}, which scales its output delta; null for all 1
     */
    public void backprop(Matrix input, Matrix target, Matrix weights, GradientSink sink) {
        Buffers buffers = buffersFor(input);
        checkTarget(target, input.cols());
        if (weights != null && (weights.rows() != 1 || weights.cols() != input.cols())) {
            throw new IllegalArgumentException("the example weights are " + weights.shape() + " where 1x"
                    + input.cols() + " is needed (one per example)");
        }
        feedforward(input, buffers);
        buffers.makeDeltas();

        // BP1: the output layer's delta; with a loss that cancels its activation's derivative, simply a - y.
        int last = spec.depth() - 1;
        Matrix output = buffers.activations[last];
        Activation outputActivation = spec.layer(last).activation();
        if (spec.loss().cancelsWith(outputActivation)) {
            output.subtractInto(target, buffers.deltas[last]);
        } else {
            spec.loss().gradientInto(output, target, buffers.deltas[last]);
            outputActivation.backpropInPlace(output, buffers.deltas[last]);
        }
        if (weights != null) {
            for (int k = 0; k < output.size(); k++) {    // column-major: element k is in column k / rows
                buffers.deltas[last].set(k, weights.get(k / output.rows()) * buffers.deltas[last].get(k));
            }
        }
        for (int l = last; l >= 0; l--) {
            // BP2: the delta of the layer below comes back through this layer's weights.
            if (l > 0) {
                parameters.weights(l).multiplyInto(true, buffers.deltas[l], false, 1.0, buffers.deltas[l - 1]);
                spec.layer(l - 1).activation().backpropInPlace(buffers.activations[l - 1], buffers.deltas[l - 1]);
            }
            sink.layer(l, buffers.deltas[l], l == 0 ? input : buffers.activations[l - 1], 1.0 / input.cols());
        }
    }

    /** Every layer from the input on: {@code a_l = f(W_l a_(l-1) + b_l)}. */
    private void feedforward(Matrix input, Buffers buffers) {
        Matrix previous = input;
        for (int l = 0; l < spec.depth(); l++) {
            Matrix a = buffers.activations[l];
            parameters.weights(l).multiplyInto(previous, a);
            activate(l, a);
            previous = a;
        }
    }

    /** Layer l's bias and activation on its weighted inputs: {@code a = f(z + b)}. */
    private void activate(int l, Matrix z) {
        if (parameters.hasBiases(l)) {
            spec.layer(l).activation().applyInPlace(z, parameters.biases(l));
        } else {
            spec.layer(l).activation().applyInPlace(z);
        }
    }

    private Buffers buffersFor(Matrix input) {
        checkInputRows(input.rows());
        return buffersFor(input.cols());
    }

    private void checkInputRows(int rows) {
        if (rows != spec.inputs()) {
            throw new IllegalArgumentException("the network takes " + spec.inputs() + " inputs per example, but the"
                    + " batch has " + rows + " rows");
        }
    }

    private Buffers buffersFor(int batchSize) {
        for (int k = 0; k < buffersBySize.size(); k++) {
            Buffers buffers = buffersBySize.get(k);
            if (buffers.batchSize == batchSize) {
                return buffers;
            }
        }
        if (buffersBySize.size() == MAX_CACHED_BATCH_SIZES) {
            buffersBySize.remove(0);
        }
        Buffers buffers = new Buffers(batchSize);
        buffersBySize.add(buffers);
        return buffers;
    }

    private void checkTarget(Matrix target, int batchSize) {
        if (target.rows() != spec.outputs() || target.cols() != batchSize) {
            throw new IllegalArgumentException("the targets are " + target.shape() + " where " + spec.outputs() + "x"
                    + batchSize + " is needed (outputs x batch size)");
        }
    }

    /** The activations of every layer for one batch size, and their deltas once backpropagation needs them. */
    private final class Buffers {
        final int batchSize;
        final Matrix[] activations;
        Matrix[] deltas;

        Buffers(int batchSize) {
            this.batchSize = batchSize;
            this.activations = new Matrix[spec.depth()];
            for (int l = 0; l < spec.depth(); l++) {
                activations[l] = factory.zeros(spec.layer(l).size(), batchSize);
            }
        }

        /** Deltas only exist for batch sizes that are trained on, not those only evaluated. */
        void makeDeltas() {
            if (deltas == null) {
                deltas = new Matrix[spec.depth()];
                for (int l = 0; l < spec.depth(); l++) {
                    deltas[l] = factory.zeros(spec.layer(l).size(), batchSize);
                }
            }
        }
    }
}
