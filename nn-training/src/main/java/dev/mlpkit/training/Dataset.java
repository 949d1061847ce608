package dev.mlpkit.training;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.NetworkSpec;

/**
 * A run's examples held once, in the network's precision: the training examples in the first {@link #trainingSize()}
 * columns, the validation examples after them, inputs and targets one example per column. Batches are gathered from it
 * and both sets are evaluated on it in one pass; its matrices are {@linkplain Matrix#makeConstant() constant}, so the
 * kernel may keep their packed form from epoch to epoch.
 *
 * @param inputs       [features x examples]
 * @param targets      [outputs x examples]
 * @param trainingSize how many of the first columns are training examples
 */
public record Dataset(Matrix inputs, Matrix targets, int trainingSize) {

    /** Training examples, then validation ones (possibly {@link Samples#none()}), as matrices of {@code factory}. */
    public static Dataset of(MatrixFactory factory, Samples training, Samples validation) {
        int n = training.size() + validation.size();
        Matrix inputs = factory.zeros(training.inputs()[0].length, n);
        Matrix targets = factory.zeros(training.targets()[0].length, n);
        for (int j = 0; j < n; j++) {
            Samples from = j < training.size() ? training : validation;
            int i = j < training.size() ? j : j - training.size();
            inputs.setColumn(j, from.inputs()[i]);
            targets.setColumn(j, from.targets()[i]);
        }
        return new Dataset(inputs.makeConstant(), targets.makeConstant(), training.size());
    }

    /** Refuses examples that do not fit {@code spec}, naming the set they belong to. */
    static void checkFits(NetworkSpec spec, Samples samples, String role) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("the " + role + " set is empty");
        }
        if (samples.inputs()[0].length != spec.inputs()) {
            throw new IllegalArgumentException("the " + role + " examples have " + samples.inputs()[0].length
                    + " features but the network takes " + spec.inputs() + " inputs");
        }
        if (samples.targets()[0].length != spec.outputs()) {
            throw new IllegalArgumentException("the " + role + " examples have " + samples.targets()[0].length
                    + " targets but the network has " + spec.outputs() + " outputs");
        }
    }

    /** All examples, training and validation. */
    public int size() {
        return inputs.cols();
    }

    public int validationSize() {
        return size() - trainingSize;
    }

    /** Columns {@code order[from]} on, as many as {@code inputs} has, into a batch. */
    void gatherInto(int[] order, int from, Matrix batchInputs, Matrix batchTargets) {
        inputs.gatherColumnsInto(order, from, batchInputs);
        targets.gatherColumnsInto(order, from, batchTargets);
    }
}
