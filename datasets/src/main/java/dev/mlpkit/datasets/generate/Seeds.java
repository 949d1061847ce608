package dev.mlpkit.datasets.generate;

/** Independent seeds for each generated item, so items can be made in any order, or in parallel, with equal results. */
public final class Seeds {

    private Seeds() {
    }

    /** A well-mixed seed for item {@code index} of stream {@code stream} of a run seeded with {@code seed}. */
    public static long of(long seed, int stream, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
