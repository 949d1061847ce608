package dev.mlpkit.nn.linalg;

/**
 * The hot loops of training, plugged in with {@link java.util.ServiceLoader} (the nn-simd module registers a kernel on
 * the JDK Vector API): matrix products (also fused with a weight update, or with a right operand packed once for many
 * products), the logistic function of sigmoid layers (with their bias) and its slope, the update {@code y += alpha x},
 * and gathering a batch from its examples. Without one, or when it is not usable on this JVM, ojAlgo multiplies,
 * {@link Math#exp} computes the logistic function, and plain loops do the rest.
 *
 * <p>In products, all arrays are column-major. {@code a} is m x k, or k x m when {@code transposeA}; {@code b} is k x n, or
 * n x k when {@code transposeB}; {@code c} (m x n) is overwritten with {@code scale * (op(a) * op(b))}: the product
 * first, then one multiplication by {@code scale}, so a scale of 1 changes nothing and any scale gives the same bits as
 * scaling the finished product.
 */
public interface Kernel {

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

    /**
     * A copy of {@code b} ({@code k x n}) laid out for many products {@code op(a) * b} with an {@code a} of {@code m}
     * rows, as BLAS libraries pack a matrix they will multiply again and again (MKL's {@code sgemm_pack} also takes all
     * three sizes): a trainer evaluates the same examples every epoch. This default keeps the copy as it is; a kernel
     * that packs its operands into panels may pack it once here.
     */
    default Object packRight(double[] b, int m, int k, int n) {
        return b.clone();
    }

    /** {@link #packRight(double[], int, int, int)} in float32. */
    default Object packRight(float[] b, int m, int k, int n) {
        return b.clone();
    }

    /**
     * {@code c = scale * (op(a) * b)} for a b that {@link #packRight} made for these sizes, with the bits of
     * {@link #multiply}.
     */
    default void multiplyPacked(boolean transposeA, int m, int n, int k, double[] a, Object packedB, double[] c,
            double scale, int threads) {
        multiply(transposeA, false, m, n, k, a, (double[]) packedB, c, scale, threads);
    }

    /** {@code multiplyPacked} in float32. */
    default void multiplyPacked(boolean transposeA, int m, int n, int k, float[] a, Object packedB, float[] c,
            float scale, int threads) {
        multiply(transposeA, false, m, n, k, a, (float[]) packedB, c, scale, threads);
    }

    /**
     * {@code y = y + alpha * (scale * (op(a) * op(b)))}, {@code y} m x n: a weight gradient that goes straight into
     * its weights. The bits are those of {@link #multiply} into {@code c} followed by {@link #addScaled}, which is what
     * this default does; a kernel may fuse the two, adding each tile of the product to {@code y} as soon as it is
     * summed, and leave {@code c} alone. What {@code c} (m x n, scratch) holds afterwards is unspecified.
     */
    default void multiplyAdd(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b,
            double scale, double alpha, double[] y, double[] c, int threads) {
        multiply(transposeA, transposeB, m, n, k, a, b, c, scale, threads);
        addScaled(alpha, c, y, m * n, threads);
    }

    /** {@code multiplyAdd} in float32. */
    default void multiplyAdd(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b,
            float scale, float alpha, float[] y, float[] c, int threads) {
        multiply(transposeA, transposeB, m, n, k, a, b, c, scale, threads);
        addScaled(alpha, c, y, m * n, threads);
    }

    /**
     * {@code y = y + alpha * x} for the first {@code length} elements (a weight update), using up to {@code threads}
     * threads. Every element rounds twice, the product and then the sum (never one fused multiply-add), so the bits
     * are the same in every kernel and however the work is split.
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
     * Column j of {@code out} (column-major, {@code rows} long) becomes {@code columns[picks[from + j]]}, for j in
     * {@code [0, count)}: a batch gathered from its examples, using up to {@code threads} threads.
     */
    default void gatherColumns(double[][] columns, int[] picks, int from, double[] out, int rows, int count,
            int threads) {
        for (int j = 0; j < count; j++) {
            System.arraycopy(columns[picks[from + j]], 0, out, j * rows, rows);
        }
    }

    /** {@link #gatherColumns(double[][], int[], int, double[], int, int, int)} in float32. */
    default void gatherColumns(float[][] columns, int[] picks, int from, float[] out, int rows, int count,
            int threads) {
        for (int j = 0; j < count; j++) {
            System.arraycopy(columns[picks[from + j]], 0, out, j * rows, rows);
        }
    }

    /**
     * {@code x = 1 / (1 + e^-x)} for the first {@code length} elements. This default is {@link Math#exp}'s, one element
     * at a time. A kernel may differ from it by a few units in the last place, but not from itself: the same input gives
     * the same bits every time, or a training run resumed from a checkpoint would not repeat an uninterrupted one.
     */
    default void logistic(double[] x, int length) {
        for (int i = 0; i < length; i++) {
            x[i] = 1.0 / (1.0 + Math.exp(-x[i]));
        }
    }

    /**
     * {@code x = 1 / (1 + e^-x)} for the first {@code length} elements, float32: results below
     * {@link Float#MIN_NORMAL} become zero, as every float32 function's do. This default computes in double and rounds
     * once.
     */
    default void logistic(float[] x, int length) {
        for (int i = 0; i < length; i++) {
            x[i] = Matrix.toFloat(1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    /**
     * {@code x(i, j) = 1 / (1 + e^-(x(i, j) + bias(i)))} for a {@code rows x cols} column-major x, or without a bias
     * when {@code bias} is null: a sigmoid layer's bias and activation. The sum rounds as adding the bias in a pass of
     * its own would, so the bits are those of this default (the additions, then {@link #logistic(double[], int)}); a
     * kernel may do both in one pass, split over {@code threads}.
     */
    default void logistic(double[] x, double[] bias, int rows, int cols, int threads) {
        for (int j = 0; bias != null && j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                x[j * rows + i] += bias[i];
            }
        }
        logistic(x, rows * cols);
    }

    /** {@link #logistic(double[], double[], int, int, int)} in float32: each sum rounds to float. */
    default void logistic(float[] x, float[] bias, int rows, int cols, int threads) {
        for (int j = 0; bias != null && j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                x[j * rows + i] += bias[i];
            }
        }
        logistic(x, rows * cols);
    }

    /**
     * {@code g = g * a (1 - a)} for the first {@code length} elements: a sigmoid layer's backpropagation, from its
     * outputs {@code a}.
     */
    default void timesLogisticSlope(double[] a, double[] g, int length) {
        for (int i = 0; i < length; i++) {
            g[i] *= a[i] * (1.0 - a[i]);
        }
    }

    /**
     * {@link #timesLogisticSlope(double[], double[], int)} in float32: each step rounds to float, as in every float32
     * framework, and results below {@link Float#MIN_NORMAL} become zero, so every kernel gives the same bits.
     */
    default void timesLogisticSlope(float[] a, float[] g, int length) {
        for (int i = 0; i < length; i++) {
            float product = g[i] * (a[i] * (1f - a[i]));
            g[i] = Math.abs(product) < Float.MIN_NORMAL ? 0f : product;
        }
    }
}
