package dev.mlpkit.linalg;

/**
 * The hot loops under {@link Matrix}, in the shape of BLAS: a general product with transpose flags and a scale
 * ({@code gemm}), also accumulated into a matrix, {@code y += alpha x} ({@code axpy}), gathering columns, and the logistic function of sigmoid layers
 * and its slope. Each comes in float64 and float32, on column-major primitive arrays. A kernel is found with
 * {@link java.util.ServiceLoader} (see {@link Compute#best()}); the defaults here are plain loops, and ojAlgo's kernel
 * only multiplies.
 *
 * <p>A kernel gives the same bits for the same input every time, however many threads it is given for products
 * that split no sum, so that a run resumed from a checkpoint repeats an uninterrupted one.
 */
public interface Kernel {

    /** A short name for logs and benchmarks ({@code simd}, {@code ojalgo}). */
    String name();

    /** Whether this kernel can run here; asked once, before its first use. */
    boolean isUsable();

    /**
     * Told when a {@link MatrixFactory} of {@code precision} ({@code float64} or {@code float32}) is made on this
     * kernel, before its matrices do any work: a kernel that the JIT must compile first may start warming up.
     */
    default void prepare(String precision) {
    }

    /**
     * {@code c = scale * (op(a) * op(b))}: {@code a} is m x k (k x m when {@code transposeA}), {@code b} k x n (n x k
     * when {@code transposeB}), {@code c} m x n. The product is summed first and then multiplied by {@code scale}
     * once, so any scale gives the bits of scaling the finished product.
     */
    void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b, double[] c,
            double scale, int threads);

    /** {@link #multiply(boolean, boolean, int, int, int, double[], double[], double[], double, int)} in float32. */
    void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b, float[] c,
            float scale, int threads);

    /**
     * {@link #multiply(boolean, boolean, int, int, int, double[], double[], double[], double, int) multiply} with
     * {@code b} (k x n, not transposed) the array of a {@linkplain Matrix#makeConstant() constant} matrix, which never
     * changes: a kernel may keep what it derives from it (a packed copy) from call to call, keyed by the array, as
     * BLAS libraries' packed products do. The bits are those of {@code multiply}, which is what this default calls.
     */
    default void multiplyByConstant(boolean transposeA, int m, int n, int k, double[] a, double[] b, double[] c,
            double scale, int threads) {
        multiply(transposeA, false, m, n, k, a, b, c, scale, threads);
    }

    /** {@link #multiplyByConstant(boolean, int, int, int, double[], double[], double[], double, int)} in float32. */
    default void multiplyByConstant(boolean transposeA, int m, int n, int k, float[] a, float[] b, float[] c,
            float scale, int threads) {
        multiply(transposeA, false, m, n, k, a, b, c, scale, threads);
    }

    /**
     * {@code y = y + alpha * (scale * (op(a) * op(b)))}, {@code y} m x n: a product accumulated into a matrix, as a
     * gradient step adds a weight gradient to its weights. The bits are those of {@link #multiply} into {@code c} (m x
     * n, scratch) followed by {@link #addScaled}, which is what this default does; a kernel may add each tile of the
     * product to {@code y} as soon as it is summed and leave {@code c} alone, so what {@code c} holds afterwards is
     * unspecified.
     */
    default void multiplyAdd(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b,
            double scale, double alpha, double[] y, double[] c, int threads) {
        multiply(transposeA, transposeB, m, n, k, a, b, c, scale, threads);
        addScaled(alpha, c, y, m * n, threads);
    }

    /** {@link #multiplyAdd(boolean, boolean, int, int, int, double[], double[], double, double, double[], double[], int)} in float32. */
    default void multiplyAdd(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b,
            float scale, float alpha, float[] y, float[] c, int threads) {
        multiply(transposeA, transposeB, m, n, k, a, b, c, scale, threads);
        addScaled(alpha, c, y, m * n, threads);
    }

    /**
     * {@code y = y + alpha * x} on the first {@code length} elements. Each element rounds twice, the product and then
     * the sum (never one fused multiply-add), so every kernel gives the same bits however it splits the work.
     */
    default void addScaled(double alpha, double[] x, double[] y, int length, int threads) {
        for (int i = 0; i < length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** {@link #addScaled(double, double[], double[], int, int)} in float32. */
    default void addScaled(float alpha, float[] x, float[] y, int length, int threads) {
        for (int i = 0; i < length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /**
     * Column j of {@code out} becomes column {@code picks[from + j]} of {@code x}, for j in {@code [0, count)}; both
     * have {@code rows} rows: a batch gathered from a data set.
     */
    default void gatherColumns(double[] x, int rows, int[] picks, int from, double[] out, int count, int threads) {
        for (int j = 0; j < count; j++) {
            System.arraycopy(x, picks[from + j] * rows, out, j * rows, rows);
        }
    }

    /** {@link #gatherColumns(double[], int, int[], int, double[], int, int)} in float32. */
    default void gatherColumns(float[] x, int rows, int[] picks, int from, float[] out, int count, int threads) {
        for (int j = 0; j < count; j++) {
            System.arraycopy(x, picks[from + j] * rows, out, j * rows, rows);
        }
    }

    /** {@code x = 1 / (1 + e^-x)} on the first {@code length} elements, with {@link Math#exp}. */
    default void logistic(double[] x, int length, int threads) {
        for (int i = 0; i < length; i++) {
            x[i] = 1.0 / (1.0 + Math.exp(-x[i]));
        }
    }

    /**
     * {@link #logistic(double[], int, int)} in float32: computed in double and rounded once, with results below
     * {@link Float#MIN_NORMAL} flushed to zero (see {@link Matrix#toFloat}).
     */
    default void logistic(float[] x, int length, int threads) {
        for (int i = 0; i < length; i++) {
            x[i] = Matrix.toFloat(1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    /**
     * {@code x(i, j) = 1 / (1 + e^-(x(i, j) + column(i)))} for a {@code rows x cols} x: a sigmoid layer's bias and
     * activation. The sum rounds as adding the column in a pass of its own would, so the bits are those of this
     * default (the additions, then {@link #logistic(double[], int, int)}); a kernel may do both in one pass.
     */
    default void addColumnThenLogistic(double[] x, int rows, int cols, double[] column, int threads) {
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                x[j * rows + i] += column[i];
            }
        }
        logistic(x, rows * cols, threads);
    }

    /** {@link #addColumnThenLogistic(double[], int, int, double[], int)} in float32: each sum rounds to float. */
    default void addColumnThenLogistic(float[] x, int rows, int cols, float[] column, int threads) {
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                x[j * rows + i] += column[i];
            }
        }
        logistic(x, rows * cols, threads);
    }

    /** {@code g = g * a (1 - a)} on the first {@code length} elements: the logistic function's backpropagation. */
    default void timesLogisticSlope(double[] a, double[] g, int length) {
        for (int i = 0; i < length; i++) {
            g[i] *= a[i] * (1.0 - a[i]);
        }
    }

    /**
     * {@link #timesLogisticSlope(double[], double[], int)} in float32: each step rounds to float, and results below
     * {@link Float#MIN_NORMAL} become zero, so every kernel gives the same bits.
     */
    default void timesLogisticSlope(float[] a, float[] g, int length) {
        for (int i = 0; i < length; i++) {
            float product = g[i] * (a[i] * (1f - a[i]));
            g[i] = Math.abs(product) < Float.MIN_NORMAL ? 0f : product;
        }
    }
}
