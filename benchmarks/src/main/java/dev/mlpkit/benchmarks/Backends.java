package dev.mlpkit.benchmarks;

import dev.mlpkit.nn.linalg.Linalg;
import dev.mlpkit.nn.linalg.ProductKernel;
import dev.mlpkit.nn.simd.SimdKernel;

/** The product backends a benchmark can choose: ojAlgo's, the SIMD kernel, and two textbook loops for reference. */
final class Backends {

    private Backends() {
    }

    /** Makes {@code name} the backend of products: ojalgo, simd, naive-ijk or ikj. */
    static void use(String name) {
        Linalg.useKernel(switch (name) {
            case "ojalgo" -> null;
            case "simd" -> new SimdKernel();
            case "naive-ijk" -> new Loops(false);
            case "ikj" -> new Loops(true);
            default -> throw new IllegalArgumentException("unknown backend " + name);
        });
    }

    /** The textbook triple loops, single-threaded: i-j-k (a dot product per element), or i-k-j (axpy down columns). */
    private record Loops(boolean ikj) implements ProductKernel {
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
