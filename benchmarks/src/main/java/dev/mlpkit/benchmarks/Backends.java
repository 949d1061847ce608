package dev.mlpkit.benchmarks;

import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;

import dev.mlpkit.linalg.Compute;
import dev.mlpkit.linalg.Kernel;
import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.linalg.simd.SimdKernel;

/**
 * The product backends a benchmark can choose: ojAlgo's, the SIMD kernel, and for reference ojAlgo's column-major
 * store product and two textbook loops.
 */
final class Backends {

    private Backends() {
    }

    /** Matrices of {@code precision} on the backend {@code name} (ojalgo, simd, ojalgo-store, naive-ijk or ikj). */
    static MatrixFactory factory(String precision, String name) {
        return MatrixFactory.named(precision, compute(name));
    }

    /** The backend called {@code name}, on every core. */
    static Compute compute(String name) {
        return switch (name) {
            case "ojalgo" -> Compute.ojAlgo();
            case "simd" -> Compute.ojAlgo().withKernel(new SimdKernel());
            case "ojalgo-store" -> Compute.ojAlgo().withKernel(new OjAlgoStores());
            case "naive-ijk" -> Compute.ojAlgo().withKernel(new Loops(false));
            case "ikj" -> Compute.ojAlgo().withKernel(new Loops(true));
            default -> throw new IllegalArgumentException("unknown backend " + name);
        };
    }

    /**
     * ojAlgo's own product on its column-major stores, {@code R064Store} and {@code R032Store}, with transposed operands
     * as ojAlgo's transposed views: what the ojalgo backend would be without its row copies.
     */
    private record OjAlgoStores() implements Kernel {
        @Override
        public String name() {
            return "ojalgo-store";
        }

        @Override
        public boolean isUsable() {
            return true;
        }

        @Override
        public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b,
                double[] c, double scale, int threads) {
            R064Store product = R064Store.wrap(c, m);
            product.fillByMultiplying(op(R064Store.wrap(a, transposeA ? k : m), transposeA),
                    op(R064Store.wrap(b, transposeB ? n : k), transposeB));
            if (scale != 1.0) {
                product.modifyAll(org.ojalgo.function.constant.PrimitiveMath.MULTIPLY.second(scale));
            }
        }

        @Override
        public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b,
                float[] c, float scale, int threads) {
            R032Store product = R032Store.wrap(c, m);
            product.fillByMultiplying(op(R032Store.wrap(a, transposeA ? k : m), transposeA),
                    op(R032Store.wrap(b, transposeB ? n : k), transposeB));
            if (scale != 1.0f) {
                product.modifyAll(org.ojalgo.function.constant.PrimitiveMath.MULTIPLY.second(scale));
            }
        }

        private static MatrixStore<Double> op(MatrixStore<Double> store, boolean transposed) {
            return transposed ? store.transpose() : store;
        }
    }

    /** The textbook triple loops, single-threaded: i-j-k (a dot product per element), or i-k-j (axpy down columns). */
    private record Loops(boolean ikj) implements Kernel {
        @Override
        public String name() {
            return ikj ? "ikj" : "naive-ijk";
        }

        @Override
        public boolean isUsable() {
            return true;
        }

        @Override
        public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b,
                double[] c, double scale, int threads) {
            if (ikj) {
                java.util.Arrays.fill(c, 0, m * n, 0.0);
                for (int j = 0; j < n; j++) {
                    for (int p = 0; p < k; p++) {
                        double bpj = b[index(transposeB, p, j, k, n)];
                        for (int i = 0; i < m; i++) {
                            c[i + j * m] += a[index(transposeA, i, p, m, k)] * bpj;
                        }
                    }
                }
            } else {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int p = 0; p < k; p++) {
                            sum += a[index(transposeA, i, p, m, k)] * b[index(transposeB, p, j, k, n)];
                        }
                        c[i + j * m] = sum;
                    }
                }
            }
            for (int i = 0; i < m * n; i++) {
                c[i] *= scale;
            }
        }

        @Override
        public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b,
                float[] c, float scale, int threads) {
            if (ikj) {
                java.util.Arrays.fill(c, 0, m * n, 0.0f);
                for (int j = 0; j < n; j++) {
                    for (int p = 0; p < k; p++) {
                        float bpj = b[index(transposeB, p, j, k, n)];
                        for (int i = 0; i < m; i++) {
                            c[i + j * m] += a[index(transposeA, i, p, m, k)] * bpj;
                        }
                    }
                }
            } else {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        float sum = 0;
                        for (int p = 0; p < k; p++) {
                            sum += a[index(transposeA, i, p, m, k)] * b[index(transposeB, p, j, k, n)];
                        }
                        c[i + j * m] = sum;
                    }
                }
            }
            for (int i = 0; i < m * n; i++) {
                c[i] *= scale;
            }
        }

        /** Where element (row, col) of op(X), a rows x cols matrix, is in X's column-major array. */
        private static int index(boolean transposed, int row, int col, int rows, int cols) {
            return transposed ? col + row * cols : row + col * rows;
        }
    }
}
