package dev.mlpkit.linalg.simd;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import dev.mlpkit.linalg.Kernel;

/**
 * The kernel on the JDK Vector API: products through {@link PackedProduct}'s blocked loops ({@link DoubleProduct},
 * {@link FloatProduct}) and the logistic function through {@link DoubleLogistic} and {@link FloatLogistic}, each
 * pair made from one template at build time. Work is split over as many threads as the caller's {@code Compute} allows, up to one more
 * than the {@link Helpers}: a product along the longer side of C, or along k when C is small and k long, so that each
 * thread packs only its own share of the bigger operand; element-wise work in contiguous ranges. The kernel warms
 * itself up ({@link WarmUp}).
 */
public final class SimdKernel implements Kernel {

    /**
     * Up to this many columns (one image at a time, as classify and serve send them), A is read in place: packing it
     * would cost more than the product.
     */
    private static final int FEW_COLUMNS = 5;
    /** Below this many multiply-adds, handing a share to a helper costs more than it saves. */
    private static final long PARALLEL_WORK = 1_000_000;
    /** Below this many elements, element-wise work stays on the calling thread. */
    private static final long PARALLEL_ELEMENTS = 1 << 18;
    private static final DoubleProduct DOUBLES = new DoubleProduct();
    private static final FloatProduct FLOATS = new FloatProduct();
    /** The threads that take shares, one fewer than the cores; package-private for the tests. */
    final Helpers helpers;
    /** Constant right operands packed into panels, by their arrays, dropped with them. */
    private final Map<Object, Object> packedConstants = Collections.synchronizedMap(new WeakHashMap<>());

    /** The kernel {@link java.util.ServiceLoader} makes: helpers for every core but the caller's. */
    public SimdKernel() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** A kernel with {@code helpers} helper threads: work splits into at most one part more. */
    SimdKernel(int helpers) {
        this.helpers = new Helpers(helpers);
    }

    @Override
    public String name() {
        return "simd";
    }

    /** Usable when vectors hold at least two doubles. */
    @Override
    public boolean isUsable() {
        return DoubleProduct.LANES >= 2;
    }

    /** Starts this precision's {@link WarmUp}, once. */
    @Override
    public void prepare(String precision) {
        WarmUp.start(this, precision);
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b, double[] c,
            double scale, int threads) {
        run(DOUBLES, transposeA, transposeB, m, n, k, a, b, null, c, scale, threads);
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b, float[] c,
            float scale, int threads) {
        run(FLOATS, transposeA, transposeB, m, n, k, a, b, null, c, scale, threads);
    }

    /** A constant B is packed into panels once, the first time, and kept as long as its array lives. */
    @Override
    public void multiplyByConstant(boolean transposeA, int m, int n, int k, double[] a, double[] b, double[] c,
            double scale, int threads) {
        double[] panels = readsBInPlace(m, n) ? null
                : (double[]) packedConstants.computeIfAbsent(b, array -> DOUBLES.packAll(n, k, b));
        run(DOUBLES, transposeA, false, m, n, k, a, b, panels, c, scale, threads);
    }

    @Override
    public void multiplyByConstant(boolean transposeA, int m, int n, int k, float[] a, float[] b, float[] c,
            float scale, int threads) {
        float[] panels = readsBInPlace(m, n) ? null
                : (float[]) packedConstants.computeIfAbsent(b, array -> FLOATS.packAll(n, k, b));
        run(FLOATS, transposeA, false, m, n, k, a, b, panels, c, scale, threads);
    }

    /** Whether a product of these sizes reads B where it is rather than packing it (see {@link #run}). */
    private static boolean readsBInPlace(int m, int n) {
        return n <= FEW_COLUMNS || m == 1;
    }

    /**
     * Each tile of the product is added to {@code y} as soon as it is summed, so the product is never stored, when it
     * is packed (not one of the few-column or one-row shapes) and k fits in one block, as in a weight gradient over a
     * batch of up to a few hundred examples.
     */
    @Override
    public void multiplyAdd(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b,
            double scale, double alpha, double[] y, double[] c, int threads) {
        if (fuses(DOUBLES, m, n, k)) {
            add(DOUBLES, transposeA, transposeB, m, n, k, a, b, scale, alpha, y, threads);
        } else {
            Kernel.super.multiplyAdd(transposeA, transposeB, m, n, k, a, b, scale, alpha, y, c, threads);
        }
    }

    @Override
    public void multiplyAdd(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b,
            float scale, float alpha, float[] y, float[] c, int threads) {
        if (fuses(FLOATS, m, n, k)) {
            add(FLOATS, transposeA, transposeB, m, n, k, a, b, scale, alpha, y, threads);
        } else {
            Kernel.super.multiplyAdd(transposeA, transposeB, m, n, k, a, b, scale, alpha, y, c, threads);
        }
    }

    private static boolean fuses(PackedProduct<?> product, int m, int n, int k) {
        return n > FEW_COLUMNS && m > 1 && k <= product.kc;
    }

    /** {@code y += alpha * product}, each tile added as it is summed, split over the threads as a product is. */
    private <T> void add(PackedProduct<T> product, boolean transposeA, boolean transposeB, int m, int n, int k, T a,
            T b, double scale, double alpha, T y, int threads) {
        WarmUp.awaitIfBig(product.precision, m, n, k);
        if (threads < 2 || (long) m * n * k < PARALLEL_WORK) {
            product.blockAdd(transposeA, transposeB, m, n, k, a, b, scale, alpha, y, 0, m, 0, n);
        } else {
            split(product, m, n, threads, (i0, i1, j0, j1) -> product.blockAdd(transposeA, transposeB, m, n, k, a, b,
                    scale, alpha, y, i0, i1, j0, j1));
        }
    }

    @Override
    public void addScaled(double alpha, double[] x, double[] y, int length, int threads) {
        inParts(length, length, threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] += alpha * x[i];
            }
        });
    }

    @Override
    public void addScaled(float alpha, float[] x, float[] y, int length, int threads) {
        inParts(length, length, threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] += alpha * x[i];
            }
        });
    }

    /**
     * A big batch is gathered by rows, a range of rows per thread: the rows that thread's share of the next products
     * reads (a range of k in the forward pass, of columns in the weight gradient), so it finds them in its own cache.
     */
    @Override
    public void gatherColumns(double[] x, int rows, int[] picks, int from, double[] out, int count, int threads) {
        gather(x, rows, picks, from, out, count, threads);
    }

    @Override
    public void gatherColumns(float[] x, int rows, int[] picks, int from, float[] out, int count, int threads) {
        gather(x, rows, picks, from, out, count, threads);
    }

    /** {@code gatherColumns} for arrays of either type: {@link System#arraycopy} takes both. */
    private void gather(Object x, int rows, int[] picks, int from, Object out, int count, int threads) {
        inParts(rows, (long) rows * count, threads, (r0, r1) -> {
            for (int j = 0; j < count; j++) {
                System.arraycopy(x, picks[from + j] * rows + r0, out, j * rows + r0, r1 - r0);
            }
        });
    }

    @Override
    public void logistic(double[] x, int length, int threads) {
        inParts(length, length, threads, (from, to) -> DoubleLogistic.apply(x, from, to));
    }

    @Override
    public void logistic(float[] x, int length, int threads) {
        inParts(length, length, threads, (from, to) -> FloatLogistic.apply(x, from, to));
    }

    /** One pass over x, a range of columns per thread. */
    @Override
    public void addColumnThenLogistic(double[] x, int rows, int cols, double[] column, int threads) {
        inParts(cols, (long) rows * cols, threads, (from, to) -> {
            for (int j = from; j < to; j++) {
                DoubleLogistic.apply(x, j * rows, (j + 1) * rows, column, 0);
            }
        });
    }

    @Override
    public void addColumnThenLogistic(float[] x, int rows, int cols, float[] column, int threads) {
        inParts(cols, (long) rows * cols, threads, (from, to) -> {
            for (int j = from; j < to; j++) {
                FloatLogistic.apply(x, j * rows, (j + 1) * rows, column, 0);
            }
        });
    }

    @Override
    public void timesLogisticSlope(double[] a, double[] g, int length) {
        DoubleLogistic.timesSlope(a, g, length);
    }

    @Override
    public void timesLogisticSlope(float[] a, float[] g, int length) {
        FloatLogistic.timesSlope(a, g, length);
    }

    /**
     * Runs {@code range} over {@code [0, length)}, cut into one contiguous part per thread when the work (how many
     * elements it touches) is big: the helpers take the first parts, the caller the last.
     */
    private void inParts(int length, long work, int threads, Range range) {
        int parts = work < PARALLEL_ELEMENTS ? 1 : parts(threads, length);
        if (parts == 1) {
            range.run(0, length);
            return;
        }
        Helpers.Helper[] running = new Helpers.Helper[parts - 1];
        try {
            for (int t = 0; t < parts - 1; t++) {
                int from = (int) ((long) length * t / parts);
                int to = (int) ((long) length * (t + 1) / parts);
                running[t] = helpers.start(() -> range.run(from, to));
            }
            range.run((int) ((long) length * (parts - 1) / parts), length);
        } finally {
            Helpers.awaitAll(running);    // even after a failure here: no helper is left behind, still claimed
        }
    }

    /** How many parts work of {@code units} units splits into on {@code threads} threads. */
    private int parts(int threads, int units) {
        return Math.max(1, Math.min(Math.min(threads, units), helpers.count() + 1));
    }

    /** Elements {@code [from, to)} of an element-wise operation. */
    private interface Range {
        void run(int from, int to);
    }

    /** Rows {@code [i0, i1)} and columns {@code [j0, j1)} of a product. */
    private interface Share {
        void run(int i0, int i1, int j0, int j1);
    }

    /** A product, with B packed already by {@link PackedProduct#packAll} when {@code packedB} is not null. */
    private <T> void run(PackedProduct<T> product, boolean transposeA, boolean transposeB, int m, int n, int k,
            T a, T b, T packedB, T c, double scale, int threads) {
        if (n <= FEW_COLUMNS) {
            product.fewColumns(transposeA, transposeB, m, n, k, a, b, c, scale);
            return;
        }
        if (m == 1) {
            // One row (a network's single output): C is also C^T, n x 1, in memory, so C^T = op(B)^T op(A)^T is a
            // product with one column, B read in place; in a packed product most of each panel would be padding.
            product.fewColumns(!transposeB, false, n, 1, k, b, a, c, scale);
            return;
        }
        if (threads < 2 || (long) m * n * k < PARALLEL_WORK) {
            WarmUp.awaitIfBig(product.precision, m, n, k);
            product.block(transposeA, transposeB, m, n, k, a, b, packedB, c, scale, 0, m, 0, n, 0, k);
            return;
        }
        WarmUp.awaitIfBig(product.precision, m, n, k);
        int kParts = parts(threads, k / product.kc);
        if (k >= 4 * Math.max(m, n) && kParts >= 2) {
            splitK(product, transposeA, transposeB, m, n, k, a, b, packedB, c, scale, kParts);
            return;
        }
        split(product, m, n, threads, (i0, i1, j0, j1) -> product.block(transposeA, transposeB, m, n, k, a, b, packedB,
                c, scale, i0, i1, j0, j1, 0, k));
    }

    /**
     * C small and k long (a first layer's forward pass): each part sums its own range of k (whole blocks), packing
     * only its share of A and B; the first part into C, the others into partial sums, added to C in order at the end,
     * the scale applied with the last. The helpers take the first ranges, the columns of A their cores have just
     * updated.
     */
    private <T> void splitK(PackedProduct<T> product, boolean transposeA, boolean transposeB, int m, int n,
            int k, T a, T b, T packedB, T c, double scale, int parts) {
        Helpers.Helper[] running = new Helpers.Helper[parts - 1];
        try {
            for (int t = 0; t < parts; t++) {
                int k0 = kBoundary(product, k, t, parts);
                int k1 = t == parts - 1 ? k : kBoundary(product, k, t + 1, parts);
                T into = t == 0 ? c : product.partial(t - 1, m * n);
                Runnable part = () -> product.block(transposeA, transposeB, m, n, k, a, b, packedB, into, 1.0, 0, m, 0,
                        n, k0, k1);
                if (t < parts - 1) {
                    running[t] = helpers.start(part);
                } else {
                    part.run();
                }
            }
        } finally {
            Helpers.awaitAll(running);
        }
        for (int t = 0; t < parts - 1; t++) {
            product.addScaled(c, product.partial(t, m * n), m * n, t == parts - 2 ? scale : 1.0);
        }
    }

    /** Where part {@code t} of {@code parts} starts in k: a whole number of blocks. */
    private static int kBoundary(PackedProduct<?> product, int k, int t, int parts) {
        return (int) ((long) k * t / parts) / product.kc * product.kc;
    }

    /**
     * Splits C over the threads: by rows when C is taller than wide (each thread packs its share of A, the big
     * operand), else by columns, in whole panels.
     */
    private void split(PackedProduct<?> product, int m, int n, int threads, Share share) {
        boolean byRows = m > n;
        int unit = byRows ? product.mr : product.nr;
        int size = byRows ? m : n;
        int units = (size + unit - 1) / unit;
        int parts = parts(threads, units);
        Helpers.Helper[] running = new Helpers.Helper[parts - 1];
        try {
            int start = 0;
            for (int t = 0; t < parts; t++) {
                int from = start;
                int to = t == parts - 1 ? size : (int) ((long) units * (t + 1) / parts) * unit;
                Runnable part = byRows ? () -> share.run(from, to, 0, n) : () -> share.run(0, m, from, to);
                if (t < parts - 1) {
                    running[t] = helpers.start(part);
                } else {
                    part.run();
                }
                start = to;
            }
        } finally {
            Helpers.awaitAll(running);    // even after a failure here: no helper is left behind, still claimed
        }
    }
}
