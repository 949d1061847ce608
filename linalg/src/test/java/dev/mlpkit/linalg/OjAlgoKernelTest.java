package dev.mlpkit.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ojalgo.matrix.store.R064Store;

/**
 * The ojAlgo backend's row-major product gives the same bits as the textbook sum in index order, for A*B, A*B^T and
 * A^T*B, on one thread and two, across the inner blocks and on shapes that do not divide evenly; ojAlgo's own
 * column-major product agrees within rounding (its one-row product sums in another order).
 */
class OjAlgoKernelTest {

    private static final Kernel KERNEL = new OjAlgoKernel();

    @ParameterizedTest(name = "{0}x{2} times {2}x{1}, {3} threads")
    @CsvSource({ "1,1,1,1", "7,13,5,2", "3,1,9,1", "129,3,257,2", "5,300,129,2", "256,100,4096,1", "256,100,4096,2",
        "1,2050,256,2", "256,1,4096,2", "33,3,70,1" })
    void theThreeProductsEqualTheTextbookSumBitForBit(int m, int n, int k, int threads) {
        double[] a = random(m * k, 1);
        double[] b = random(k * n, 2);
        double[] expected = textbook(a, b, m, n, k);
        R064Store ojAlgo = R064Store.FACTORY.make(m, n);
        ojAlgo.fillByMultiplying(R064Store.wrap(a, m), R064Store.wrap(b, k));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], ojAlgo.data[i], 1e-12 * k, "ojAlgo's R064Store product, element " + i);
        }

        double[] c = new double[m * n];
        KERNEL.multiply(false, false, m, n, k, a, b, c, 1.0, threads);
        assertArrayEquals(expected, c, 0.0, "A*B");
        KERNEL.multiply(false, true, m, n, k, a, transpose(b, k, n), c, 1.0, threads);
        assertArrayEquals(expected, c, 0.0, "A*B^T");
        KERNEL.multiply(true, false, m, n, k, transpose(a, m, k), b, c, 1.0, threads);
        assertArrayEquals(expected, c, 0.0, "A^T*B");
    }

    @Test
    void aScaledProductIsTheProductThenScaled() {
        MatrixFactory f = MatrixFactory.float64();
        Matrix dz = filled(f, 256, 100, 3);
        Matrix x = filled(f, 4096, 100, 4);
        Matrix scaled = f.zeros(256, 4096);
        dz.multiplyInto(false, x, true, 0.01, scaled);
        Matrix expected = f.zeros(256, 4096);
        dz.multiplyInto(false, x, true, 1.0, expected);
        expected.scaleInPlace(0.01);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), scaled.get(i), 0.0, "element " + i);
        }
    }

    @Test
    void float32IsSummedInDoubleAndRoundedOnce() {
        int m = 33;
        int n = 40;
        int k = 300;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextDouble() - 0.5);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (random.nextDouble() - 0.5);
        }
        double[] wide = textbook(widen(a), widen(b), m, n, k);
        float[] c = new float[m * n];
        KERNEL.multiply(false, false, m, n, k, a, b, c, 0.5f, 2);
        for (int i = 0; i < c.length; i++) {
            assertEquals((float) wide[i] * 0.5f, c[i], 0.0f, "element " + i);
        }
    }

    @Test
    void aProductOfTwoPrecisionsIsRefused() {
        Matrix a = MatrixFactory.float64().zeros(2, 3);
        Matrix b = MatrixFactory.float32().zeros(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.multiplyInto(b, MatrixFactory.float64().zeros(2, 2)));
        assertEquals("an operation needs matrices of one precision, not float64 and float32", e.getMessage());
    }

    /** c = a * b summed in index order, straight from the definition. */
    private static double[] textbook(double[] a, double[] b, int m, int n, int k) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum += a[i + p * m] * b[p + j * k];
                }
                c[i + j * m] = sum;
            }
        }
        return c;
    }

    /** The column-major {@code cols x rows} transpose of a column-major {@code rows x cols} array. */
    private static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j + i * cols] = x[i + j * rows];
            }
        }
        return t;
    }

    private static double[] widen(float[] x) {
        double[] wide = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            wide[i] = x[i];
        }
        return wide;
    }

    private static double[] random(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextDouble() - 0.5;
        }
        return x;
    }

    private static Matrix filled(MatrixFactory f, int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix matrix = f.zeros(rows, cols);
        matrix.modifyInPlace(x -> random.nextDouble() - 0.5);
        return matrix;
    }
}
