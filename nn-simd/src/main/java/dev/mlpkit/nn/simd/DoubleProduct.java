package dev.mlpkit.nn.simd;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 panels and micro-kernel: MR is two vectors of the preferred species (16 doubles with AVX-512), NR is 12, so
 * the tile's 24 accumulators stay in registers. Blocks of 128 of k keep an A panel (16 KB) in L1.
 */
final class DoubleProduct extends PackedProduct<double[]> {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    private static final int MR = 2 * LANES;
    private static final int NR = 12;
    private static final int NARROW = 4;
    private final ThreadLocal<PanelGather> panelGathers = ThreadLocal.withInitial(() -> new PanelGather(NR, LANES));

    DoubleProduct() {
        super(MR, NR, NARROW, 128, Math.max(MR, 192 / MR * MR), 0);
    }

    @Override
    double[] newArray(int length) {
        return new double[length];
    }

    @Override
    int length(double[] array) {
        return array.length;
    }

    /** Reads run along A's memory (down a column, or along a row of a transposed A); only the writes jump. */
    @Override
    void packA(boolean transposeA, int m, int k, double[] a, int i0, int rows, int p0, int depth, double[] out) {
        for (int ip = 0; ip * MR < rows; ip++) {
            int base = ip * MR * depth;
            int i = i0 + ip * MR;
            int panelRows = Math.min(MR, rows - ip * MR);
            if (!transposeA && panelRows == MR) {
                for (int p = 0; p < depth; p++) {
                    int src = i + (p0 + p) * m;
                    int o = base + p * MR;
                    DoubleVector.fromArray(SPECIES, a, src).intoArray(out, o);
                    DoubleVector.fromArray(SPECIES, a, src + LANES).intoArray(out, o + LANES);
                }
                continue;
            }
            if (!transposeA) {
                for (int p = 0; p < depth; p++) {
                    System.arraycopy(a, i + (p0 + p) * m, out, base + p * MR, panelRows);
                }
            } else {
                for (int r = 0; r < panelRows; r++) {
                    int src = (i + r) * k + p0;
                    for (int p = 0; p < depth; p++) {
                        out[base + p * MR + r] = a[src + p];
                    }
                }
            }
            for (int p = 0; panelRows < MR && p < depth; p++) {
                Arrays.fill(out, base + p * MR + panelRows, base + (p + 1) * MR, 0.0);
            }
        }
    }

    /** A plain B is gathered a panel row at a time; a transposed B holds each panel row in one piece already. */
    @Override
    void packB(boolean transposeB, int n, int k, double[] b, int p0, int depth, int j0, int cols, int width, double[] out,
            int outOffset) {
        for (int jp = 0; jp * width < cols; jp++) {
            int base = outOffset + jp * width * depth;
            int j = j0 + jp * width;
            int panelCols = Math.min(width, cols - jp * width);
            if (!transposeB && panelCols == width) {
                gatherPanel(b, k, j * k + p0, depth, width, out, base);
            } else if (transposeB && panelCols == width) {
                for (int p = 0; p < depth; p++) {
                    System.arraycopy(b, j + (p0 + p) * n, out, base + p * width, width);
                }
            } else {
                for (int p = 0; p < depth; p++) {
                    int o = base + p * width;
                    for (int jj = 0; jj < panelCols; jj++) {
                        out[o + jj] = transposeB ? b[j + jj + (p0 + p) * n] : b[(j + jj) * k + p0 + p];
                    }
                    Arrays.fill(out, o + panelCols, o + width, 0.0);
                }
            }
        }
    }

    /**
     * A full panel of a plain B: whole rows at a time with vector gathers (twice as fast as element by element), then
     * the rows left over one element at a time.
     */
    private void gatherPanel(double[] b, int k, int first, int depth, int width, double[] out, int base) {
        int p = 0;
        if (width == NR) {
            PanelGather gather = panelGathers.get();
            int[] offsets = gather.offsets(k);
            int rows = gather.rows();
            for (; p + rows <= depth; p += rows) {
                int o = base + p * NR;
                for (int q = 0; q < offsets.length; q += LANES) {
                    DoubleVector.fromArray(SPECIES, b, first + p, offsets, q).intoArray(out, o + q);
                }
            }
        }
        for (; p < depth; p++) {
            int o = base + p * width;
            for (int jj = 0; jj < width; jj++) {
                out[o + jj] = b[first + p + jj * k];
            }
        }
    }

    /**
     * Twenty-four vector accumulators (a 16 x 12 tile with AVX-512: an upper and a lower vector of rows for each of 12
     * columns), two vector loads of A and twelve broadcasts of B per step of k. With AVX-512's 32 vector registers this
     * shape runs about twice as fast as a 16 x 6 tile, which waits on its loads. Nothing else happens here (a scale is
     * applied apart): a method this size must stay small enough for the JIT to turn every vector operation into an
     * instruction (past its inlining budget a vector becomes a heap object and the kernel runs ten times slower).
     */
    @Override
    void microKernel(int depth, double[] a, int aOffset, double[] b, int bOffset, double[] c, int ldc, int offset,
            boolean accumulate) {
        int o0 = offset;
        int o1 = offset + ldc;
        int o2 = offset + 2 * ldc;
        int o3 = offset + 3 * ldc;
        int o4 = offset + 4 * ldc;
        int o5 = offset + 5 * ldc;
        int o6 = offset + 6 * ldc;
        int o7 = offset + 7 * ldc;
        int o8 = offset + 8 * ldc;
        int o9 = offset + 9 * ldc;
        int o10 = offset + 10 * ldc;
        int o11 = offset + 11 * ldc;
        DoubleVector upper0 = accumulate ? DoubleVector.fromArray(SPECIES, c, o0) : DoubleVector.zero(SPECIES);
        DoubleVector lower0 = accumulate ? DoubleVector.fromArray(SPECIES, c, o0 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper1 = accumulate ? DoubleVector.fromArray(SPECIES, c, o1) : DoubleVector.zero(SPECIES);
        DoubleVector lower1 = accumulate ? DoubleVector.fromArray(SPECIES, c, o1 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper2 = accumulate ? DoubleVector.fromArray(SPECIES, c, o2) : DoubleVector.zero(SPECIES);
        DoubleVector lower2 = accumulate ? DoubleVector.fromArray(SPECIES, c, o2 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper3 = accumulate ? DoubleVector.fromArray(SPECIES, c, o3) : DoubleVector.zero(SPECIES);
        DoubleVector lower3 = accumulate ? DoubleVector.fromArray(SPECIES, c, o3 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper4 = accumulate ? DoubleVector.fromArray(SPECIES, c, o4) : DoubleVector.zero(SPECIES);
        DoubleVector lower4 = accumulate ? DoubleVector.fromArray(SPECIES, c, o4 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper5 = accumulate ? DoubleVector.fromArray(SPECIES, c, o5) : DoubleVector.zero(SPECIES);
        DoubleVector lower5 = accumulate ? DoubleVector.fromArray(SPECIES, c, o5 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper6 = accumulate ? DoubleVector.fromArray(SPECIES, c, o6) : DoubleVector.zero(SPECIES);
        DoubleVector lower6 = accumulate ? DoubleVector.fromArray(SPECIES, c, o6 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper7 = accumulate ? DoubleVector.fromArray(SPECIES, c, o7) : DoubleVector.zero(SPECIES);
        DoubleVector lower7 = accumulate ? DoubleVector.fromArray(SPECIES, c, o7 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper8 = accumulate ? DoubleVector.fromArray(SPECIES, c, o8) : DoubleVector.zero(SPECIES);
        DoubleVector lower8 = accumulate ? DoubleVector.fromArray(SPECIES, c, o8 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper9 = accumulate ? DoubleVector.fromArray(SPECIES, c, o9) : DoubleVector.zero(SPECIES);
        DoubleVector lower9 = accumulate ? DoubleVector.fromArray(SPECIES, c, o9 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper10 = accumulate ? DoubleVector.fromArray(SPECIES, c, o10) : DoubleVector.zero(SPECIES);
        DoubleVector lower10 = accumulate ? DoubleVector.fromArray(SPECIES, c, o10 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper11 = accumulate ? DoubleVector.fromArray(SPECIES, c, o11) : DoubleVector.zero(SPECIES);
        DoubleVector lower11 = accumulate ? DoubleVector.fromArray(SPECIES, c, o11 + LANES) : DoubleVector.zero(SPECIES);
        for (int p = 0; p < depth; p++) {
            int ao = aOffset + p * MR;
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, a, ao);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, a, ao + LANES);
            int bo = bOffset + p * NR;
            DoubleVector bv;
            bv = DoubleVector.broadcast(SPECIES, b[bo]);
            upper0 = a0.fma(bv, upper0);
            lower0 = a1.fma(bv, lower0);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 1]);
            upper1 = a0.fma(bv, upper1);
            lower1 = a1.fma(bv, lower1);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 2]);
            upper2 = a0.fma(bv, upper2);
            lower2 = a1.fma(bv, lower2);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 3]);
            upper3 = a0.fma(bv, upper3);
            lower3 = a1.fma(bv, lower3);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 4]);
            upper4 = a0.fma(bv, upper4);
            lower4 = a1.fma(bv, lower4);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 5]);
            upper5 = a0.fma(bv, upper5);
            lower5 = a1.fma(bv, lower5);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 6]);
            upper6 = a0.fma(bv, upper6);
            lower6 = a1.fma(bv, lower6);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 7]);
            upper7 = a0.fma(bv, upper7);
            lower7 = a1.fma(bv, lower7);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 8]);
            upper8 = a0.fma(bv, upper8);
            lower8 = a1.fma(bv, lower8);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 9]);
            upper9 = a0.fma(bv, upper9);
            lower9 = a1.fma(bv, lower9);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 10]);
            upper10 = a0.fma(bv, upper10);
            lower10 = a1.fma(bv, lower10);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 11]);
            upper11 = a0.fma(bv, upper11);
            lower11 = a1.fma(bv, lower11);
        }
        upper0.intoArray(c, o0);
        lower0.intoArray(c, o0 + LANES);
        upper1.intoArray(c, o1);
        lower1.intoArray(c, o1 + LANES);
        upper2.intoArray(c, o2);
        lower2.intoArray(c, o2 + LANES);
        upper3.intoArray(c, o3);
        lower3.intoArray(c, o3 + LANES);
        upper4.intoArray(c, o4);
        lower4.intoArray(c, o4 + LANES);
        upper5.intoArray(c, o5);
        lower5.intoArray(c, o5 + LANES);
        upper6.intoArray(c, o6);
        lower6.intoArray(c, o6 + LANES);
        upper7.intoArray(c, o7);
        lower7.intoArray(c, o7 + LANES);
        upper8.intoArray(c, o8);
        lower8.intoArray(c, o8 + LANES);
        upper9.intoArray(c, o9);
        lower9.intoArray(c, o9 + LANES);
        upper10.intoArray(c, o10);
        lower10.intoArray(c, o10 + LANES);
        upper11.intoArray(c, o11);
        lower11.intoArray(c, o11 + LANES);
    }

    /**
     * The micro-kernel's narrow twin, a tile of {@link #NARROW} columns (eight accumulators), for the last columns of a
     * product when they would fill a third or two of a full tile: with the galaxy network's batches of 100 and its
     * layers of 4096 and 256, that is every product, and a full tile there would do three times the work.
     */
    @Override
    void narrowKernel(int depth, double[] a, int aOffset, double[] b, int bOffset, double[] c, int ldc, int offset,
            boolean accumulate) {
        int o0 = offset;
        int o1 = offset + ldc;
        int o2 = offset + 2 * ldc;
        int o3 = offset + 3 * ldc;
        DoubleVector upper0 = accumulate ? DoubleVector.fromArray(SPECIES, c, o0) : DoubleVector.zero(SPECIES);
        DoubleVector lower0 = accumulate ? DoubleVector.fromArray(SPECIES, c, o0 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper1 = accumulate ? DoubleVector.fromArray(SPECIES, c, o1) : DoubleVector.zero(SPECIES);
        DoubleVector lower1 = accumulate ? DoubleVector.fromArray(SPECIES, c, o1 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper2 = accumulate ? DoubleVector.fromArray(SPECIES, c, o2) : DoubleVector.zero(SPECIES);
        DoubleVector lower2 = accumulate ? DoubleVector.fromArray(SPECIES, c, o2 + LANES) : DoubleVector.zero(SPECIES);
        DoubleVector upper3 = accumulate ? DoubleVector.fromArray(SPECIES, c, o3) : DoubleVector.zero(SPECIES);
        DoubleVector lower3 = accumulate ? DoubleVector.fromArray(SPECIES, c, o3 + LANES) : DoubleVector.zero(SPECIES);
        for (int p = 0; p < depth; p++) {
            int ao = aOffset + p * MR;
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, a, ao);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, a, ao + LANES);
            int bo = bOffset + p * NARROW;
            DoubleVector bv;
            bv = DoubleVector.broadcast(SPECIES, b[bo]);
            upper0 = a0.fma(bv, upper0);
            lower0 = a1.fma(bv, lower0);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 1]);
            upper1 = a0.fma(bv, upper1);
            lower1 = a1.fma(bv, lower1);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 2]);
            upper2 = a0.fma(bv, upper2);
            lower2 = a1.fma(bv, lower2);
            bv = DoubleVector.broadcast(SPECIES, b[bo + 3]);
            upper3 = a0.fma(bv, upper3);
            lower3 = a1.fma(bv, lower3);
        }
        upper0.intoArray(c, o0);
        lower0.intoArray(c, o0 + LANES);
        upper1.intoArray(c, o1);
        lower1.intoArray(c, o1 + LANES);
        upper2.intoArray(c, o2);
        lower2.intoArray(c, o2 + LANES);
        upper3.intoArray(c, o3);
        lower3.intoArray(c, o3 + LANES);
    }

    @Override
    void mergeTile(double[] tile, double[] c, int ldc, int i, int j, int rows, int cols, boolean first, double scale) {
        for (int jj = 0; jj < cols; jj++) {
            for (int r = 0; r < rows; r++) {
                int o = i + r + (j + jj) * ldc;
                double v = tile[jj * MR + r];
                c[o] = (first ? v : c[o] + v) * scale;
            }
        }
    }

    @Override
    void addTile(double[] tile, double[] y, int ldy, int i, int j, int rows, int cols, double scale, double alpha) {
        for (int jj = 0; jj < cols; jj++) {
            int o = i + (j + jj) * ldy;
            int r = 0;
            for (; rows == MR && r < MR; r += LANES) {
                DoubleVector v = DoubleVector.fromArray(SPECIES, tile, jj * MR + r).mul(scale);
                DoubleVector.fromArray(SPECIES, y, o + r).add(v.mul(alpha)).intoArray(y, o + r);
            }
            for (; r < rows; r++) {
                y[o + r] += alpha * (tile[jj * MR + r] * scale);
            }
        }
    }

    @Override
    void addScaled(double[] c, double[] partial, int length, double scale) {
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            DoubleVector.fromArray(SPECIES, c, i).add(DoubleVector.fromArray(SPECIES, partial, i)).mul(scale).intoArray(c, i);
        }
        for (; i < length; i++) {
            c[i] = (c[i] + partial[i]) * scale;
        }
    }

    @Override
    void scaleTile(double[] c, int ldc, int offset, int cols, double scale) {
        for (int jj = 0; jj < cols; jj++) {
            int o = offset + jj * ldc;
            DoubleVector.fromArray(SPECIES, c, o).mul(scale).intoArray(c, o);
            DoubleVector.fromArray(SPECIES, c, o + LANES).mul(scale).intoArray(c, o + LANES);
        }
    }

    /** A is read once, in place: down its columns (axpy) for A, along them (dot products) for A^T. */
    @Override
    void fewColumns(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b, double[] c,
            double scale) {
        int vectorRows = m - m % LANES;
        for (int j = 0; j < n; j++) {
            int column = j * m;
            if (!transposeA) {
                Arrays.fill(c, column, column + m, 0.0);
                for (int p = 0; p < k; p++) {
                    double bpj = transposeB ? b[j + p * n] : b[p + j * k];
                    DoubleVector factor = DoubleVector.broadcast(SPECIES, bpj);
                    int ap = p * m;
                    int i = 0;
                    for (; i < vectorRows; i += LANES) {
                        DoubleVector.fromArray(SPECIES, a, ap + i).fma(factor, DoubleVector.fromArray(SPECIES, c, column + i))
                                .intoArray(c, column + i);
                    }
                    for (; i < m; i++) {
                        c[column + i] += a[ap + i] * bpj;
                    }
                }
                for (int i = 0; i < m; i++) {
                    c[column + i] *= scale;
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
                    double total = sum.reduceLanes(VectorOperators.ADD);
                    for (; p < k; p++) {
                        total += a[ai + p] * (transposeB ? b[j + p * n] : b[p + j * k]);
                    }
                    c[i + column] = total * scale;
                }
            }
        }
    }
}
