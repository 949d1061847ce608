package dev.mlpkit.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlpkit.linalg.Matrix;

/**
 * The cost of one example, {@code C_x(a, y)}, for the output {@code a} and target {@code y} of a whole batch (one
 * example per column). The network's cost is the mean over the batch's examples.
 */
public interface Loss {

    /** {@code -sum(y ln(a + 1e-8) + (1 - y) ln(1 - a + 1e-8))}, the galaxy tutorial's loss; after a sigmoid output. */
    Loss BINARY_CROSS_ENTROPY = new BinaryCrossEntropy();
    /** {@code sum((a - y)^2)}, the circle/line tutorial's loss; after any output but softmax. */
    Loss SQUARED_ERROR = new SquaredError();
    /** {@code -sum(y ln(a + 1e-8))} over the classes; after a softmax output, with one-hot (or summing-to-1) targets. */
    Loss SOFTMAX_CROSS_ENTROPY = new SoftmaxCrossEntropy();

    /** The lowercase name used in network specs and model files. */
    String name();

    /** The sum over the batch's examples of each example's cost. */
    default double total(Matrix output, Matrix target) {
        return total(output, target, 0, output.cols());
    }

    /** The sum of the costs of the examples in columns {@code [from, to)}, summed in column order. */
    double total(Matrix output, Matrix target, int from, int to);

    /** {@code dC_x/da} for every example, into {@code out} (all three [outputs x batch]). */
    void gradientInto(Matrix output, Matrix target, Matrix out);

    /**
     * Whether this loss after {@code output} gives the output delta {@code dC/dz = a - y} (sigmoid with binary
     * cross-entropy, softmax with cross-entropy): the terms of the activation's derivative cancel, and the network
     * skips them.
     */
    boolean cancelsWith(Activation output);

    /** Throws, naming both, when this loss cannot follow {@code output}. */
    void checkOutputActivation(Activation output);

    /** The built-in loss called {@code name}. */
    static Loss named(String name) {
        Loss loss = Builtins.ALL.get(name);
        if (loss == null) {
            throw new IllegalArgumentException("unknown loss '" + name + "': known are " + names());
        }
        return loss;
    }

    /** The names of the built-in losses. */
    static List<String> names() {
        return List.copyOf(Builtins.ALL.keySet());
    }

    /** The loss a layer with this output activation uses unless told otherwise. */
    static Loss naturalFor(Activation output) {
        if (output == Activation.SIGMOID) {
            return BINARY_CROSS_ENTROPY;
        }
        if (output == Activation.SOFTMAX) {
            return SOFTMAX_CROSS_ENTROPY;
        }
        return SQUARED_ERROR;
    }

    /** The built-ins by name, in a holder so the map is built after the constants above. */
    final class Builtins {
        private static final Map<String, Loss> ALL = new LinkedHashMap<>();

        static {
            for (Loss loss : new Loss[] { BINARY_CROSS_ENTROPY, SQUARED_ERROR, SOFTMAX_CROSS_ENTROPY }) {
                ALL.put(loss.name(), loss);
            }
        }

        private Builtins() {
        }
    }
}
