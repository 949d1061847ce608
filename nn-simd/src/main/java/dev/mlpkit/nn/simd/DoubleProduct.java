package dev.mlpkit.nn.simd;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 panels and micro-kernel: MR is two vectors of the preferred species (16 doubles with AVX-512), NR is 6, so
 * the tile's twelve accumulators stay in registers. Blocks of 128 of k keep an A panel (16 KB) in L1.
 */
final class DoubleProduct extends PackedProduct<double[]> {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    private static final int MR = 2 * LANES;
    private static final int NR = 6;

    DoubleProduct() {
        super(MR, NR, 128, Math.max(MR, 192 / MR * MR));
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

    /** A plain B is read down its six columns at once, so every write lands next to the one before. */
    @Override
    void packB(boolean transposeB, int n, int k, double[] b, int p0, int depth, int j0, int cols, double[] out) {
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
                Arrays.fill(out, o + panelCols, o + NR, 0.0);
            }
        }
    }

    /**
     * Twelve vector accumulators, two vector loads of A and six broadcasts of B per step of k. One code path only, so
     * the JIT keeps every accumulator in a register.
     */
    @Override
    void microKernel(int depth, double[] a, int aOffset, double[] b, int bOffset, double[] c, int ldc, int offset,
            boolean first, double scale) {
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
        for (int p = 0; p < depth; p++) {
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
        c00.mul(scale).intoArray(c, offset);
        c10.mul(scale).intoArray(c, offset + LANES);
        c01.mul(scale).intoArray(c, o1);
        c11.mul(scale).intoArray(c, o1 + LANES);
        c02.mul(scale).intoArray(c, o2);
        c12.mul(scale).intoArray(c, o2 + LANES);
        c03.mul(scale).intoArray(c, o3);
        c13.mul(scale).intoArray(c, o3 + LANES);
        c04.mul(scale).intoArray(c, o4);
        c14.mul(scale).intoArray(c, o4 + LANES);
        c05.mul(scale).intoArray(c, o5);
        c15.mul(scale).intoArray(c, o5 + LANES);
    }

    @Override
    void mergeEdge(double[] tile, double[] c, int ldc, int i, int j, int rows, int cols, boolean first, double scale) {
        for (int jj = 0; jj < cols; jj++) {
            for (int r = 0; r < rows; r++) {
                int o = i + r + (j + jj) * ldc;
                double v = tile[jj * MR + r];
                c[o] = (first ? v : c[o] + v) * scale;
            }
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
