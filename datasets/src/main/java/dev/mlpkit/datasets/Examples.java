package dev.mlpkit.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled examples: example {@code i} is called {@code names.get(i)} (its file), has the features
 * {@code features[i]} and the class {@code labels[i]} (0, 1, ...).
 */
public record Examples(List<String> names, double[][] features, int[] labels) {

    public Examples {
        names = List.copyOf(names);
        if (names.size() != features.length || features.length != labels.length) {
            throw new IllegalArgumentException(names.size() + " names, " + features.length + " feature vectors and "
                    + labels.length + " labels do not match");
        }
    }

    public int size() {
        return labels.length;
    }

    /** How many examples have label {@code label}. */
    public int count(int label) {
        int n = 0;
        for (int l : labels) {
            n += l == label ? 1 : 0;
        }
        return n;
    }

    /** The examples at {@code indices}, in that order. */
    public Examples select(int[] indices) {
        List<String> n = new ArrayList<>(indices.length);
        double[][] f = new double[indices.length][];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            n.add(names.get(indices[k]));
            f[k] = features[indices[k]];
            l[k] = labels[indices[k]];
        }
        return new Examples(n, f, l);
    }

    /** These examples followed by {@code more}. */
    public Examples concat(Examples more) {
        List<String> n = new ArrayList<>(names);
        n.addAll(more.names);
        double[][] f = java.util.Arrays.copyOf(features, size() + more.size());
        System.arraycopy(more.features, 0, f, size(), more.size());
        int[] l = java.util.Arrays.copyOf(labels, size() + more.size());
        System.arraycopy(more.labels, 0, l, size(), more.size());
        return new Examples(n, f, l);
    }
}
