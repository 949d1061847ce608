package dev.mlpkit.nn.simd;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 panels and micro-kernel, {@link DoubleProduct}'s twin: MR is two vectors of the preferred species (32
 * floats with AVX-512), NR is 6; sums are kept in float, as sgemm keeps them. Blocks of 128 of k keep an A panel (16 KB)
 * in L1.
 */
final class FloatProduct extends PackedProduct<float[]> {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    private static final int MR = 2 * LANES;
    private static final int NR = 6;

    FloatProduct() {
        super(MR, NR, 128, Math.max(MR, 192 / MR * MR));
    }

    @Override
    float[] newArray(int length) {
        return new float[length];
    }

    @Override
    int length(float[] array) {
        return array.length;
    }

    /** Reads run along A's memory (down a column, or along a row of a transposed A); only the writes jump. */
    @Override
    void packA(boolean transposeA, int m, int k, float[] a, int i0, int rows, int p0, int depth, float[] out) {
        packPanelsOfA(transposeA, m, k, a, i0, rows, p0, depth, out);
        flushSubnormals(out, (rows + MR - 1) / MR * MR * depth);
    }

    @Override
    void packB(boolean transposeB, int n, int k, float[] b, int p0, int depth, int j0, int cols, float[] out) {
        packPanelsOfB(transposeB, n, k, b, p0, depth, j0, cols, out);
        flushSubnormals(out, (cols + NR - 1) / NR * NR * depth);
    }

    /**
     * Subnormal numbers (below {@link Float#MIN_NORMAL}, about 1.2e-38) become zero before they reach the micro-kernel,
     * as GPUs and TensorFlow's CPU kernels flush them: x86 computes with them a hundred times slower, and float32
     * training makes many (a saturated sigmoid's output, 1 / (1 + e^100), is one), while they carry no precision.
     */
    private static void flushSubnormals(float[] x, int length) {
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, i);
            v.blend(0f, v.abs().lt(Float.MIN_NORMAL)).intoArray(x, i);
        }
        for (; i < length; i++) {
            if (Math.abs(x[i]) < Float.MIN_NORMAL) {
                x[i] = 0f;
            }
        }
    }

    private static void packPanelsOfA(boolean transposeA, int m, int k, float[] a, int i0, int rows, int p0, int depth,
            float[] out) {
        for (int ip = 0; ip * MR < rows; ip++) {
            int base = ip * MR * depth;
            int i = i0 + ip * MR;
            int panelRows = Math.min(MR, rows - ip * MR);
            if (!transposeA && panelRows == MR) {
                for (int p = 0; p < depth; p++) {
                    int src = i + (p0 + p) * m;
                    int o = base + p * MR;
                    FloatVector.fromArray(SPECIES, a, src).intoArray(out, o);
                    FloatVector.fromArray(SPECIES, a, src + LANES).intoArray(out, o + LANES);
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
        }
    }

    /** A plain B is read down its six columns at once, so every write lands next to the one before. */
    private static void packPanelsOfB(boolean transposeB, int n, int k, float[] b, int p0, int depth, int j0, int cols,
            float[] out) {
        for (int jp = 0; jp * NR < cols; jp++) {
            int base = jp * NR * depth;
            int j = j0 + jp * NR;
            int panelCols = Math.min(NR, cols - jp * NR);
            if (!transposeB && panelCols == NR) {
                int s = j * k + p0;
                for (int p = 0; p < depth; p++, s++) {
                    int o = base + p * NR;
                    out[o] = b[s];
                    out[o + 1] = b[s + k];
                    out[o + 2] = b[s + 2 * k];
                    out[o + 3] = b[s + 3 * k];
                    out[o + 4] = b[s + 4 * k];
                    out[o + 5] = b[s + 5 * k];
                }
                continue;
            }
            if (transposeB && panelCols == NR) {
                for (int p = 0; p < depth; p++) {
                    System.arraycopy(b, j + (p0 + p) * n, out, base + p * NR, NR);
                }
                continue;
            }
            for (int p = 0; p < depth; p++) {
                int o = base + p * NR;
                for (int jj = 0; jj < panelCols; jj++) {
                    out[o + jj] = transposeB ? b[j + jj + (p0 + p) * n] : b[(j + jj) * k + p0 + p];
                }
                Arrays.fill(out, o + panelCols, o + NR, 0.0f);
            }
        }
    }

    /**
     * Twelve vector accumulators, two vector loads of A and six broadcasts of B per step of k. One code path only, so
     * the JIT keeps every accumulator in a register.
     */
    @Override
    void microKernel(int depth, float[] a, int aOffset, float[] b, int bOffset, float[] c, int ldc, int offset,
            boolean first, double scale) {
        float factor = (float) scale;
        FloatVector c00 = FloatVector.zero(SPECIES);
        FloatVector c10 = FloatVector.zero(SPECIES);
        FloatVector c01 = FloatVector.zero(SPECIES);
        FloatVector c11 = FloatVector.zero(SPECIES);
        FloatVector c02 = FloatVector.zero(SPECIES);
        FloatVector c12 = FloatVector.zero(SPECIES);
        FloatVector c03 = FloatVector.zero(SPECIES);
        FloatVector c13 = FloatVector.zero(SPECIES);
        FloatVector c04 = FloatVector.zero(SPECIES);
        FloatVector c14 = FloatVector.zero(SPECIES);
        FloatVector c05 = FloatVector.zero(SPECIES);
        FloatVector c15 = FloatVector.zero(SPECIES);
        for (int p = 0; p < depth; p++) {
            int ao = aOffset + p * MR;
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, ao);
            FloatVector a1 = FloatVector.fromArray(SPECIES, a, ao + LANES);
            int bo = bOffset + p * NR;
            FloatVector bv = FloatVector.broadcast(SPECIES, b[bo]);
            c00 = a0.fma(bv, c00);
            c10 = a1.fma(bv, c10);
            bv = FloatVector.broadcast(SPECIES, b[bo + 1]);
            c01 = a0.fma(bv, c01);
            c11 = a1.fma(bv, c11);
            bv = FloatVector.broadcast(SPECIES, b[bo + 2]);
            c02 = a0.fma(bv, c02);
            c12 = a1.fma(bv, c12);
            bv = FloatVector.broadcast(SPECIES, b[bo + 3]);
            c03 = a0.fma(bv, c03);
            c13 = a1.fma(bv, c13);
            bv = FloatVector.broadcast(SPECIES, b[bo + 4]);
            c04 = a0.fma(bv, c04);
            c14 = a1.fma(bv, c14);
            bv = FloatVector.broadcast(SPECIES, b[bo + 5]);
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
            c00 = c00.add(FloatVector.fromArray(SPECIES, c, offset));
            c10 = c10.add(FloatVector.fromArray(SPECIES, c, offset + LANES));
            c01 = c01.add(FloatVector.fromArray(SPECIES, c, o1));
            c11 = c11.add(FloatVector.fromArray(SPECIES, c, o1 + LANES));
            c02 = c02.add(FloatVector.fromArray(SPECIES, c, o2));
            c12 = c12.add(FloatVector.fromArray(SPECIES, c, o2 + LANES));
            c03 = c03.add(FloatVector.fromArray(SPECIES, c, o3));
            c13 = c13.add(FloatVector.fromArray(SPECIES, c, o3 + LANES));
            c04 = c04.add(FloatVector.fromArray(SPECIES, c, o4));
            c14 = c14.add(FloatVector.fromArray(SPECIES, c, o4 + LANES));
            c05 = c05.add(FloatVector.fromArray(SPECIES, c, o5));
            c15 = c15.add(FloatVector.fromArray(SPECIES, c, o5 + LANES));
        }
        c00.mul(factor).intoArray(c, offset);
        c10.mul(factor).intoArray(c, offset + LANES);
        c01.mul(factor).intoArray(c, o1);
        c11.mul(factor).intoArray(c, o1 + LANES);
        c02.mul(factor).intoArray(c, o2);
        c12.mul(factor).intoArray(c, o2 + LANES);
        c03.mul(factor).intoArray(c, o3);
        c13.mul(factor).intoArray(c, o3 + LANES);
        c04.mul(factor).intoArray(c, o4);
        c14.mul(factor).intoArray(c, o4 + LANES);
        c05.mul(factor).intoArray(c, o5);
        c15.mul(factor).intoArray(c, o5 + LANES);
    }

    @Override
    void mergeEdge(float[] tile, float[] c, int ldc, int i, int j, int rows, int cols, boolean first, double scale) {
        for (int jj = 0; jj < cols; jj++) {
            for (int r = 0; r < rows; r++) {
                int o = i + r + (j + jj) * ldc;
                float v = tile[jj * MR + r];
                c[o] = (first ? v : c[o] + v) * (float) scale;
            }
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
