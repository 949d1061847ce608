package dev.mlpkit.nn.simd;

import dev.mlpkit.nn.linalg.Kernel;

/**
 * Matrix products on the JDK Vector API, float64 ({@link DoubleProduct}) and float32 ({@link FloatProduct}), both
 * through {@link PackedProduct}'s blocked loops, and the logistic function ({@link VectorLogistic}). A product is split
 * over the threads so that each packs only its own share of the bigger operand: along the longer side of C, or along k
 * when C is small and k long.
 */
public final class SimdKernel implements Kernel {

    /**
     * Up to this many columns (one image at a time, as classify and serve send them), A is read in place: packing it
     * would cost more than the product.
     */
    private static final int FEW_COLUMNS = 5;
    /**
     * Below this many multiply-adds (about 10 microseconds of work), handing half of it to a helper costs more than it
     * saves. A galaxy network's second-layer products (3.3 million) take 0.04 ms on two threads instead of 0.07.
     */
    private static final long PARALLEL_WORK = 1_000_000;
    /**
     * From this many elements an update is split in two halves: a galaxy network's first weights (a million) then take
     * 0.16 ms instead of 0.35, since each thread finds in its own core's cache the half of the gradient it has just
     * computed (the helper computes a product's first columns, or the first half of its k).
     */
    private static final int PARALLEL_UPDATE = 1 << 18;
    private static final DoubleProduct DOUBLES = new DoubleProduct();
    private static final FloatProduct FLOATS = new FloatProduct();
    /** The threads that take shares; package-private for the test that checks a failed product frees them. */
    static final Helpers HELPERS = new Helpers(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public boolean isUsable() {
        return DoubleProduct.LANES >= 2;
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

    /**
     * Packed into panels once, as every product packs its B: evaluating 2050 galaxy images with them packed took 1.4
     * ms less in float32 (16.3 against 17.7 ms for the first layer, two threads). For a few columns or one row of A,
     * B stays as it is: those products read it in place.
     */
    @Override
    public Object packRight(double[] b, int m, int k, int n) {
        return readsBInPlace(m, n) ? b.clone() : new Packed(DOUBLES.packAll(n, k, b));
    }

    @Override
    public Object packRight(float[] b, int m, int k, int n) {
        return readsBInPlace(m, n) ? b.clone() : new Packed(FLOATS.packAll(n, k, b));
    }

    /** Whether a product of these sizes reads B where it is rather than packing it (see {@link #run}). */
    private static boolean readsBInPlace(int m, int n) {
        return n <= FEW_COLUMNS || m == 1;
    }

    @Override
    public void multiplyPacked(boolean transposeA, int m, int n, int k, double[] a, Object packedB, double[] c,
            double scale, int threads) {
        if (packedB instanceof Packed packed) {
            run(DOUBLES, transposeA, false, m, n, k, a, null, (double[]) packed.panels, c, scale, threads);
        } else {
            multiply(transposeA, false, m, n, k, a, (double[]) packedB, c, scale, threads);
        }
    }

    @Override
    public void multiplyPacked(boolean transposeA, int m, int n, int k, float[] a, Object packedB, float[] c,
            float scale, int threads) {
        if (packedB instanceof Packed packed) {
            run(FLOATS, transposeA, false, m, n, k, a, null, (float[]) packed.panels, c, scale, threads);
        } else {
            multiply(transposeA, false, m, n, k, a, (float[]) packedB, c, scale, threads);
        }
    }

    /** A B packed by {@link PackedProduct#packAll}: a double[] or a float[]. */
    private record Packed(Object panels) {
    }

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

    /**
     * Whether {@code y += alpha * product} can add each tile as it is summed: when the product is packed (not one of
     * the few-column or one-row shapes) and k fits in one block, as in a weight gradient over a batch of up to 256.
     */
    private static boolean fuses(PackedProduct<?> product, int m, int n, int k) {
        return n > FEW_COLUMNS && m > 1 && k <= product.kc;
    }

    @Override
    public void addScaled(double alpha, double[] x, double[] y, int length, int threads) {
        inHalves(length, length, threads, (from, to) -> addScaledRange(alpha, x, y, from, to));
    }

    @Override
    public void addScaled(float alpha, float[] x, float[] y, int length, int threads) {
        inHalves(length, length, threads, (from, to) -> addScaledRange(alpha, x, y, from, to));
    }

    /**
     * A big batch is gathered by rows in two halves, over two threads: the helper copies the first half of every
     * column, the rows its next shares (the first half of k in the forward pass, the first columns of the weight
     * gradient) read, so that it finds them in its own core's cache. A float32 galaxy batch is gathered in 0.13 ms
     * instead of 0.19, and its first layer's forward pass and weight gradient then take 0.95 and 0.9 ms instead of 1.08
     * and 1.0.
     */
    @Override
    public void gatherColumns(double[][] columns, int[] picks, int from, double[] out, int rows, int count,
            int threads) {
        gather(columns, picks, from, out, rows, count, threads);
    }

    @Override
    public void gatherColumns(float[][] columns, int[] picks, int from, float[] out, int rows, int count,
            int threads) {
        gather(columns, picks, from, out, rows, count, threads);
    }

    /** {@code gatherColumns} for arrays of either type: {@link System#arraycopy} takes both. */
    private static void gather(Object[] columns, int[] picks, int from, Object out, int rows, int count, int threads) {
        inHalves(rows, (long) rows * count, threads, (r0, r1) -> {
            for (int j = 0; j < count; j++) {
                System.arraycopy(columns[picks[from + j]], r0, out, j * rows + r0, r1 - r0);
            }
        });
    }

    /**
     * Runs {@code range} over {@code [0, length)}: split in two halves over two threads when the work (how many
     * elements it touches) is big.
     */
    private static void inHalves(int length, long work, int threads, Range range) {
        if (threads < 2 || work < PARALLEL_UPDATE) {
            range.run(0, length);
            return;
        }
        int half = length / 2;
        Helpers.Helper other = HELPERS.start(() -> range.run(0, half));
        try {
            range.run(half, length);
        } finally {
            Helpers.await(other);    // even after a failure here: a helper is never left behind, still claimed
        }
    }

    /** Elements {@code [from, to)} of an element-wise operation. */
    private interface Range {
        void run(int from, int to);
    }

    private static void addScaledRange(double alpha, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static void addScaledRange(float alpha, float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    @Override
    public void logistic(double[] x, int length) {
        VectorLogistic.apply(x, length);
    }

    @Override
    public void logistic(float[] x, int length) {
        VectorLogistic.apply(x, length);
    }

    /**
     * One pass over x, a column at a time, in two halves on two threads when x is big: an evaluation of 2050 galaxy
     * images spent 0.9 ms adding the biases and computing the logistic function of its two hidden layers in four
     * passes on one thread, while the helper waited.
     */
    @Override
    public void logistic(double[] x, double[] bias, int rows, int cols, int threads) {
        inHalves(cols, (long) rows * cols, threads, (from, to) -> {
            if (bias == null) {
                VectorLogistic.apply(x, from * rows, to * rows, null, 0);    // the columns as one run
                return;
            }
            for (int j = from; j < to; j++) {
                VectorLogistic.apply(x, j * rows, (j + 1) * rows, bias, 0);
            }
        });
    }

    @Override
    public void logistic(float[] x, float[] bias, int rows, int cols, int threads) {
        inHalves(cols, (long) rows * cols, threads, (from, to) -> {
            if (bias == null) {
                VectorLogistic.apply(x, from * rows, to * rows, null, 0);    // the columns as one run
                return;
            }
            for (int j = from; j < to; j++) {
                VectorLogistic.apply(x, j * rows, (j + 1) * rows, bias, 0);
            }
        });
    }

    @Override
    public void timesLogisticSlope(float[] a, float[] g, int length) {
        VectorLogistic.timesSlope(a, g, length);
    }

    /** {@code y += alpha * product}, each tile added as it is summed, split over the threads as a product is. */
    private static <T> void add(PackedProduct<T> product, boolean transposeA, boolean transposeB, int m, int n, int k,
            T a, T b, double scale, double alpha, T y, int threads) {
        Share share = (i0, i1, j0, j1) -> product.blockAdd(transposeA, transposeB, m, n, k, a, b, scale, alpha, y, i0,
                i1, j0, j1);
        if (threads < 2 || (long) m * n * k < PARALLEL_WORK) {
            share.run(0, m, 0, n);
        } else {
            split(product, m, n, threads, share);
        }
    }

    /** Rows {@code [i0, i1)} and columns {@code [j0, j1)} of a product. */
    private interface Share {
        void run(int i0, int i1, int j0, int j1);
    }

    /** A product, with B packed already by {@link PackedProduct#packAll} when {@code packedB} is not null. */
    private static <T> void run(PackedProduct<T> product, boolean transposeA, boolean transposeB, int m, int n, int k,
            T a, T b, T packedB, T c, double scale, int threads) {
        if (n <= FEW_COLUMNS) {
            product.fewColumns(transposeA, transposeB, m, n, k, a, b, c, scale);
            return;
        }
        if (m == 1) {
            // One row (a network's single output): C is also C^T, n x 1, in memory, so C^T = op(B)^T op(A)^T is a
            // product with one column, B read in place. A, 1 x k either way, is one run of k numbers. In a packed
            // product, 31 of each panel's 32 rows would be padding: the galaxy network's last layer took 0.4 ms to
            // evaluate 1640 images.
            product.fewColumns(!transposeB, false, n, 1, k, b, a, c, scale);
            return;
        }
        if (threads < 2 || (long) m * n * k < PARALLEL_WORK) {
            product.block(transposeA, transposeB, m, n, k, a, b, packedB, c, scale, 0, m, 0, n, 0, k);
            return;
        }
        if (k >= 4 * Math.max(m, n) && k >= 2 * product.kc) {
            // C is small and k long (a first layer's forward pass): each thread sums half of k into its own C, so
            // each packs half of A and half of B, and the two halves are added at the end. The helper takes the first
            // half, the columns of A its core has just updated (see PARALLEL_UPDATE).
            int middle = k / 2 / product.kc * product.kc;
            T partial = product.partialC(m * n);
            Helpers.Helper other = HELPERS.start(
                    () -> product.block(transposeA, transposeB, m, n, k, a, b, packedB, c, 1.0, 0, m, 0, n, 0, middle));
            try {
                product.block(transposeA, transposeB, m, n, k, a, b, packedB, partial, 1.0, 0, m, 0, n, middle, k);
            } finally {
                Helpers.await(other);
            }
            product.addScaled(c, partial, m * n, scale);
            return;
        }
        split(product, m, n, threads, (i0, i1, j0, j1) -> product.block(transposeA, transposeB, m, n, k, a, b, packedB,
                c, scale, i0, i1, j0, j1, 0, k));
    }

    /**
     * Splits C over the threads: by rows when C is taller than wide (each thread packs half of A, the big operand),
     * else by columns.
     */
    private static void split(PackedProduct<?> product, int m, int n, int threads, Share share) {
        boolean byRows = m > n;
        int unit = byRows ? product.mr : product.nr;
        int size = byRows ? m : n;
        int units = (size + unit - 1) / unit;
        int parts = Math.min(Math.min(threads, units), HELPERS.count() + 1);
        Helpers.Helper[] running = new Helpers.Helper[parts - 1];
        try {
            int start = 0;
            for (int t = 0; t < parts; t++) {
                int from = start;
                int to = t == parts - 1 ? size : (int) ((long) units * (t + 1) / parts) * unit;
                Runnable part = byRows ? () -> share.run(from, to, 0, n) : () -> share.run(0, m, from, to);
                if (t < parts - 1) {
                    running[t] = HELPERS.start(part);
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
