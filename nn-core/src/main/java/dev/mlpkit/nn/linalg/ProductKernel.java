package dev.mlpkit.nn.linalg;

/**
 * A faster matrix product for float64 matrices, plugged in with {@link java.util.ServiceLoader} (the nn-simd module
 * registers one on the JDK Vector API). Without one, or when it is not usable on this JVM, ojAlgo multiplies.
 *
 * <p>All arrays are column-major. {@code a} is m x k, or k x m when {@code transposeA}; {@code b} is k x n, or
 * n x k when {@code transposeB}; {@code c} (m x n) is overwritten with {@code op(a) * op(b)}.
 */
public interface ProductKernel {

    /** A short name for logs and benchmarks ({@code simd}). */
    String name();

    /** Whether this kernel can run here; asked once, before its first use. */
    boolean isUsable();

    /** {@code c = op(a) * op(b)}, using up to {@code threads} threads. */
    void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b, double[] c,
            int threads);
}
