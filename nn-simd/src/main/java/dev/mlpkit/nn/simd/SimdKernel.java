package dev.mlpkit.nn.simd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import dev.mlpkit.nn.linalg.ProductKernel;

/**
 * {@code C = op(A) op(B)} in the way of BLIS (Van Zee and van de Geijn 2015): blocks of A and B are packed into
 * contiguous panels (which also turns a transposed operand into the same layout as a plain one, so no product needs a
 * materialised transpose), and a register-blocked micro-kernel computes an MR x NR tile of C with vector fused
 * multiply-adds. MR is two vectors of the preferred species (16 doubles with AVX-512), NR is 6, so the tile's twelve
 * accumulators stay in registers. The k dimension is cut into blocks of {@value #KC} so a block of A stays in the L2
 * cache while all of B's panels stream past it; the columns of C are split over the threads.
 */
public final class SimdKernel implements ProductKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int MR = 2 * LANES;
    private static final int NR = 6;
    private static final int KC = 128;
    /** Rows of A per block: 192 rows x 128 of k is 192 KB, well inside an L2 cache. */
    private static final int MC = Math.max(MR, 192 / MR * MR);

    /** Packing buffers per thread, grown when a bigger block comes. */
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[3][0]);
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mlpkit-simd");
        t.setDaemon(true);
        return t;
    });

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public boolean isUsable() {
        return LANES >= 2;
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b, double[] c,
            int threads) {
        if (n < NR) {
            fewColumns(transposeA, transposeB, m, n, k, a, b, c);
            return;
        }
        int parts = Math.max(1, Math.min(threads, (n + NR - 1) / NR));
        long work = (long) m * n * k;
        if (parts == 1 || work < 2_000_000) {
            block(transposeA, transposeB, m, n, k, a, b, c, 0, n);
            return;
        }
        int panels = (n + NR - 1) / NR;
        List<Future<?>> running = new ArrayList<>(parts - 1);
        int start = 0;
        for (int t = 0; t < parts; t++) {
            int end = Math.min(n, (int) ((long) panels * (t + 1) / parts) * NR);
            int from = start;
            if (t == parts - 1) {
                block(transposeA, transposeB, m, n, k, a, b, c, from, n);
            } else {
                running.add(WORKERS.submit(() -> block(transposeA, transposeB, m, n, k, a, b, c, from, end)));
            }
            start = end;
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while multiplying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a product thread failed", e.getCause());
        }
    }

    /**
     * Products with fewer columns than a panel (one image at a time, as classify and serve send them): packing would
     * cost more than it saves, so A is read once, in place. Down A's columns (axpy) for A, along them (dot products)
     * for A^T.
     */
    private static void fewColumns(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b,
            double[] c) {
        int vectorRows = m - m % LANES;
        for (int j = 0; j < n; j++) {
            int column = j * m;
            if (!transposeA) {
                java.util.Arrays.fill(c, column, column + m, 0.0);
                for (int p = 0; p < k; p++) {
                    double bpj = transposeB ? b[j + p * n] : b[p + j * k];
                    DoubleVector scale = DoubleVector.broadcast(SPECIES, bpj);
                    int ap = p * m;
                    int i = 0;
                    for (; i < vectorRows; i += LANES) {
                        DoubleVector.fromArray(SPECIES, a, ap + i).fma(scale, DoubleVector.fromArray(SPECIES, c, column + i))
                                .intoArray(c, column + i);
                    }
                    for (; i < m; i++) {
                        c[column + i] += a[ap + i] * bpj;
                    }
                }
            } else {
                int vectorK = transposeB ? 0 : k - k % LANES;
                for (int i = 0; i < m; i++) {
                    int ai = i * k;
                    DoubleVector sum = DoubleVector.zero(SPECIES);
                    int p = 0;
                    for (; p < vectorK; p += LANES) {
                        sum = DoubleVector.fromArray(SPECIES, a, ai + p).fma(DoubleVector.fromArray(SPECIES, b, j * k + p), sum);
                    }
                    double total = sum.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
                    for (; p < k; p++) {
                        total += a[ai + p] * (transposeB ? b[j + p * n] : b[p + j * k]);
                    }
                    c[i + column] = total;
                }
            }
        }
    }

    /** Columns {@code [j0, j1)} of C. */
    private static void block(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b,
            double[] c, int j0, int j1) {
        int nc = j1 - j0;
        if (nc <= 0) {
            return;
        }
        double[][] buffers = BUFFERS.get();
        int bPanels = (nc + NR - 1) / NR;
        double[] packedB = buffers[0] = grow(buffers[0], bPanels * NR * KC);
        double[] packedA = buffers[1] = grow(buffers[1], (MC / MR) * MR * KC);
        double[] tile = buffers[2] = grow(buffers[2], MR * NR);
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            packB(transposeB, n, k, b, p0, kc, j0, nc, packedB);
            for (int i0 = 0; i0 < m; i0 += MC) {
                int mc = Math.min(MC, m - i0);
                packA(transposeA, m, k, a, i0, mc, p0, kc, packedA);
                for (int jp = 0; jp < bPanels; jp++) {
                    int cols = Math.min(NR, nc - jp * NR);
                    for (int ip = 0; ip * MR < mc; ip++) {
                        int rows = Math.min(MR, mc - ip * MR);
                        int aOffset = ip * MR * kc;
                        int bOffset = jp * NR * kc;
                        int i = i0 + ip * MR;
                        int j = j0 + jp * NR;
                        if (rows == MR && cols == NR) {
                            microKernel(kc, packedA, aOffset, packedB, bOffset, c, m, i + j * m, p0 == 0);
                        } else {
                            microKernel(kc, packedA, aOffset, packedB, bOffset, tile, MR, 0, true);
                            mergeEdge(tile, c, m, i, j, rows, cols, p0 == 0);
                        }
                    }
                }
            }
        }
    }

    /**
     * A's rows {@code [i0, i0 + mc)} and columns {@code [p0, p0 + kc)}, as panels of MR rows: p by p, MR values each.
     * The loops run along A's memory (down a column, or along a row of a transposed A), so reads are contiguous and
     * only the writes, inside one L1-sized panel, jump.
     */
    private static void packA(boolean transposeA, int m, int k, double[] a, int i0, int mc, int p0, int kc, double[] out) {
        for (int ip = 0; ip * MR < mc; ip++) {
            int base = ip * MR * kc;
            int i = i0 + ip * MR;
            int rows = Math.min(MR, mc - ip * MR);
            if (!transposeA) {
                for (int p = 0; p < kc; p++) {
                    int src = i + (p0 + p) * m;
                    int o = base + p * MR;
                    for (int r = 0; r < rows; r++) {
                        out[o + r] = a[src + r];
                    }
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    int src = (i + r) * k + p0;
                    for (int p = 0; p < kc; p++) {
                        out[base + p * MR + r] = a[src + p];
                    }
                }
            }
            for (int p = 0; rows < MR && p < kc; p++) {
                java.util.Arrays.fill(out, base + p * MR + rows, base + (p + 1) * MR, 0.0);
            }
        }
    }

    /**
     * B's rows {@code [p0, p0 + kc)} and columns {@code [j0, j0 + nc)}, as panels of NR columns: p by p, NR values
     * each, again reading along B's memory.
     */
    private static void packB(boolean transposeB, int n, int k, double[] b, int p0, int kc, int j0, int nc, double[] out) {
        for (int jp = 0; jp * NR < nc; jp++) {
            int base = jp * NR * kc;
            int j1 = j0 + jp * NR;
            int cols = Math.min(NR, nc - jp * NR);
            if (!transposeB) {
                for (int j = 0; j < cols; j++) {
                    int src = (j1 + j) * k + p0;
                    for (int p = 0; p < kc; p++) {
                        out[base + p * NR + j] = b[src + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = j1 + (p0 + p) * n;
                    int o = base + p * NR;
                    for (int j = 0; j < cols; j++) {
                        out[o + j] = b[src + j];
                    }
                }
            }
            for (int p = 0; cols < NR && p < kc; p++) {
                java.util.Arrays.fill(out, base + p * NR + cols, base + (p + 1) * NR, 0.0);
            }
        }
    }

    /**
     * The MR x NR tile of C whose top-left element is {@code c[offset]}, set ({@code first}) or added to: twelve vector
     * accumulators, two vector loads of A and six broadcasts of B per step of k. One code path only, so the JIT keeps
     * every accumulator in a register; edge tiles come here with a scratch tile as C.
     */
    static void microKernel(int kc, double[] a, int aOffset, double[] b, int bOffset, double[] c, int ldc, int offset,
            boolean first) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c10 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = DoubleVector.zero(SPECIES);
        DoubleVector c11 = DoubleVector.zero(SPECIES);
        DoubleVector c02 = DoubleVector.zero(SPECIES);
        DoubleVector c12 = DoubleVector.zero(SPECIES);
        DoubleVector c03 = DoubleVector.zero(SPECIES);
        DoubleVector c13 = DoubleVector.zero(SPECIES);
        DoubleVector c04 = DoubleVector.zero(SPECIES);
        DoubleVector c14 = DoubleVector.zero(SPECIES);
        DoubleVector c05 = DoubleVector.zero(SPECIES);
        DoubleVector c15 = DoubleVector.zero(SPECIES);
        for (int p = 0; p < kc; p++) {
            int ao = aOffset + p * MR;
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, a, ao);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, a, ao + LANES);
            int bo = bOffset + p * NR;
            DoubleVector bv = DoubleVector.broadcast(SPECIES, b[bo]);
            c00 = a0.fma(bv, c00);
            c10 = a1.fma(bv, c10);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 1]);
            c01 = a0.fma(bv, c01);
            c11 = a1.fma(bv, c11);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 2]);
            c02 = a0.fma(bv, c02);
            c12 = a1.fma(bv, c12);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 3]);
            c03 = a0.fma(bv, c03);
            c13 = a1.fma(bv, c13);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 4]);
            c04 = a0.fma(bv, c04);
            c14 = a1.fma(bv, c14);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 5]);
            c05 = a0.fma(bv, c05);
            c15 = a1.fma(bv, c15);
        }
        // Stores written out here, not in a helper: a vector passed to a method the JIT does not inline is boxed on
        // the heap, which costs more than the whole tile's arithmetic.
        int o1 = offset + ldc;
        int o2 = offset + 2 * ldc;
        int o3 = offset + 3 * ldc;
        int o4 = offset + 4 * ldc;
        int o5 = offset + 5 * ldc;
        if (!first) {
            c00 = c00.add(DoubleVector.fromArray(SPECIES, c, offset));
            c10 = c10.add(DoubleVector.fromArray(SPECIES, c, offset + LANES));
            c01 = c01.add(DoubleVector.fromArray(SPECIES, c, o1));
            c11 = c11.add(DoubleVector.fromArray(SPECIES, c, o1 + LANES));
            c02 = c02.add(DoubleVector.fromArray(SPECIES, c, o2));
            c12 = c12.add(DoubleVector.fromArray(SPECIES, c, o2 + LANES));
            c03 = c03.add(DoubleVector.fromArray(SPECIES, c, o3));
            c13 = c13.add(DoubleVector.fromArray(SPECIES, c, o3 + LANES));
            c04 = c04.add(DoubleVector.fromArray(SPECIES, c, o4));
            c14 = c14.add(DoubleVector.fromArray(SPECIES, c, o4 + LANES));
            c05 = c05.add(DoubleVector.fromArray(SPECIES, c, o5));
            c15 = c15.add(DoubleVector.fromArray(SPECIES, c, o5 + LANES));
        }
        c00.intoArray(c, offset);
        c10.intoArray(c, offset + LANES);
        c01.intoArray(c, o1);
        c11.intoArray(c, o1 + LANES);
        c02.intoArray(c, o2);
        c12.intoArray(c, o2 + LANES);
        c03.intoArray(c, o3);
        c13.intoArray(c, o3 + LANES);
        c04.intoArray(c, o4);
        c14.intoArray(c, o4 + LANES);
        c05.intoArray(c, o5);
        c15.intoArray(c, o5 + LANES);
    }

    /** Copies (or adds, after the first block of k) the real {@code rows x cols} of a scratch tile into C at (i, j). */
    private static void mergeEdge(double[] tile, double[] c, int ldc, int i, int j, int rows, int cols, boolean first) {
        for (int jj = 0; jj < cols; jj++) {
            for (int r = 0; r < rows; r++) {
                int o = i + r + (j + jj) * ldc;
                double v = tile[jj * MR + r];
                c[o] = first ? v : c[o] + v;
            }
        }
    }

    private static double[] grow(double[] buffer, int size) {
        return buffer.length >= size ? buffer : new double[size];
    }
}
