package dev.mlpkit.benchmarks;

import dev.mlpkit.nn.linalg.Linalg;
import dev.mlpkit.nn.linalg.ProductKernel;
import dev.mlpkit.nn.simd.SimdKernel;

/** The product backends a benchmark can choose: ojAlgo's, the SIMD kernel, and two textbook loops for reference. */
final class Backends {

    private Backends() {
    }

    /** Makes {@code name} the backend of float64 products: ojalgo, simd, naive-ijk or ikj. */
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
                double[] c, int threads) {
            if (ikj) {
                java.util.Arrays.fill(c, 0, m * n, 0.0);
                for (int j = 0; j < n; j++) {
                    for (int p = 0; p < k; p++) {
                        double bpj = transposeB ? b[j + p * n] : b[p + j * k];
                        int column = j * m;
                        for (int i = 0; i < m; i++) {
                            c[column + i] += (transposeA ? a[p + i * k] : a[i + p * m]) * bpj;
                        }
                    }
                }
                return;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += (transposeA ? a[p + i * k] : a[i + p * m]) * (transposeB ? b[j + p * n] : b[p + j * k]);
                    }
                    c[i + j * m] = sum;
                }
            }
        }
    }
}
