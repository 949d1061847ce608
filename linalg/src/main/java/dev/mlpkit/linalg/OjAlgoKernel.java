package dev.mlpkit.linalg;

import java.util.Arrays;

import org.ojalgo.array.operation.AXPY;
import org.ojalgo.concurrent.ProcessingService;
import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;

/**
 * The kernel every JVM can run: ojAlgo's own row-major product, the algorithm of its {@code RawStore}. Each row of the
 * product is a sum of rows of the right operand, each scaled by one element of the left row (ojAlgo's AXPY), and the
 * rows are shared out over the threads by ojAlgo's divider.
 *
 * <p>ojAlgo's column-major {@code R064Store} product runs the same additions at two offsets of one array, a loop the
 * JIT does not vectorise, while on separate row arrays it does. So the operands are copied into rows first and the
 * product is made transposed, {@code c^T = op(b)^T * op(a)^T}: rows of the copies and of the result are then columns
 * of the column-major arrays, mostly a plain {@link System#arraycopy} away. The inner dimension is cut into blocks of
 * {@value #INNER_BLOCK} so that the rows of the right operand in use stay in the core's cache while every row of the
 * product passes over them. {@code docs/speed.md} compares it with ojAlgo's store product.
 *
 * <p>Each element is one sum in index order, made by one thread: the same bits on any number of threads. float32
 * operands are widened and summed in double, then rounded once (but for the few-column products left to ojAlgo's
 * float store, which sums in float).
 */
final class OjAlgoKernel implements Kernel {

    /** How much of the inner dimension one pass over the product's rows covers. */
    static final int INNER_BLOCK = 128;
    /**
     * Fewer columns than this, with untransposed operands and more than ten rows (ojAlgo's own small-row paths sum in
     * another order): copying A into rows would cost about as much as the product, so ojAlgo's column-major product
     * reads the arrays in place (a network classifying one image).
     */
    private static final int FEW_COLUMNS = 4;
    /** Below this many multiply-adds a product runs on the calling thread: the hand-over would cost more. */
    private static final long PARALLEL_WORK = 1L << 20;

    private final ThreadLocal<Product> products = ThreadLocal.withInitial(Product::new);

    @Override
    public String name() {
        return "ojalgo";
    }

    @Override
    public boolean isUsable() {
        return true;
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b,
            double[] c, double scale, int threads) {
        if (inPlace(transposeA, transposeB, m, n)) {
            R064Store product = R064Store.wrap(c, m);
            product.fillByMultiplying(R064Store.wrap(a, m), R064Store.wrap(b, k));
            for (int i = 0; scale != 1.0 && i < m * n; i++) {
                c[i] *= scale;
            }
            return;
        }
        Product product = products.get().of(m, n, k, transposeB, b, c, scale);
        copyRows(transposeA, a, m, k, product.right, 0, k);
        product.run(threads);
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b, float[] c,
            float scale, int threads) {
        if (inPlace(transposeA, transposeB, m, n)) {
            R032Store product = R032Store.wrap(c, m);
            product.fillByMultiplying(R032Store.wrap(a, m), R032Store.wrap(b, k));
            for (int i = 0; i < m * n; i++) {
                c[i] = Matrix.toFloat(c[i] * scale);
            }
            return;
        }
        Product product = products.get().of(m, n, k, transposeB, b, c, scale);
        copyRows(transposeA, a, m, k, product.right, 0, k);
        product.run(threads);
    }

    private static boolean inPlace(boolean transposeA, boolean transposeB, int m, int n) {
        return n < FEW_COLUMNS && m > 10 && !transposeA && !transposeB;
    }

    /**
     * Rows {@code [first, limit)} of op(x)^T, where op(x) is {@code k x n}: column j of op(x) becomes row j. Without the
     * transpose, that column is contiguous in the column-major array; with it, x is {@code n x k} and the row is
     * gathered across. (The left operand is op(b)^T this way, and the right one op(a)^T with {@code k, n} = m, k.)
     */
    private static void copyRows(boolean transposed, double[] x, int k, int n, double[][] rows, int first, int limit) {
        for (int j = first; j < limit; j++) {
            double[] row = rows[j];
            if (transposed) {
                for (int p = 0; p < k; p++) {
                    row[p] = x[j + p * n];
                }
            } else {
                System.arraycopy(x, j * k, row, 0, k);
            }
        }
    }

    private static void copyRows(boolean transposed, float[] x, int k, int n, double[][] rows, int first, int limit) {
        for (int j = first; j < limit; j++) {
            double[] row = rows[j];
            for (int p = 0; p < k; p++) {
                row[p] = transposed ? x[j + p * n] : x[p + j * k];
            }
        }
    }

    /**
     * One product in progress: its operands as rows, and the arrays it reads and writes. Kept per thread and reused, so
     * a product on the calling thread allocates nothing once its shapes have been seen.
     */
    private static final class Product {

        private final Shelf lefts = new Shelf();
        private final Shelf rights = new Shelf();
        private final Shelf results = new Shelf();
        private int m;
        private int n;
        private int k;
        /** op(b)^T, n x k. */
        private double[][] left;
        /** op(a)^T, k x m. */
        private double[][] right;
        /** c^T, n x m. */
        private double[][] result;
        private boolean transposeB;
        private double[] b;
        private double[] c;
        private float[] bFloats;
        private float[] cFloats;
        private double scale;

        /** This thread's product set up for {@code c = scale * op(a) * op(b)} in float64; op(a) is still to be copied. */
        Product of(int m, int n, int k, boolean transposeB, double[] b, double[] c, double scale) {
            this.b = b;
            this.c = c;
            bFloats = null;
            cFloats = null;
            return shape(m, n, k, transposeB, scale);
        }

        /** The same in float32. */
        Product of(int m, int n, int k, boolean transposeB, float[] b, float[] c, float scale) {
            this.b = null;
            this.c = null;
            bFloats = b;
            cFloats = c;
            return shape(m, n, k, transposeB, scale);
        }

        private Product shape(int m, int n, int k, boolean transposeB, double scale) {
            this.m = m;
            this.n = n;
            this.k = k;
            this.transposeB = transposeB;
            this.scale = scale;
            left = lefts.take(n, k);
            right = rights.take(k, m);
            result = results.take(n, m);
            return this;
        }

        /** Columns {@code [0, n)} of c, shared out over up to {@code threads} threads when the work is worth it. */
        void run(int threads) {
            if (threads == 1 || n < 2 || (long) m * n * k < PARALLEL_WORK) {
                columns(0, n);
                return;
            }
            int parts = Math.min(threads, n);
            ProcessingService.INSTANCE.newDivider()
                    .parallelism(() -> parts)
                    .threshold((n + parts - 1) / parts)
                    .divide(0, n, this::columns);
        }

        /** Columns {@code [first, limit)} of c: rows of the left operand copied, multiplied, written back. */
        private void columns(int first, int limit) {
            if (b != null) {
                copyRows(transposeB, b, k, n, left, first, limit);
            } else {
                copyRows(transposeB, bFloats, k, n, left, first, limit);
            }
            multiplyRows(first, limit);
            for (int j = first; j < limit; j++) {
                double[] column = result[j];
                int offset = j * m;
                if (c != null) {
                    for (int i = 0; i < m; i++) {
                        c[offset + i] = scale == 1.0 ? column[i] : column[i] * scale;
                    }
                } else {
                    float floatScale = (float) scale;
                    for (int i = 0; i < m; i++) {
                        cFloats[offset + i] = Matrix.toFloat((float) column[i] * floatScale);
                    }
                }
            }
        }

        /** {@code result[j] = left[j] * right} for j in {@code [first, limit)}, {@value #INNER_BLOCK} terms at a time. */
        private void multiplyRows(int first, int limit) {
            for (int j = first; j < limit; j++) {
                Arrays.fill(result[j], 0.0);
            }
            for (int p0 = 0; p0 < k; p0 += INNER_BLOCK) {
                int p1 = Math.min(k, p0 + INNER_BLOCK);
                for (int j = first; j < limit; j++) {
                    double[] row = result[j];
                    double[] leftRow = left[j];
                    for (int p = p0; p < p1; p++) {
                        AXPY.invoke(row, leftRow[p], right[p]);
                    }
                }
            }
        }
    }

    /**
     * Row arrays kept from product to product, a few of each shape: a network multiplies the same shapes batch after
     * batch, so after its first batch nothing is allocated.
     */
    private static final class Shelf {

        private static final int KEPT = 12;

        private final double[][][] kept = new double[KEPT][][];
        private int next;

        /** {@code count} rows of {@code length} doubles, kept from an earlier call when there is such a shape. */
        double[][] take(int count, int length) {
            for (double[][] rows : kept) {
                if (rows != null && rows.length == count && (count == 0 || rows[0].length == length)) {
                    return rows;
                }
            }
            double[][] rows = kept[next] = new double[count][length];
            next = (next + 1) % KEPT;
            return rows;
        }
    }
}
