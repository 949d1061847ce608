package dev.mlpkit.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/**
 * One weight matrix and one optional bias column per layer, shaped by a {@link NetworkSpec}: what {@link Parameters}
 * and {@link Gradients} have in common.
 *
 * <p>Layer {@code l} (from 0) has weights [size(l) x fanIn(l)] and, when it has biases, biases [size(l) x 1].
 * {@link #matrices()} lists them in a fixed order (layer by layer, weights before biases) with {@link #names()}
 * ({@code layer1.weights}, {@code layer1.biases}, ..., counting layers from 1 as people do), so an optimizer can pair
 * a parameter with its gradient without knowing about layers.
 */
abstract class LayerMatrices {

    private final NetworkSpec spec;
    private final Matrix[] weights;
    private final Matrix[] biases;
    private final List<Matrix> matrices;
    private final List<String> names;

    LayerMatrices(NetworkSpec spec, MatrixFactory factory) {
        this.spec = spec;
        int depth = spec.depth();
        this.weights = new Matrix[depth];
        this.biases = new Matrix[depth];
        List<Matrix> all = new ArrayList<>();
        List<String> allNames = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            LayerSpec layer = spec.layer(l);
            weights[l] = factory.zeros(layer.size(), spec.fanIn(l));
            all.add(weights[l]);
            allNames.add("layer" + (l + 1) + ".weights");
            if (layer.bias()) {
                biases[l] = factory.zeros(layer.size(), 1);
                all.add(biases[l]);
                allNames.add("layer" + (l + 1) + ".biases");
            }
        }
        this.matrices = Collections.unmodifiableList(all);
        this.names = Collections.unmodifiableList(allNames);
    }

    /** The architecture these matrices are shaped by. */
    public NetworkSpec spec() {
        return spec;
    }

    /** Layer {@code layer}'s weights, [size x fanIn]. */
    public Matrix weights(int layer) {
        return weights[layer];
    }

    /** Whether layer {@code layer} has biases. */
    public boolean hasBiases(int layer) {
        return biases[layer] != null;
    }

    /** Layer {@code layer}'s biases, [size x 1]; the layer must have biases. */
    public Matrix biases(int layer) {
        if (biases[layer] == null) {
            throw new IllegalStateException("layer " + (layer + 1) + " has no biases");
        }
        return biases[layer];
    }

    /** Where layer {@code layer}'s weights are in {@link #matrices()} (its biases, if any, come next). */
    public int indexOfWeights(int layer) {
        return matrices.indexOf(weights[layer]);
    }

    /** Every matrix, layer by layer, weights before biases. */
    public List<Matrix> matrices() {
        return matrices;
    }

    /** The name of each matrix of {@link #matrices()}, in the same order. */
    public List<String> names() {
        return names;
    }

    /** The total number of elements. */
    public long count() {
        long n = 0;
        for (Matrix m : matrices) {
            n += m.size();
        }
        return n;
    }

    /** Copies every element of {@code other}, which has the same spec, into these matrices. */
    void copyFrom(LayerMatrices other) {
        if (!other.spec.equals(spec)) {
            throw new IllegalArgumentException("cannot copy matrices of " + other.spec + " into " + spec);
        }
        for (int k = 0; k < matrices.size(); k++) {
            other.matrices.get(k).copyInto(matrices.get(k));
        }
    }

    /** True when no element of any matrix is NaN or infinite. */
    public boolean isAllFinite() {
        for (Matrix m : matrices) {
            if (!m.isAllFinite()) {
                return false;
            }
        }
        return true;
    }
}
