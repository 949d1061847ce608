package dev.mlpkit.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.mlpkit.nn.linalg.Matrix;
import dev.mlpkit.nn.linalg.MatrixFactory;
import dev.mlpkit.nn.linalg.PackedMatrix;

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

    /** Inputs packed once for many {@link #feedforward(PackedMatrix)}: the examples a trainer evaluates every epoch. */
    public PackedMatrix pack(Matrix input) {
        checkInputRows(input.rows());
        return input.packedAsRight(spec.layer(0).size());
    }

    /** {@link #feedforward(Matrix)} of inputs packed by {@link #pack}, with the same bits. */
    public Matrix feedforward(PackedMatrix input) {
        checkInputRows(input.rows());
        Buffers buffers = buffersFor(input.cols());
        parameters.weights(0).multiplyInto(input, buffers.activations[0]);
        activate(0, buffers.activations[0]);
        feedforwardFrom(1, buffers.activations[0], buffers);
        return buffers.activations[spec.depth() - 1];
    }

    /**
     * Backpropagation: the mean over the batch's examples of the gradient of the cost, into {@code gradients}.
     *
     * @param input     [inputs x batchSize], one example per column
     * @param target    [outputs x batchSize], the wanted outputs
     * @param gradients where {@code dC/dW} and {@code dC/db} of every layer go, shaped like {@link #parameters()}
     */
    public void backpropInto(Matrix input, Matrix target, Gradients gradients) {
        backprop(input, target, gradients, false, 0.0);
    }

    /**
     * Backpropagation and a step of plain gradient descent at once: every weight and bias moves by {@code -rate} times
     * its mean gradient over the batch. The bits are those of {@link #backpropInto} followed by
     * {@code addScaledInPlace(-rate, gradient)} on every parameter matrix, but each weight gradient goes into its
     * weights as its product sums it ({@link Matrix#multiplyByTransposeAddTo}), which saves writing the gradient and a
     * pass over it and the weights: the galaxy network's first layer takes 0.85 ms instead of 1.0 in float32, and 1.95
     * instead of 2.4 in float64.
     *
     * @param gradients scratch, shaped like {@link #parameters()}; what it holds afterwards is unspecified
     * @param rate      the learning rate, 0 or more (a schedule may end at 0)
     */
    public void backpropAndDescend(Matrix input, Matrix target, Gradients gradients, double rate) {
        if (!(rate >= 0 && rate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the learning rate must be a number from 0 on, not " + rate);
        }
        backprop(input, target, gradients, true, rate);
    }

    /** Backpropagation into {@code gradients}, or with a descent step of {@code rate} when {@code descend}. */
    private void backprop(Matrix input, Matrix target, Gradients gradients, boolean descend, double rate) {
        Buffers buffers = buffersFor(input);
        checkTarget(target, input.cols());
        feedforward(input, buffers);
        buffers.makeDeltas();

        int last = spec.depth() - 1;
        Matrix output = buffers.activations[last];
        Matrix delta = buffers.deltas[last];
        Activation outputActivation = spec.layer(last).activation();
        if (spec.loss().cancelsWith(outputActivation)) {
            output.subtractInto(target, delta);
        } else {
            spec.loss().gradientInto(output, target, delta);
            outputActivation.backpropInPlace(output, delta);
        }

        double perExample = 1.0 / input.cols();
        for (int l = last; l >= 0; l--) {
            delta = buffers.deltas[l];
            Matrix previous = l == 0 ? input : buffers.activations[l - 1];
            if (l > 0) {
                // Before this layer's weights move: the previous layer's delta comes through them.
                parameters.weights(l).transposeMultiplyInto(delta, buffers.deltas[l - 1]);
                spec.layer(l - 1).activation().backpropInPlace(buffers.activations[l - 1], buffers.deltas[l - 1]);
            }
            if (descend) {
                Matrix weights = parameters.weights(l);
                delta.multiplyByTransposeAddTo(previous, perExample, -rate, weights, gradients.weights(l));
            } else {
                delta.multiplyByTransposeInto(previous, perExample, gradients.weights(l));
            }
            if (gradients.hasBiases(l)) {
                delta.rowSumsInto(gradients.biases(l));
                gradients.biases(l).scaleInPlace(perExample);
                if (descend) {
                    parameters.biases(l).addScaledInPlace(-rate, gradients.biases(l));
                }
            }
        }
    }

    private void feedforward(Matrix input, Buffers buffers) {
        feedforwardFrom(0, input, buffers);
    }

    /** Layers {@code first} on, from the activations {@code previous} of the layer before (or the input). */
    private void feedforwardFrom(int first, Matrix previous, Buffers buffers) {
        for (int l = first; l < spec.depth(); l++) {
            Matrix a = buffers.activations[l];
            parameters.weights(l).multiplyInto(previous, a);
            activate(l, a);
            previous = a;
        }
    }

    /** Layer l's bias and activation on its weighted inputs. */
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
