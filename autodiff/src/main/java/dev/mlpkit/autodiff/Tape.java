package dev.mlpkit.autodiff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/**
 * Reverse-mode automatic differentiation over matrices, as micrograd does it over numbers: every operation computes
 * its value at once and records, next to it, how its result's gradient flows back to its operands (the local
 * derivative times the incoming gradient, the chain rule). {@link #backward} then runs those steps from the last
 * operation to the first. Each operation's forward and backward are written side by side below.
 *
 * <p>A tape is reused from step to step: {@link #reset} starts a new pass, and the n-th operation of the new pass
 * takes the buffers of the n-th operation of the last one when their shapes agree, so a training loop that repeats
 * the same computation allocates its matrices once. Gradients accumulate ({@code +=}), so a value used twice gets both
 * contributions.
 *
 * <p>The losses take the batch's total; {@link #backward(Var, double)} seeds the loss's gradient with a factor (one
 * over the batch size for a mean).
 */
public final class Tape {

    private final MatrixFactory factory;
    private final List<Var> nodes = new ArrayList<>();
    private final List<Var> leaves = new ArrayList<>();
    private int used;

    /** A tape whose results are matrices of {@code factory} (its precision and kernel). */
    public Tape(MatrixFactory factory) {
        this.factory = factory;
    }

    /** Starts a new pass, reusing the last pass's buffers in order. */
    public void reset() {
        used = 0;
        leaves.clear();
    }

    /** A value to differentiate with respect to (a weight matrix): its gradient goes into {@code grad}. */
    public Var leaf(Matrix value, Matrix grad) {
        Var v = new Var(value, grad, true);
        leaves.add(v);
        return v;
    }

    /** A value to differentiate with respect to, with a gradient buffer of the tape's own. */
    public Var leaf(Matrix value) {
        return leaf(value, factory.zeros(value.rows(), value.cols()));
    }

    /** A value that is not differentiated (inputs, targets): no gradient flows into it. */
    public Var constant(Matrix value) {
        return new Var(value, null, false);
    }

    /** The next operation's result, of {@code rows x cols}, needing a gradient if any operand does. */
    private Var result(int rows, int cols, Var... operands) {
        boolean needsGrad = false;
        for (Var o : operands) {
            needsGrad |= o.needsGrad;
        }
        Var v;
        if (used < nodes.size() && nodes.get(used).value.rows() == rows && nodes.get(used).value.cols() == cols) {
            v = nodes.get(used);
        } else {
            v = new Var(factory.zeros(rows, cols), factory.zeros(rows, cols), false);
            if (used < nodes.size()) {
                nodes.set(used, v);
            } else {
                nodes.add(v);
            }
        }
        used++;
        v.needsGrad = needsGrad;
        v.backward = null;
        return v;
    }

    /**
     * {@code dL/dv} for every {@code v} on the tape, from the scalar {@code loss} seeded with {@code seed}
     * ({@code dL/dloss}): 1 for the loss itself, {@code 1/n} for its mean over a batch of n.
     */
    public void backward(Var loss, double seed) {
        for (Var leaf : leaves) {
            leaf.grad.fillInPlace(0);
        }
        for (int k = 0; k < used; k++) {
            nodes.get(k).grad.fillInPlace(0);
        }
        loss.grad.fillInPlace(seed);
        for (int k = used - 1; k >= 0; k--) {
            Var v = nodes.get(k);
            if (v.needsGrad && v.backward != null) {
                v.backward.run();
            }
        }
    }

    /** {@code dL/dv} for every {@code v} on the tape, from the scalar {@code loss}. */
    public void backward(Var loss) {
        backward(loss, 1);
    }

    // ---- Matrix products and sums -----------------------------------------------------------------------------

    /** {@code a b}. Backward: {@code dA += dOut b^T}, {@code dB += a^T dOut}. */
    public Var matmul(Var a, Var b) {
        Var out = result(a.rows(), b.cols(), a, b);
        a.value.multiplyInto(false, b.value, false, 1, out.value);
        out.backward = () -> {
            if (a.needsGrad) {
                out.grad.multiplyAddInto(false, b.value, true, 1, 1, a.grad);
            }
            if (b.needsGrad) {
                a.value.multiplyAddInto(true, out.grad, false, 1, 1, b.grad);
            }
        };
        return out;
    }

    /** {@code a} with the column {@code bias} added to each of its columns. Backward: {@code da += dOut}, {@code db += row sums of dOut}. */
    public Var addColumn(Var a, Var bias) {
        Var out = result(a.rows(), a.cols(), a, bias);
        a.value.copyInto(out.value);
        out.value.addColumnToEachColumnInPlace(bias.value);
        out.backward = () -> {
            if (a.needsGrad) {
                a.grad.addScaledInPlace(1, out.grad);
            }
            if (bias.needsGrad) {
                if (out.scratch == null || out.scratch.rows() != bias.rows()) {
                    out.scratch = factory.zeros(bias.rows(), 1);
                }
                out.grad.rowSumsInto(out.scratch);
                bias.grad.addScaledInPlace(1, out.scratch);
            }
        };
        return out;
    }

    /** {@code a + b}. Backward: both get {@code dOut}. */
    public Var add(Var a, Var b) {
        Var out = result(a.rows(), a.cols(), a, b);
        a.value.copyInto(out.value);
        out.value.addScaledInPlace(1, b.value);
        out.backward = () -> {
            accumulate(a, 1, out.grad);
            accumulate(b, 1, out.grad);
        };
        return out;
    }

    /** {@code a - b}. Backward: {@code da += dOut}, {@code db -= dOut}. */
    public Var sub(Var a, Var b) {
        Var out = result(a.rows(), a.cols(), a, b);
        a.value.subtractInto(b.value, out.value);
        out.backward = () -> {
            accumulate(a, 1, out.grad);
            accumulate(b, -1, out.grad);
        };
        return out;
    }

    /** {@code a * b} element by element. Backward: {@code da += dOut * b}, {@code db += dOut * a}. */
    public Var mul(Var a, Var b) {
        Var out = result(a.rows(), a.cols(), a, b);
        a.value.copyInto(out.value);
        out.value.multiplyElementwiseInPlace(b.value);
        out.backward = () -> {
            for (int k = 0; k < out.value.size(); k++) {
                double g = out.grad.get(k);
                if (a.needsGrad) {
                    a.grad.set(k, a.grad.get(k) + g * b.value.get(k));
                }
                if (b.needsGrad) {
                    b.grad.set(k, b.grad.get(k) + g * a.value.get(k));
                }
            }
        };
        return out;
    }

    /** {@code c a}. Backward: {@code da += c dOut}. */
    public Var scale(Var a, double c) {
        Var out = result(a.rows(), a.cols(), a);
        a.value.copyInto(out.value);
        out.value.scaleInPlace(c);
        out.backward = () -> accumulate(a, c, out.grad);
        return out;
    }

    /** The sum of all elements, 1x1. Backward: every element gets {@code dOut}. */
    public Var sum(Var a) {
        Var out = result(1, 1, a);
        double s = 0;
        for (int k = 0; k < a.value.size(); k++) {
            s += a.value.get(k);
        }
        out.value.set(0, s);
        out.backward = () -> {
            double g = out.grad.get(0);
            for (int k = 0; k < a.value.size(); k++) {
                a.grad.set(k, a.grad.get(k) + g);
            }
        };
        return out;
    }

    /** The mean of all elements, 1x1. */
    public Var mean(Var a) {
        return scale(sum(a), 1.0 / a.value.size());
    }

    // ---- Element-wise functions: f and f' side by side ---------------------------------------------------------

    /** The logistic function. Backward: {@code dz += dOut a (1 - a)}. */
    public Var sigmoid(Var z) {
        Var out = result(z.rows(), z.cols(), z);
        z.value.copyInto(out.value);
        out.value.logisticInPlace();
        out.backward = () -> chain(z, out, a -> a * (1 - a), true);
        return out;
    }

    /** The hyperbolic tangent. Backward: {@code dz += dOut (1 - a^2)}. */
    public Var tanh(Var z) {
        return map(z, Math::tanh, a -> 1 - a * a, true);
    }

    /** {@code max(0, z)}. Backward: {@code dz += dOut} where {@code z > 0}. */
    public Var relu(Var z) {
        return map(z, x -> x > 0 ? x : 0, x -> x > 0 ? 1 : 0, false);
    }

    /** {@code e^z}. Backward: {@code dz += dOut e^z}. */
    public Var exp(Var z) {
        return map(z, Math::exp, a -> a, true);
    }

    /** {@code ln z}. Backward: {@code dz += dOut / z}. */
    public Var log(Var z) {
        return map(z, Math::log, x -> 1 / x, false);
    }

    /**
     * {@code f} on each element; backward {@code dz += dOut f'}, with {@code derivative} a function of the output
     * {@code a} when {@code ofOutput}, else of the input {@code z}.
     */
    public Var map(Var z, DoubleUnaryOperator f, DoubleUnaryOperator derivative, boolean ofOutput) {
        Var out = result(z.rows(), z.cols(), z);
        z.value.copyInto(out.value);
        out.value.modifyInPlace(f);
        out.backward = () -> chain(z, out, derivative, ofOutput);
        return out;
    }

    /** {@code dz += dOut * f'}, element by element. */
    private static void chain(Var z, Var out, DoubleUnaryOperator derivative, boolean ofOutput) {
        if (!z.needsGrad) {
            return;
        }
        Matrix at = ofOutput ? out.value : z.value;
        for (int k = 0; k < out.value.size(); k++) {
            z.grad.set(k, z.grad.get(k) + out.grad.get(k) * derivative.applyAsDouble(at.get(k)));
        }
    }

    /**
     * {@code e^z_i / sum_j e^z_j} in each column, shifted by the column's largest value (the same result, no
     * overflow). Backward, per column: {@code dz_i += a_i (dOut_i - sum_j dOut_j a_j)}.
     */
    public Var softmax(Var z) {
        Var out = result(z.rows(), z.cols(), z);
        softmaxInto(z.value, out.value);
        out.backward = () -> {
            if (!z.needsGrad) {
                return;
            }
            for (int j = 0; j < out.cols(); j++) {
                double dot = 0;
                for (int i = 0; i < out.rows(); i++) {
                    dot += out.grad.get(i, j) * out.value.get(i, j);
                }
                for (int i = 0; i < out.rows(); i++) {
                    z.grad.set(i, j, z.grad.get(i, j) + out.value.get(i, j) * (out.grad.get(i, j) - dot));
                }
            }
        };
        return out;
    }

    private static void softmaxInto(Matrix z, Matrix out) {
        for (int j = 0; j < z.cols(); j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < z.rows(); i++) {
                max = Math.max(max, z.get(i, j));
            }
            double total = 0;
            for (int i = 0; i < z.rows(); i++) {
                double e = Math.exp(z.get(i, j) - max);
                out.set(i, j, e);
                total += e;
            }
            for (int i = 0; i < z.rows(); i++) {
                out.set(i, j, out.get(i, j) / total);
            }
        }
    }

    // ---- Losses: the batch's total, 1x1 --------------------------------------------------------------------------

    /** {@code sum (a - y)^2}. Backward: {@code da += dOut 2 (a - y)}. */
    public Var squaredError(Var a, Var y) {
        Var out = result(1, 1, a);
        double s = 0;
        for (int k = 0; k < a.value.size(); k++) {
            double d = a.value.get(k) - y.value.get(k);
            s += d * d;
        }
        out.value.set(0, s);
        out.backward = () -> {
            double g = out.grad.get(0);
            for (int k = 0; k < a.value.size(); k++) {
                a.grad.set(k, a.grad.get(k) + g * 2 * (a.value.get(k) - y.value.get(k)));
            }
        };
        return out;
    }

    /**
     * Binary cross-entropy of the logistic function of {@code z}, {@code -sum(y ln(a + 1e-8) + (1 - y) ln(1 - a +
     * 1e-8))} with {@code a = sigmoid(z)}, as one operation, as frameworks fuse it ({@code BCEWithLogits}):
     * backward {@code dz += dOut (a - y)}, the terms of the logistic's slope cancelling (the 1e-8 that guards the
     * logarithm is not differentiated, as backpropagation's {@code a - y} leaves it out).
     */
    public Var sigmoidBinaryCrossEntropy(Var z, Var y) {
        Var a = sigmoid(z);
        double s = 0;
        for (int k = 0; k < a.value.size(); k++) {
            double p = a.value.get(k);
            double t = y.value.get(k);
            s -= t * Math.log(p + 1e-8) + (1 - t) * Math.log(1 - p + 1e-8);
        }
        return fused(z, a, y, s);
    }

    /**
     * Cross-entropy of the softmax of {@code z}, {@code -sum(y ln(a + 1e-8))} with {@code a = softmax(z)}, as one
     * operation: backward {@code dz += dOut (a - y)} for targets that sum to 1 per column.
     */
    public Var softmaxCrossEntropy(Var z, Var y) {
        Var a = softmax(z);
        double s = 0;
        for (int k = 0; k < a.value.size(); k++) {
            s -= y.value.get(k) * Math.log(a.value.get(k) + 1e-8);
        }
        return fused(z, a, y, s);
    }

    /**
     * A loss fused with the output activation {@code a} of {@code z}: its value {@code total}, and a backward that
     * sends {@code z} the gradient {@code dOut (a - y)} itself ({@code a}'s own backward step is dropped).
     */
    private Var fused(Var z, Var a, Var y, double total) {
        a.backward = null;
        Var out = result(1, 1, z);
        out.value.set(0, total);
        out.backward = () -> {
            if (z.needsGrad) {
                double g = out.grad.get(0);
                for (int k = 0; k < z.value.size(); k++) {
                    z.grad.set(k, z.grad.get(k) + g * (a.value.get(k) - y.value.get(k)));
                }
            }
        };
        return out;
    }

    /** A gradient {@code g} added into {@code v}'s, times {@code c}, if {@code v} wants one. */
    private static void accumulate(Var v, double c, Matrix g) {
        if (v.needsGrad) {
            v.grad.addScaledInPlace(c, g);
        }
    }
}
