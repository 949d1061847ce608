package dev.mlpkit.training;

/**
 * Labelled examples to train or evaluate on: {@code inputs[i]} is example i's features and {@code targets[i]} its
 * wanted outputs. The arrays are used as they are, not copied.
 */
public record Samples(double[][] inputs, double[][] targets) {

    public Samples {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + targets.length + " targets");
        }
        for (int i = 1; i < inputs.length; i++) {
            if (inputs[i].length != inputs[0].length || targets[i].length != targets[0].length) {
                throw new IllegalArgumentException("example " + i + " has " + inputs[i].length + " inputs and "
                        + targets[i].length + " targets, unlike example 0 (" + inputs[0].length + " and "
                        + targets[0].length + ")");
            }
        }
    }

    /** No examples: for a run without a validation set. */
    public static Samples none() {
        return new Samples(new double[0][], new double[0][]);
    }

    public int size() {
        return inputs.length;
    }

    public boolean isEmpty() {
        return inputs.length == 0;
    }
}
