package dev.mlpkit.nn;

import dev.mlpkit.linalg.Matrix;

/**
 * Where backpropagation sends each layer's gradient as it finds it, from the last layer to the first, in the factored
 * form of Nielsen's equations BP3 and BP4: the layer's error {@code delta} and its input {@code a_prev}, so that
 * {@code dC/dW = scale * delta a_prev^T} and {@code dC/db = scale * (the row sums of delta)}, with {@code scale} one
 * over the batch size. {@link Gradients} multiplies them out; a trainer may instead move the layer's parameters
 * straight away, since the error of the layer below has already come through its weights.
 */
@FunctionalInterface
public interface GradientSink {

    /**
     * Layer {@code layer}'s (from 0) gradient factors: {@code delta} [size x batch], {@code input} [fanIn x batch]. Both
     * are the network's buffers: use them before the call returns.
     */
    void layer(int layer, Matrix delta, Matrix input, double scale);
}
