package dev.mlpkit.autodiff;

import java.util.ArrayList;
import java.util.List;

import dev.mlpkit.linalg.Matrix;

/**
 * HIPS Autograd's {@code grad}: a function written once, from its input matrices to a scalar, becomes the function
 * from those inputs to its gradients, each shaped like its input.
 *
 * <pre>
 * Grad.Scalar loss = (tape, w) -> tape.softmaxCrossEntropy(tape.matmul(w.get(1),
 *         tape.sigmoid(tape.matmul(w.get(0), x))), y);
 * List&lt;Matrix&gt; gradients = Grad.of(loss).apply(List.of(w0, w1));   // dL/dW0, dL/dW1
 * </pre>
 */
public final class Grad {

    /** A scalar function of matrices, written with a tape's operations. */
    @FunctionalInterface
    public interface Scalar {
        /** The 1x1 result for {@code inputs} (as the tape's leaves). */
        Var apply(Tape tape, List<Var> inputs);
    }

    /** The gradients of a {@link Scalar} at given inputs. */
    @FunctionalInterface
    public interface Gradient {
        /** {@code df/dinput} for each input, shaped like it. */
        List<Matrix> apply(List<Matrix> inputs);
    }

    private Grad() {
    }

    /** {@code grad(f)}. */
    public static Gradient of(Scalar f) {
        return inputs -> {
            Tape tape = new Tape(inputs.get(0).factory());
            List<Var> leaves = new ArrayList<>();
            for (Matrix input : inputs) {
                leaves.add(tape.leaf(input));
            }
            tape.backward(f.apply(tape, leaves));
            List<Matrix> gradients = new ArrayList<>();
            for (Var leaf : leaves) {
                gradients.add(leaf.grad());
            }
            return gradients;
        };
    }

    /** The value of {@code f} at {@code inputs}, without differentiating. */
    public static double value(Scalar f, List<Matrix> inputs) {
        Tape tape = new Tape(inputs.get(0).factory());
        List<Var> constants = new ArrayList<>();
        for (Matrix input : inputs) {
            constants.add(tape.constant(input));
        }
        return f.apply(tape, constants).scalar();
    }
}
