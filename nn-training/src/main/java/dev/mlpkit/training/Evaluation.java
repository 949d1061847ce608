package dev.mlpkit.training;

import java.util.stream.IntStream;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.nn.Network;

/**
 * A loss and an accuracy over {@code count} examples.
 *
 * @param totalLoss the summed loss
 * @param correct   how many were classified right
 * @param count     how many there were
 */
public record Evaluation(double totalLoss, int correct, int count) {

    /** Evaluation feeds at most this many examples forward at once, to bound the buffers of a large data set. */
    static final int CHUNK = 4096;

    public double meanLoss() {
        return totalLoss / count;
    }

    public double accuracy() {
        return correct / (double) count;
    }

    /** The mean loss and the accuracy of {@code network} on {@code samples}. */
    public static Evaluation of(Network network, Samples samples) {
        return both(network, Dataset.of(network.factory(), samples, Samples.none()))[0];
    }

    /**
     * The evaluations of the training examples and of the validation ones (a count of 0 when there are none), in one
     * pass: the whole data set at once when it fits in one {@link #CHUNK}, else chunk by chunk.
     */
    static Evaluation[] both(Network network, Dataset data) {
        int n = data.size();
        int split = data.trainingSize();
        double[] totalLoss = new double[2];
        int[] correct = new int[2];
        int[] inOrder = n > CHUNK ? IntStream.range(0, n).toArray() : null;
        Matrix inputs = data.inputs();
        Matrix targets = data.targets();
        for (int from = 0; from < n; from += CHUNK) {
            int size = Math.min(CHUNK, n - from);
            if (inOrder != null) {
                if (inputs.cols() != size) {
                    inputs = network.factory().zeros(inputs.rows(), size);
                    targets = network.factory().zeros(targets.rows(), size);
                }
                data.gatherInto(inOrder, from, inputs, targets);
            }
            Matrix output = network.feedforward(inputs);
            for (int part = 0; part < 2; part++) {
                int first = Math.max(part == 0 ? 0 : split, from) - from;
                int end = Math.min(part == 0 ? split : n, from + size) - from;
                if (first < end) {
                    totalLoss[part] += network.spec().loss().total(output, targets, first, end);
                    correct[part] += countCorrect(output, targets, first, end);
                }
            }
        }
        return new Evaluation[] { new Evaluation(totalLoss[0], correct[0], split),
            new Evaluation(totalLoss[1], correct[1], n - split) };
    }

    /**
     * Right means: with one output, {@code a >= 0.5} exactly when the target is {@code >= 0.5} (the galaxy tutorial's
     * prediction); with several, the largest output where the target is largest. Counts columns {@code [from, to)}.
     */
    static int countCorrect(Matrix output, Matrix target, int from, int to) {
        int correct = 0;
        int rows = output.rows();
        for (int j = from; j < to; j++) {
            if (rows == 1) {
                correct += (output.get(0, j) >= 0.5) == (target.get(0, j) >= 0.5) ? 1 : 0;
            } else {
                int predicted = 0;
                int wanted = 0;
                for (int i = 1; i < rows; i++) {
                    predicted = output.get(i, j) > output.get(predicted, j) ? i : predicted;
                    wanted = target.get(i, j) > target.get(wanted, j) ? i : wanted;
                }
                correct += predicted == wanted ? 1 : 0;
            }
        }
        return correct;
    }
}
