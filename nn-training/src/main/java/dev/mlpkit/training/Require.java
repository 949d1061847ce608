package dev.mlpkit.training;

/** Checks of settings whose failures name the setting and the value: {@code learningRate must be > 0, not -1}. */
public final class Require {

    private Require() {
    }

    /** A finite number above 0. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a number above 0, not " + Settings.format(value));
        }
        return value;
    }

    /** A finite number of at least 0. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a number of at least 0, not " + Settings.format(value));
        }
        return value;
    }

    /** A number in [0, 1): a decay or momentum rate. */
    public static double fraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be at least 0 and below 1, not " + Settings.format(value));
        }
        return value;
    }

    /** A whole number of at least 1. */
    public static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return value;
    }
}
