package dev.mlpkit.linalg;

import java.util.ServiceLoader;

/**
 * What does the work of a {@link MatrixFactory}'s matrices: a {@link Kernel} and how many threads it may use. A value,
 * passed to the factory, so two networks in one JVM can compute on different kernels or thread counts.
 *
 * <p>{@link #best()} is the first usable kernel on the class path (linalg-simd's, when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}) on every core, else ojAlgo's; the system property
 * {@code mlpkit.kernel=ojalgo} makes it ojAlgo's.
 *
 * @param kernel  the hot loops
 * @param threads how many threads one operation may use, 1 or more; one allocates nothing at all
 */
public record Compute(Kernel kernel, int threads) {

    public Compute {
        if (kernel == null) {
            throw new IllegalArgumentException("a Compute needs a kernel");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** The best kernel found here, on every core: the default of {@link MatrixFactory#float64()} and float32(). */
    public static Compute best() {
        return Found.BEST;
    }

    /** ojAlgo's kernel, which every JVM can run, on every core. */
    public static Compute ojAlgo() {
        return new Compute(Found.OJALGO, cores());
    }

    /** This kernel on {@code threads} threads. */
    public Compute withThreads(int threads) {
        return new Compute(kernel, threads);
    }

    /** Another kernel on as many threads. */
    public Compute withKernel(Kernel kernel) {
        return new Compute(kernel, threads);
    }

    /** {@code simd on 2 threads}. */
    @Override
    public String toString() {
        return kernel.name() + " on " + threads + (threads == 1 ? " thread" : " threads");
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The kernels, looked up once: a holder class, so nothing is searched until a matrix is made. */
    private static final class Found {
        static final Kernel OJALGO = new OjAlgoKernel();
        static final Compute BEST = new Compute(search(), cores());

        /** The first usable kernel on the class path; one that cannot load here (no Vector API) is skipped. */
        private static Kernel search() {
            if ("ojalgo".equals(System.getProperty("mlpkit.kernel"))) {
                return OJALGO;
            }
            try {
                for (Kernel candidate : ServiceLoader.load(Kernel.class)) {
                    if (candidate.isUsable()) {
                        return candidate;
                    }
                }
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                // The kernel's classes need a module this JVM was not started with: ojAlgo computes.
            }
            return OJALGO;
        }
    }
}
