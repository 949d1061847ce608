package dev.mlpkit.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A training set and a validation set cut from one set of examples, as the galaxy tutorial does: shuffle everything,
 * then the first {@code 1 - validationFraction} is for training ({@code int(0.8 * n)} of n: 1640 of 2050) and the
 * rest for validation. Stratified, each class is cut in that proportion on its own, so both sets keep the classes'
 * balance. The shuffle comes from the seed: the same seed, the same split.
 */
public record Split(Examples training, Examples validation) {

    /** Splits {@code all}; {@code validationFraction} is in [0, 1). */
    public static Split of(Examples all, double validationFraction, long seed, boolean stratified) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be at least 0 and below 1, not "
                    + validationFraction);
        }
        SplittableRandom random = new SplittableRandom(seed);
        if (!stratified) {
            int[] order = shuffled(indices(all, -1), random);
            int cut = (int) ((1 - validationFraction) * order.length);
            return new Split(all.select(java.util.Arrays.copyOf(order, cut)),
                    all.select(java.util.Arrays.copyOfRange(order, cut, order.length)));
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validate = new ArrayList<>();
        for (int label : java.util.stream.IntStream.of(all.labels()).distinct().sorted().toArray()) {
            int[] order = shuffled(indices(all, label), random);
            int cut = (int) ((1 - validationFraction) * order.length);
            for (int k = 0; k < order.length; k++) {
                (k < cut ? train : validate).add(order[k]);
            }
        }
        return new Split(all.select(shuffled(toArray(train), random)), all.select(shuffled(toArray(validate), random)));
    }

    private static int[] indices(Examples all, int label) {
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> label < 0 || all.labels()[i] == label).toArray();
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A Fisher-Yates shuffle of {@code values}, in place; returns them. */
    private static int[] shuffled(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }
}
