package dev.mlpkit.nn.simd;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 panels and micro-kernel, {@link DoubleProduct}'s twin: MR is two vectors of the preferred species (32
 * floats with AVX-512), NR is 12; sums are kept in float, as sgemm keeps them. Blocks of 256 of k keep an A panel
 * (32 KB) in L1 and halve the loads and stores of C that blocks of 128 need: the evaluation of 1640 galaxy images runs
 * 4 to 9% faster. Subnormal inputs count as zero (see {@link #flushed}).
 */
final class FloatProduct extends PackedProduct<float[]> {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    private static final int MR = 2 * LANES;
    private static final int NR = 12;
    private static final int NARROW = 4;
    private final ThreadLocal<PanelGather> panelGathers = ThreadLocal.withInitial(() -> new PanelGather(NR, LANES));

    FloatProduct() {
        super(MR, NR, NARROW, 256, Math.max(MR, 192 / MR * MR), LANES);
    }

    @Override
    float[] newArray(int length) {
        return new float[length];
    }

    @Override
    int length(float[] array) {
        return array.length;
    }

    /**
     * Subnormal numbers (below {@link Float#MIN_NORMAL}, about 1.2e-38) become zero on their way into the panels, as
     * GPUs and TensorFlow's CPU kernels flush them: x86 computes with them a hundred times slower, and float32 training
     * makes many (a saturated sigmoid's output, 1 / (1 + e^100), is one), while they carry no precision. A panel is
     * flushed while it is packed, or right after, while it is still in L1.
     */
    private static FloatVector flushed(FloatVector v) {
        return v.blend(0f, v.abs().lt(Float.MIN_NORMAL));
    }

    private static void flushSubnormals(float[] x, int from, int to) {
        int i = from;
        for (; i <= to - LANES; i += LANES) {
            flushed(FloatVector.fromArray(SPECIES, x, i)).intoArray(x, i);
        }
        for (; i < to; i++) {
            if (Math.abs(x[i]) < Float.MIN_NORMAL) {
                x[i] = 0f;
            }
        }
    }

    /** Reads run along A's memory (down a column, or along a row of a transposed A); only the writes jump. */
    @Override
    void packA(boolean transposeA, int m, int k, float[] a, int i0, int rows, int p0, int depth, float[] out) {
        for (int ip = 0; ip * MR < rows; ip++) {
            int base = ip * MR * depth;
            int i = i0 + ip * MR;
            int panelRows = Math.min(MR, rows - ip * MR);
            if (!transposeA && panelRows == MR) {
                for (int p = 0; p < depth; p++) {
                    int src = i + (p0 + p) * m;
                    int o = base + p * MR;
                    flushed(FloatVector.fromArray(SPECIES, a, src)).intoArray(out, o);
                    flushed(FloatVector.fromArray(SPECIES, a, src + LANES)).intoArray(out, o + LANES);
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
                Arrays.fill(out, base + p * MR + panelRows, base + (p + 1) * MR, 0.0f);
            }
            flushSubnormals(out, base, base + MR * depth);
        }
    }

    /** A plain B is gathered a panel row at a time; a transposed B holds each panel row in one piece already. */
    @Override
    void packB(boolean transposeB, int n, int k, float[] b, int p0, int depth, int j0, int cols, int width, float[] out,
            int outOffset) {
        for (int jp = 0; jp * width < cols; jp++) {
            int base = outOffset + jp * width * depth;
            int j = j0 + jp * width;
            int panelCols = Math.min(width, cols - jp * width);
            if (!transposeB && panelCols == width) {
                gatherPanel(b, k, j * k + p0, depth, width, out, base);
                continue;
            }
            if (transposeB && panelCols == width && width <= LANES && j + LANES <= n) {
                // A vector a row, flushed as it goes: five times as fast as copying twelve floats a row. Each store
                // runs into the next row, which the next store overwrites; the buffer has room after the last.
                for (int p = 0; p < depth; p++) {
                    flushed(FloatVector.fromArray(SPECIES, b, j + (p0 + p) * n)).intoArray(out, base + p * width);
                }
                continue;
            }
            if (transposeB && panelCols == width) {
                for (int p = 0; p < depth; p++) {
                    System.arraycopy(b, j + (p0 + p) * n, out, base + p * width, width);
                }
            } else {
                for (int p = 0; p < depth; p++) {
                    int o = base + p * width;
                    for (int jj = 0; jj < panelCols; jj++) {
                        out[o + jj] = transposeB ? b[j + jj + (p0 + p) * n] : b[(j + jj) * k + p0 + p];
                    }
                    Arrays.fill(out, o + panelCols, o + width, 0.0f);
                }
            }
            flushSubnormals(out, base, base + width * depth);
        }
    }

    /**
     * A full panel of a plain B: whole rows at a time with vector gathers (twice as fast as element by element), then
     * the rows left over one element at a time; flushed as it goes, which saves a pass over the panel.
     */
    private void gatherPanel(float[] b, int k, int first, int depth, int width, float[] out, int base) {
        int p = 0;
        if (width == NR) {
            PanelGather gather = panelGathers.get();
            int[] offsets = gather.offsets(k);
            int rows = gather.rows();
            for (; p + rows <= depth; p += rows) {
                int o = base + p * NR;
                for (int q = 0; q < offsets.length; q += LANES) {
                    flushed(FloatVector.fromArray(SPECIES, b, first + p, offsets, q)).intoArray(out, o + q);
                }
            }
        }
        for (; p < depth; p++) {
            int o = base + p * width;
            for (int jj = 0; jj < width; jj++) {
                float x = b[first + p + jj * k];
                out[o + jj] = Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
            }
        }
    }

    /**
     * Twenty-four vector accumulators (a 32 x 12 tile with AVX-512: an upper and a lower vector of rows for each of 12
     * columns), two vector loads of A and twelve broadcasts of B per step of k. With AVX-512's 32 vector registers this
     * shape runs about twice as fast as a 16 x 6 tile, which waits on its loads. Nothing else happens here (a scale is
     * applied apart): a method this size must stay small enough for the JIT to turn every vector operation into an
     * instruction (past its inlining budget a vector becomes a heap object and the kernel runs ten times slower).
     */
    @Override
    void microKernel(int depth, float[] a, int aOffset, float[] b, int bOffset, float[] c, int ldc, int offset,
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
        FloatVector upper0 = accumulate ? FloatVector.fromArray(SPECIES, c, o0) : FloatVector.zero(SPECIES);
        FloatVector lower0 = accumulate ? FloatVector.fromArray(SPECIES, c, o0 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper1 = accumulate ? FloatVector.fromArray(SPECIES, c, o1) : FloatVector.zero(SPECIES);
        FloatVector lower1 = accumulate ? FloatVector.fromArray(SPECIES, c, o1 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper2 = accumulate ? FloatVector.fromArray(SPECIES, c, o2) : FloatVector.zero(SPECIES);
        FloatVector lower2 = accumulate ? FloatVector.fromArray(SPECIES, c, o2 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper3 = accumulate ? FloatVector.fromArray(SPECIES, c, o3) : FloatVector.zero(SPECIES);
        FloatVector lower3 = accumulate ? FloatVector.fromArray(SPECIES, c, o3 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper4 = accumulate ? FloatVector.fromArray(SPECIES, c, o4) : FloatVector.zero(SPECIES);
        FloatVector lower4 = accumulate ? FloatVector.fromArray(SPECIES, c, o4 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper5 = accumulate ? FloatVector.fromArray(SPECIES, c, o5) : FloatVector.zero(SPECIES);
        FloatVector lower5 = accumulate ? FloatVector.fromArray(SPECIES, c, o5 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper6 = accumulate ? FloatVector.fromArray(SPECIES, c, o6) : FloatVector.zero(SPECIES);
        FloatVector lower6 = accumulate ? FloatVector.fromArray(SPECIES, c, o6 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper7 = accumulate ? FloatVector.fromArray(SPECIES, c, o7) : FloatVector.zero(SPECIES);
        FloatVector lower7 = accumulate ? FloatVector.fromArray(SPECIES, c, o7 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper8 = accumulate ? FloatVector.fromArray(SPECIES, c, o8) : FloatVector.zero(SPECIES);
        FloatVector lower8 = accumulate ? FloatVector.fromArray(SPECIES, c, o8 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper9 = accumulate ? FloatVector.fromArray(SPECIES, c, o9) : FloatVector.zero(SPECIES);
        FloatVector lower9 = accumulate ? FloatVector.fromArray(SPECIES, c, o9 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper10 = accumulate ? FloatVector.fromArray(SPECIES, c, o10) : FloatVector.zero(SPECIES);
        FloatVector lower10 = accumulate ? FloatVector.fromArray(SPECIES, c, o10 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper11 = accumulate ? FloatVector.fromArray(SPECIES, c, o11) : FloatVector.zero(SPECIES);
        FloatVector lower11 = accumulate ? FloatVector.fromArray(SPECIES, c, o11 + LANES) : FloatVector.zero(SPECIES);
        for (int p = 0; p < depth; p++) {
            int ao = aOffset + p * MR;
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, ao);
            FloatVector a1 = FloatVector.fromArray(SPECIES, a, ao + LANES);
            int bo = bOffset + p * NR;
            FloatVector bv;
            bv = FloatVector.broadcast(SPECIES, b[bo]);
            upper0 = a0.fma(bv, upper0);
            lower0 = a1.fma(bv, lower0);
            bv = FloatVector.broadcast(SPECIES, b[bo + 1]);
            upper1 = a0.fma(bv, upper1);
            lower1 = a1.fma(bv, lower1);
            bv = FloatVector.broadcast(SPECIES, b[bo + 2]);
            upper2 = a0.fma(bv, upper2);
            lower2 = a1.fma(bv, lower2);
            bv = FloatVector.broadcast(SPECIES, b[bo + 3]);
            upper3 = a0.fma(bv, upper3);
            lower3 = a1.fma(bv, lower3);
            bv = FloatVector.broadcast(SPECIES, b[bo + 4]);
            upper4 = a0.fma(bv, upper4);
            lower4 = a1.fma(bv, lower4);
            bv = FloatVector.broadcast(SPECIES, b[bo + 5]);
            upper5 = a0.fma(bv, upper5);
            lower5 = a1.fma(bv, lower5);
            bv = FloatVector.broadcast(SPECIES, b[bo + 6]);
            upper6 = a0.fma(bv, upper6);
            lower6 = a1.fma(bv, lower6);
            bv = FloatVector.broadcast(SPECIES, b[bo + 7]);
            upper7 = a0.fma(bv, upper7);
            lower7 = a1.fma(bv, lower7);
            bv = FloatVector.broadcast(SPECIES, b[bo + 8]);
            upper8 = a0.fma(bv, upper8);
            lower8 = a1.fma(bv, lower8);
            bv = FloatVector.broadcast(SPECIES, b[bo + 9]);
            upper9 = a0.fma(bv, upper9);
            lower9 = a1.fma(bv, lower9);
            bv = FloatVector.broadcast(SPECIES, b[bo + 10]);
            upper10 = a0.fma(bv, upper10);
            lower10 = a1.fma(bv, lower10);
            bv = FloatVector.broadcast(SPECIES, b[bo + 11]);
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
    void narrowKernel(int depth, float[] a, int aOffset, float[] b, int bOffset, float[] c, int ldc, int offset,
            boolean accumulate) {
        int o0 = offset;
        int o1 = offset + ldc;
        int o2 = offset + 2 * ldc;
        int o3 = offset + 3 * ldc;
        FloatVector upper0 = accumulate ? FloatVector.fromArray(SPECIES, c, o0) : FloatVector.zero(SPECIES);
        FloatVector lower0 = accumulate ? FloatVector.fromArray(SPECIES, c, o0 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper1 = accumulate ? FloatVector.fromArray(SPECIES, c, o1) : FloatVector.zero(SPECIES);
        FloatVector lower1 = accumulate ? FloatVector.fromArray(SPECIES, c, o1 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper2 = accumulate ? FloatVector.fromArray(SPECIES, c, o2) : FloatVector.zero(SPECIES);
        FloatVector lower2 = accumulate ? FloatVector.fromArray(SPECIES, c, o2 + LANES) : FloatVector.zero(SPECIES);
        FloatVector upper3 = accumulate ? FloatVector.fromArray(SPECIES, c, o3) : FloatVector.zero(SPECIES);
        FloatVector lower3 = accumulate ? FloatVector.fromArray(SPECIES, c, o3 + LANES) : FloatVector.zero(SPECIES);
        for (int p = 0; p < depth; p++) {
            int ao = aOffset + p * MR;
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, ao);
            FloatVector a1 = FloatVector.fromArray(SPECIES, a, ao + LANES);
            int bo = bOffset + p * NARROW;
            FloatVector bv;
            bv = FloatVector.broadcast(SPECIES, b[bo]);
            upper0 = a0.fma(bv, upper0);
            lower0 = a1.fma(bv, lower0);
            bv = FloatVector.broadcast(SPECIES, b[bo + 1]);
            upper1 = a0.fma(bv, upper1);
            lower1 = a1.fma(bv, lower1);
            bv = FloatVector.broadcast(SPECIES, b[bo + 2]);
            upper2 = a0.fma(bv, upper2);
            lower2 = a1.fma(bv, lower2);
            bv = FloatVector.broadcast(SPECIES, b[bo + 3]);
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
    void mergeTile(float[] tile, float[] c, int ldc, int i, int j, int rows, int cols, boolean first, double scale) {
        for (int jj = 0; jj < cols; jj++) {
            for (int r = 0; r < rows; r++) {
                int o = i + r + (j + jj) * ldc;
                float v = tile[jj * MR + r];
                c[o] = (first ? v : c[o] + v) * (float) scale;
            }
        }
    }

    @Override
    void addTile(float[] tile, float[] y, int ldy, int i, int j, int rows, int cols, double scale, double alpha) {
        float factor = (float) scale;
        float step = (float) alpha;
        for (int jj = 0; jj < cols; jj++) {
            int o = i + (j + jj) * ldy;
            int r = 0;
            for (; rows == MR && r < MR; r += LANES) {
                FloatVector v = FloatVector.fromArray(SPECIES, tile, jj * MR + r).mul(factor);
                FloatVector.fromArray(SPECIES, y, o + r).add(v.mul(step)).intoArray(y, o + r);
            }
            for (; r < rows; r++) {
                y[o + r] += step * (tile[jj * MR + r] * factor);
            }
        }
    }

    @Override
    void addScaled(float[] c, float[] partial, int length, double scale) {
        float factor = (float) scale;
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            FloatVector.fromArray(SPECIES, c, i).add(FloatVector.fromArray(SPECIES, partial, i)).mul(factor).intoArray(c, i);
        }
        for (; i < length; i++) {
            c[i] = (c[i] + partial[i]) * factor;
        }
    }

    @Override
    void scaleTile(float[] c, int ldc, int offset, int cols, double scale) {
        float factor = (float) scale;
        for (int jj = 0; jj < cols; jj++) {
            int o = offset + jj * ldc;
            FloatVector.fromArray(SPECIES, c, o).mul(factor).intoArray(c, o);
            FloatVector.fromArray(SPECIES, c, o + LANES).mul(factor).intoArray(c, o + LANES);
        }
    }

    /** A is read once, in place: down its columns (axpy) for A, along them (dot products) for A^T. */
    @Override
    void fewColumns(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b, float[] c,
            double scale) {
        int vectorRows = m - m % LANES;
        for (int j = 0; j < n; j++) {
            int column = j * m;
            if (!transposeA) {
                Arrays.fill(c, column, column + m, 0.0f);
                for (int p = 0; p < k; p++) {
                    float bpj = transposeB ? b[j + p * n] : b[p + j * k];
                    FloatVector factor = FloatVector.broadcast(SPECIES, bpj);
                    int ap = p * m;
                    int i = 0;
                    for (; i < vectorRows; i += LANES) {
                        FloatVector.fromArray(SPECIES, a, ap + i).fma(factor, FloatVector.fromArray(SPECIES, c, column + i))
                                .intoArray(c, column + i);
                    }
                    for (; i < m; i++) {
                        c[column + i] += a[ap + i] * bpj;
                    }
                }
                for (int i = 0; i < m; i++) {
                    c[column + i] *= (float) scale;
                }
            } else {
                int vectorK = transposeB ? 0 : k - k % LANES;
                for (int i = 0; i < m; i++) {
                    int ai = i * k;
                    FloatVector sum = FloatVector.zero(SPECIES);
                    int p = 0;
                    for (; p < vectorK; p += LANES) {
                        sum = FloatVector.fromArray(SPECIES, a, ai + p).fma(FloatVector.fromArray(SPECIES, b, j * k + p), sum);
                    }
                    float total = sum.reduceLanes(VectorOperators.ADD);
                    for (; p < k; p++) {
                        total += a[ai + p] * (transposeB ? b[j + p * n] : b[p + j * k]);
                    }
                    c[i + column] = total * (float) scale;
                }
            }
        }
    }
}
