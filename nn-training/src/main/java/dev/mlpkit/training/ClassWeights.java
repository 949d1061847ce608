package dev.mlpkit.training;

import java.util.Locale;

import dev.mlpkit.linalg.Matrix;

/**
 * How much each class's training examples weigh in the cost {@code (1/n) sum_x w_x C_x}: all alike, or inversely to
 * the class's share ({@code balanced}, scikit-learn's and Keras' {@code n / (k n_c)} for {@code k} classes), so that
 * a rare class is not outvoted. An example's class is its target's largest output, or for one output whether it is at
 * least 0.5.
 */
public enum ClassWeights {
    /** Every example weighs 1. */
    NONE,
    /** Class c's examples weigh {@code n / (k n_c)}: every class weighs as much in all. */
    BALANCED;

    /** The weighting written as {@code text}: none or balanced. */
    public static ClassWeights parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown class weighting '" + text + "': known are none, balanced");
        }
    }

    /**
     * The weight of each class for training examples whose targets are {@code targets}; null for {@link #NONE}. A
     * class with no example gets weight 0, as it never occurs.
     */
    public double[] of(double[][] targets) {
        if (this == NONE || targets.length == 0) {
            return null;
        }
        int[] counts = new int[Math.max(2, targets[0].length)];
        for (double[] target : targets) {
            counts[classOf(target)]++;
        }
        int present = 0;
        for (int count : counts) {
            present += count > 0 ? 1 : 0;
        }
        double[] weights = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            weights[c] = counts[c] == 0 ? 0.0 : targets.length / ((double) present * counts[c]);
        }
        return weights;
    }

    /** Each example's weight, for the batch whose targets are the columns of {@code targets}, into {@code out}. */
    static void weightsInto(double[] classWeights, Matrix targets, Matrix out) {
        double[] target = new double[targets.rows()];
        for (int j = 0; j < targets.cols(); j++) {
            for (int i = 0; i < target.length; i++) {
                target[i] = targets.get(i, j);
            }
            out.set(j, classWeights[classOf(target)]);
        }
    }

    /** The class of an example with this target: its largest output, or for one output whether it is at least 0.5. */
    static int classOf(double[] target) {
        if (target.length == 1) {
            return target[0] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < target.length; c++) {
            if (target[c] > target[best]) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
