package dev.mlpkit.datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feature-wise standardisation, {@code (x - mean) / deviation}, with the means and standard deviations of the
 * training rows only (a column that never varies is only centred). Saved with a model, so classifying a row later
 * scales it exactly as training did.
 *
 * @param means      each column's mean
 * @param deviations each column's population standard deviation, or 1 where it is 0
 */
public record Standardization(double[] means, double[] deviations) {

    public Standardization {
        if (means.length != deviations.length) {
            throw new IllegalArgumentException(means.length + " means and " + deviations.length + " deviations");
        }
    }

    /** The statistics of {@code rows}. */
    public static Standardization fit(double[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] deviation = new double[d];
        for (double[] row : rows) {
            for (int k = 0; k < d; k++) {
                mean[k] += row[k] / rows.length;
            }
        }
        for (double[] row : rows) {
            for (int k = 0; k < d; k++) {
                deviation[k] += (row[k] - mean[k]) * (row[k] - mean[k]) / rows.length;
            }
        }
        for (int k = 0; k < d; k++) {
            deviation[k] = deviation[k] > 0 ? Math.sqrt(deviation[k]) : 1;
        }
        return new Standardization(mean, deviation);
    }

    /** {@code rows} standardised, as new arrays. */
    public double[][] apply(double[][] rows) {
        double[][] scaled = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            scaled[i] = new double[rows[i].length];
            for (int k = 0; k < rows[i].length; k++) {
                scaled[i][k] = (rows[i][k] - means[k]) / deviations[k];
            }
        }
        return scaled;
    }

    /** The statistics as JSON-ready lists, for a model file. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mean", java.util.Arrays.stream(means).boxed().toList());
        map.put("deviation", java.util.Arrays.stream(deviations).boxed().toList());
        return map;
    }

    /** The statistics {@link #toMap} wrote for {@code columns} columns; a sentence when they do not fit. */
    public static Standardization fromMap(Map<?, ?> map, int columns) {
        double[] mean = numbers(map.get("mean"), columns, "mean");
        double[] deviation = numbers(map.get("deviation"), columns, "deviation");
        for (double v : deviation) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("a standard deviation of " + v + " is not positive");
            }
        }
        return new Standardization(mean, deviation);
    }

    private static double[] numbers(Object value, int columns, String what) {
        if (!(value instanceof List<?> list) || list.size() != columns) {
            throw new IllegalArgumentException("the " + what + " is not a list of " + columns + " numbers");
        }
        double[] numbers = new double[columns];
        for (int k = 0; k < columns; k++) {
            if (!(list.get(k) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException("the " + what + " holds " + list.get(k) + ", not a finite number");
            }
            numbers[k] = n.doubleValue();
        }
        return numbers;
    }
}
