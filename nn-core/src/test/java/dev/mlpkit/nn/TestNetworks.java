package dev.mlpkit.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/** Small random networks, batches and targets for the tests, all from explicit seeds. */
public final class TestNetworks {

    private TestNetworks() {
    }

    /** Every hidden activation with every (output activation, loss) that may follow it. */
    public static List<NetworkSpec> everyPairing() {
        String[] outputs = { "3:sigmoid/bce", "3:softmax/ce", "3:sigmoid/squared", "3:tanh/squared",
            "3:relu/squared", "3:identity/squared" };
        List<NetworkSpec> specs = new ArrayList<>();
        for (String hidden : Activation.names()) {
            for (String output : outputs) {
                specs.add(NetworkSpec.parse("4-5:" + hidden + "-4:" + hidden + ":nobias-" + output));
            }
        }
        return specs;
    }

    /** Parameters drawn from U(-1, 1). */
    public static Parameters randomParameters(NetworkSpec spec, long seed) {
        Parameters parameters = Parameters.zeros(spec, MatrixFactory.float64());
        SplittableRandom random = new SplittableRandom(seed);
        for (Matrix m : parameters.matrices()) {
            m.modifyInPlace(x -> 2.0 * random.nextDouble() - 1.0);
        }
        return parameters;
    }

    /** A batch [rows x cols] from U(-1, 1). */
    public static Matrix randomBatch(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = MatrixFactory.float64().zeros(rows, cols);
        m.modifyInPlace(x -> 2.0 * random.nextDouble() - 1.0);
        return m;
    }

    /** Targets that suit the spec's loss: 0/1 for bce, one-hot for ce, U(-1, 1) for squared error. */
    public static Matrix targetsFor(NetworkSpec spec, int batchSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix y = MatrixFactory.float64().zeros(spec.outputs(), batchSize);
        for (int j = 0; j < batchSize; j++) {
            int hot = random.nextInt(spec.outputs());
            for (int i = 0; i < spec.outputs(); i++) {
                double value = switch (spec.loss().name()) {
                    case "bce" -> random.nextInt(2);
                    case "ce" -> i == hot ? 1.0 : 0.0;
                    default -> 2.0 * random.nextDouble() - 1.0;
                };
                y.set(i, j, value);
            }
        }
        return y;
    }

    /** Column {@code j} of {@code m}. */
    public static double[] column(Matrix m, int j) {
        double[] c = new double[m.rows()];
        for (int i = 0; i < c.length; i++) {
            c[i] = m.get(i, j);
        }
        return c;
    }
}
