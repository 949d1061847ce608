package dev.mlpkit.autodiff;

import dev.mlpkit.linalg.Matrix;

/**
 * A matrix on a {@link Tape}: its value from the forward pass and, after {@link Tape#backward}, its gradient
 * {@code dL/dvalue}, shaped like it. An operation's result remembers how to send its gradient to its operands.
 */
public final class Var {

    Matrix value;
    Matrix grad;
    /** A buffer of the operation's own for its backward step (a bias's row sums), made on first need. */
    Matrix scratch;
    boolean needsGrad;
    Runnable backward;

    Var(Matrix value, Matrix grad, boolean needsGrad) {
        this.value = value;
        this.grad = grad;
        this.needsGrad = needsGrad;
    }

    /** The forward value. */
    public Matrix value() {
        return value;
    }

    /** {@code dL/dvalue} once {@link Tape#backward} has run; null for a constant. */
    public Matrix grad() {
        return grad;
    }

    public int rows() {
        return value.rows();
    }

    public int cols() {
        return value.cols();
    }

    /** The value of a 1x1 result, such as a loss. */
    public double scalar() {
        if (value.size() != 1) {
            throw new IllegalStateException("a " + value.shape() + " value is not a scalar");
        }
        return value.get(0);
    }
}
