package dev.mlpkit.nn.linalg;

/**
 * A faster matrix product, plugged in with {@link java.util.ServiceLoader} (the nn-simd module registers one on the
 * JDK Vector API). Without one, or when it is not usable on this JVM, ojAlgo multiplies.
 *
 * <p>All arrays are column-major. {@code a} is m x k, or k x m when {@code transposeA}; {@code b} is k x n, or
 * n x k when {@code transposeB}; {@code c} (m x n) is overwritten with {@code scale * (op(a) * op(b))}: the product
 * first, then one multiplication by {@code scale}, so a scale of 1 changes nothing and any scale gives the same bits as
 * scaling the finished product.
 */
public interface ProductKernel {

    /** A short name for logs and benchmarks ({@code simd}). */
    String name();

    /** Whether this kernel can run here; asked once, before its first use. */
    boolean isUsable();

    /** {@code c = scale * (op(a) * op(b))} in float64, using up to {@code threads} threads. */
    void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b, double[] c,
            double scale, int threads);

    /** {@code c = scale * (op(a) * op(b))} in float32, using up to {@code threads} threads. */
    void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b, float[] c,
            float scale, int threads);
}
