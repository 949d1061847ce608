package dev.mlpkit.nn.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlpkit.nn.linalg.Linalg;
import dev.mlpkit.nn.linalg.Matrix;
import dev.mlpkit.nn.linalg.MatrixFactory;

/**
 * The SIMD kernel equals ojAlgo's float64 products within 1e-12 relative, and its float32 products stay within the
 * textbook bound for float sums, on odd shapes, for A*B, A*B^T and A^T*B, on one thread and split by rows or columns.
 */
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
        "33,200,300,2", "128,100,256,1", "5,1000,2,2", "300,40,1000,2", "33,700,400,2", "1000,7,1200,2", "37,29,8000,2" })
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

    @ParameterizedTest(name = "{0}x{2} times {2}x{1}, {3} threads")
    @CsvSource({ "1,1,1,1", "256,1,4096,2", "19,5,33,2", "7,13,5,1", "33,6,257,1", "256,100,4096,2", "300,40,1000,2",
        "33,700,400,2", "1000,7,1200,2", "37,29,8000,2" })
    void float32ProductsStayWithinTheErrorBoundOfFloatSums(int m, int n, int k, int threads) {
        Matrix a = random(MatrixFactory.float32(), m, k, 1);
        Matrix b = random(MatrixFactory.float32(), k, n, 2);
        Matrix aT = transpose(a);
        Matrix bT = transpose(b);
        Linalg.setProductThreads(threads);
        try {
            Matrix ab = MatrixFactory.float32().zeros(m, n);
            a.multiplyInto(b, ab);
            assertWithinFloatBound(a, b, ab, "A*B");
            a.multiplyByTransposeInto(bT, ab);
            assertWithinFloatBound(a, b, ab, "A*B^T");
            aT.transposeMultiplyInto(b, ab);
            assertWithinFloatBound(a, b, ab, "A^T*B");
        } finally {
            Linalg.setProductThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    /** A mean gradient is the product times 1 / batch size; scaling inside the kernel must round the same way. */
    @ParameterizedTest
    @ValueSource(strings = { "float64", "float32" })
    void aScaledProductHasTheBitsOfTheProductScaledAfterwards(String precision) {
        MatrixFactory f = MatrixFactory.named(precision);
        for (int[] shape : new int[][] { { 256, 100, 300 }, { 19, 3, 33 }, { 40, 700, 30 }, { 40, 8000, 30 } }) {
            Matrix delta = random(f, shape[0], shape[1], 6);
            Matrix inputs = random(f, shape[2], shape[1], 7);
            Matrix scaled = f.zeros(shape[0], shape[2]);
            delta.multiplyByTransposeInto(inputs, 0.01, scaled);
            Matrix afterwards = f.zeros(shape[0], shape[2]);
            delta.multiplyByTransposeInto(inputs, afterwards);
            afterwards.scaleInPlace(0.01);
            for (int i = 0; i < scaled.size(); i++) {
                assertEquals(afterwards.get(i), scaled.get(i), 0.0, precision + " element " + i);
            }
        }
    }

    /** Subnormal floats count as zero (x86 is a hundred times slower on them); normal ones are kept, however small. */
    @Test
    void float32ProductsFlushSubnormalInputsToZero() {
        MatrixFactory f = MatrixFactory.float32();
        Matrix a = f.zeros(40, 3);
        Matrix b = f.zeros(3, 7);
        a.fillInPlace(1e-40);
        a.set(0, 1, Float.MIN_NORMAL);
        b.fillInPlace(1.0);
        Matrix c = f.zeros(40, 7);
        a.multiplyInto(b, c);
        assertEquals(1e-40f, (float) a.get(1, 0), "the matrix itself keeps the subnormal");
        assertEquals(Float.MIN_NORMAL, (float) c.get(0, 0), "a normal input is kept");
        for (int i = 1; i < 40; i++) {
            assertEquals(0.0, c.get(i, 6), "row " + i);
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

    /**
     * Within 1e-12 of the largest element: relative to the product's size, not to each element, because an element that
     * is a near-cancelling sum of thousands of terms changes in its last digits with any other order of summation (the
     * kernel splits long sums over two threads; ojAlgo sums in yet another order).
     */
    private static void assertClose(Matrix expected, Matrix actual, String what) {
        double scale = 0;
        for (int i = 0; i < expected.size(); i++) {
            scale = Math.max(scale, Math.abs(expected.get(i)));
        }
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i);
            assertTrue(Math.abs(e - actual.get(i)) <= RELATIVE * Math.max(1e-300, scale),
                    what + " element " + i + ": " + e + " vs " + actual.get(i));
        }
    }

    /**
     * Each element of a float32 product against the exact sum (in double, of the same float inputs): a sum of k
     * products rounded in float is off by at most {@code k * 2^-24 * sum |a_ip b_pj|} (Higham, Accuracy and Stability
     * of Numerical Algorithms, 3.1), plus the final rounding.
     */
    private static void assertWithinFloatBound(Matrix a, Matrix b, Matrix actual, String what) {
        int k = a.cols();
        double unit = Math.scalb(1.0, -24);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double exact = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    exact += a.get(i, p) * b.get(p, j);
                    magnitude += Math.abs(a.get(i, p) * b.get(p, j));
                }
                double bound = (k + 1) * unit * magnitude;
                assertTrue(Math.abs(actual.get(i, j) - exact) <= bound,
                        what + " element (" + i + ", " + j + "): " + actual.get(i, j) + " vs " + exact);
            }
        }
    }

    private static Matrix random(int rows, int cols, long seed) {
        return random(F, rows, cols, seed);
    }

    private static Matrix random(MatrixFactory f, int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = f.zeros(rows, cols);
        m.modifyInPlace(x -> random.nextDouble() - 0.5);
        return m;
    }

    private static Matrix transpose(Matrix m) {
        Matrix t = m.factory().zeros(m.cols(), m.rows());
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                t.set(j, i, m.get(i, j));
            }
        }
        return t;
    }
}
