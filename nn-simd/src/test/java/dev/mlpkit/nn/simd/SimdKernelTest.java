package dev.mlpkit.nn.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mlpkit.nn.linalg.Linalg;
import dev.mlpkit.nn.linalg.Matrix;
import dev.mlpkit.nn.linalg.MatrixFactory;

/** The SIMD kernel equals ojAlgo's products within 1e-12 relative, on odd shapes, for A*B, A*B^T and A^T*B. */
class SimdKernelTest {

    private static final double RELATIVE = 1e-12;
    private static final MatrixFactory F = MatrixFactory.float64();

    @AfterEach
    void backToTheDefault() {
        Linalg.useKernel(new SimdKernel());
    }

    @Test
    void itIsFoundOnTheClassPathWhenTheVectorApiIsThere() {
        assertEquals("simd", Linalg.backend());
    }

    @ParameterizedTest(name = "{0}x{2} times {2}x{1}, {3} threads")
    @CsvSource({ "1,1,1,1", "256,1,4096,2", "128,2,256,1", "19,5,33,2", "7,13,5,1", "13,7,33,2", "16,6,256,1", "17,7,257,2", "257,4097,3,2", "256,100,4096,2",
        "33,200,300,2", "128,100,256,1", "5,1000,2,2" })
    void theThreeProductsEqualOjAlgos(int m, int n, int k, int threads) {
        Matrix a = random(m, k, 1);
        Matrix b = random(k, n, 2);
        Matrix aT = transpose(a);
        Matrix bT = transpose(b);
        Linalg.useKernel(null);
        Matrix expected = F.zeros(m, n);
        a.multiplyInto(b, expected);

        Linalg.useKernel(new SimdKernel());
        Linalg.setProductThreads(threads);
        try {
            Matrix ab = F.zeros(m, n);
            a.multiplyInto(b, ab);
            assertClose(expected, ab, "A*B");
            Matrix abt = F.zeros(m, n);
            a.multiplyByTransposeInto(bT, abt);
            assertClose(expected, abt, "A*B^T");
            Matrix atb = F.zeros(m, n);
            aT.transposeMultiplyInto(b, atb);
            assertClose(expected, atb, "A^T*B");
        } finally {
            Linalg.setProductThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void previousContentsOfTheOutputDoNotLeakIn() {
        Matrix a = random(20, 300, 3);
        Matrix b = random(300, 9, 4);
        Matrix out = random(20, 9, 5);
        a.multiplyInto(b, out);
        Matrix clean = F.zeros(20, 9);
        a.multiplyInto(b, clean);
        assertClose(clean, out, "overwritten");
    }

    private static void assertClose(Matrix expected, Matrix actual, String what) {
        double scale = 0;
        for (int i = 0; i < expected.size(); i++) {
            scale = Math.max(scale, Math.abs(expected.get(i)));
        }
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i);
            assertTrue(Math.abs(e - actual.get(i)) <= RELATIVE * Math.max(1e-300, Math.max(Math.abs(e), scale * 1e-3)),
                    what + " element " + i + ": " + e + " vs " + actual.get(i));
        }
    }

    private static Matrix random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = F.zeros(rows, cols);
        m.modifyInPlace(x -> random.nextDouble() - 0.5);
        return m;
    }

    private static Matrix transpose(Matrix m) {
        Matrix t = F.zeros(m.cols(), m.rows());
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                t.set(j, i, m.get(i, j));
            }
        }
        return t;
    }
}
