package dev.mlpkit.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatrixTest {

    private static final double TOLERANCE = 1e-12;
    private static final MatrixFactory F = MatrixFactory.float64(Compute.ojAlgo());
    private static final MatrixFactory[] BOTH = { MatrixFactory.float32(Compute.ojAlgo()), F };

    @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
    @CsvSource({ "1,1,1", "7,13,5", "33,65,40", "64,17,100", "3,1,9" })
    void theThreeProductsEqualTheNaiveTripleLoop(int m, int k, int n) {
        Matrix a = random(m, k, 1);
        Matrix b = random(k, n, 2);
        double[][] expected = naiveProduct(a.toRows(), b.toRows());

        Matrix ab = F.zeros(m, n);
        a.multiplyInto(b, ab);
        assertClose(expected, ab);

        Matrix bTransposed = transpose(b);
        Matrix abt = F.zeros(m, n);
        a.multiplyInto(false, bTransposed, true, 1.0, abt);
        assertClose(expected, abt);

        Matrix aTransposed = transpose(a);
        Matrix atb = F.zeros(m, n);
        aTransposed.multiplyInto(true, b, false, 1.0, atb);
        assertClose(expected, atb);
    }

    @Test
    void elementwiseOperationsWorkInPlace() {
        Matrix a = F.fromRows(new double[][] { { 1, 2, 3 }, { 4, 5, 6 } });
        Matrix b = F.fromRows(new double[][] { { 1, 1, 1 }, { 2, 2, 2 } });
        Matrix out = F.zeros(2, 3);
        a.subtractInto(b, out);
        assertEquals(4.0, out.get(1, 2));
        out.multiplyElementwiseInPlace(b);
        assertEquals(8.0, out.get(1, 2));
        out.addScaledInPlace(-2.0, b);
        assertEquals(4.0, out.get(1, 2));
        out.scaleInPlace(0.5);
        assertEquals(2.0, out.get(1, 2));
        Matrix bias = F.fromRows(new double[][] { { 10 }, { 20 } });
        a.addColumnToEachColumnInPlace(bias);
        assertEquals(26.0, a.get(1, 2));
        Matrix sums = F.zeros(2, 1);
        a.rowSumsInto(sums);
        assertEquals(36.0, sums.get(0, 0));
        assertEquals(75.0, sums.get(1, 0));
        assertTrue(a.isAllFinite());
        a.set(0, 0, Double.NaN);
        assertFalse(a.isAllFinite());
    }

    /**
     * Row sums are summed in double from the first column to the last, for every row, also past the first block of
     * rows that the loop works on (here 700 rows, 3 columns: one block of 512 rows, then the rest).
     */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({ "700,3", "3,700", "1,1", "256,100" })
    void rowSumsAddEachRowInColumnOrderInDouble(int rows, int cols) {
        for (MatrixFactory f : BOTH) {
            SplittableRandom random = new SplittableRandom(rows);
            Matrix a = f.zeros(rows, cols);
            a.modifyInPlace(x -> random.nextDouble() * 2e6 - 1e6);
            Matrix sums = f.zeros(rows, 1);
            a.rowSumsInto(sums);
            for (int i = 0; i < rows; i++) {
                double sum = 0.0;
                for (int j = 0; j < cols; j++) {
                    sum += a.get(i, j);
                }
                Matrix expected = f.zeros(1, 1);
                expected.set(0, sum);
                assertEquals(expected.get(0), sums.get(i), 0.0, f.name() + " row " + i);
            }
        }
    }

    /** Picked columns go in whole and in order, in both precisions; a column that does not exist is named. */
    @Test
    void gatherColumnsCopiesThePickedColumns() {
        for (MatrixFactory f : BOTH) {
            Matrix examples = f.fromColumns(new double[][] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
            Matrix a = f.zeros(2, 2);
            examples.gatherColumnsInto(new int[] { 9, 2, 0 }, 1, a);
            assertEquals(List.of(5.0, 6.0, 1.0, 2.0), List.of(a.get(0), a.get(1), a.get(2), a.get(3)), f.name());
            examples.gatherColumnsInto(new int[] { 1, 1 }, 0, a);
            assertEquals(List.of(3.0, 4.0, 3.0, 4.0), List.of(a.get(0), a.get(1), a.get(2), a.get(3)), f.name());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> examples.gatherColumnsInto(new int[] { 3 }, 0, f.zeros(2, 1)));
            assertEquals("column 3 of a 2x3 matrix does not exist", e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> examples.gatherColumnsInto(new int[] { 0 }, 0, f.zeros(3, 1)));
            assertEquals("a gathered batch is 3x1 where 2x1 is needed", e.getMessage());
        }
    }

    /** Each storage's own loop finds a NaN or an infinity anywhere, the last element included. */
    @Test
    void isAllFiniteLooksAtEveryElementInBothPrecisions() {
        for (MatrixFactory f : BOTH) {
            Matrix a = f.zeros(3, 4);
            a.fillInPlace(1e30);
            assertTrue(a.isAllFinite(), f.name());
            for (double bad : new double[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }) {
                a.set(a.size() - 1, bad);
                assertFalse(a.isAllFinite(), f.name() + ": " + bad);
                a.set(a.size() - 1, 1.0);
            }
            a.set(0, 1e300);    // finite as a double, infinite once rounded to a float
            assertEquals(!f.isFloat32(), a.isAllFinite(), f.name());
        }
    }

    /** Examples given one per array become the columns; float32 rounds each to the nearest float. */
    @Test
    void fromColumnsPutsEachArrayInAColumn() {
        for (MatrixFactory f : BOTH) {
            Matrix a = f.fromColumns(new double[][] { { 0.1, -3.5, 7 }, { 1, 2, 3 } });
            assertEquals(List.of(3, 2), List.of(a.rows(), a.cols()));
            assertEquals(f.isFloat32() ? (double) 0.1f : 0.1, a.get(0, 0), 0.0, f.name());
            assertEquals(3.0, a.get(2, 1), f.name());
            assertThrows(IllegalArgumentException.class, () -> a.setColumn(0, new double[2]));
        }
    }

    @Test
    void storageIsColumnMajor() {
        Matrix a = F.fromRows(new double[][] { { 1, 2 }, { 3, 4 } });
        assertEquals(3.0, a.get(1));
        assertEquals(2.0, a.get(2));
    }

    @Test
    void float32MatricesKeepSinglePrecision() {
        Matrix a = MatrixFactory.float32().zeros(1, 1);
        a.set(0, 0, 0.1);
        assertEquals((double) 0.1f, a.get(0, 0));
        assertEquals("float32", a.factory().name());
    }

    /** A function's results that would be subnormal floats become zero; a float64 matrix keeps them. */
    @Test
    void float32FunctionResultsFlushSubnormalsToZero() {
        for (MatrixFactory f : BOTH) {
            Matrix z = f.fromRows(new double[][] { { -100, -80, 0, 100 } });
            z.modifyInPlace(x -> 1 / (1 + Math.exp(-x)));
            assertEquals(f.isFloat32() ? 0.0 : 1 / (1 + Math.exp(100)), z.get(0, 0), f.name());
            double normal = 1 / (1 + Math.exp(80));
            assertEquals(f.isFloat32() ? (float) normal : normal, z.get(0, 1), 0.0, f.name() + ": kept");
            assertEquals(0.5, z.get(0, 2), f.name());
        }
    }

    /** Matrices of two precisions are refused in one operation with a sentence that names both. */
    @Test
    void anOperationOnTwoPrecisionsIsRefused() {
        Matrix doubles = F.zeros(2, 2);
        Matrix floats = MatrixFactory.float32().zeros(2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> doubles.addScaledInPlace(1.0, floats));
        assertEquals("an operation needs matrices of one precision, not float64 and float32", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> floats.multiplyInto(doubles, floats));
    }

    /** Two factories of one precision on different computes make matrices that work side by side. */
    @Test
    void eachFactoryComputesOnItsOwnCompute() {
        MatrixFactory one = MatrixFactory.float64(Compute.ojAlgo().withThreads(1));
        MatrixFactory two = MatrixFactory.float64(Compute.ojAlgo().withThreads(2));
        assertEquals(1, one.zeros(1, 1).factory().compute().threads());
        assertEquals(2, two.zeros(1, 1).factory().compute().threads());
        Matrix a = random(40, 300, 3);
        Matrix b = random(300, 50, 4);
        Matrix c1 = one.zeros(40, 50);
        Matrix c2 = two.zeros(40, 50);
        a.multiplyInto(b, c1);
        a.multiplyInto(b, c2);
        for (int k = 0; k < c1.size(); k++) {
            assertEquals(c1.get(k), c2.get(k), 0.0, "element " + k);
        }
        assertThrows(IllegalArgumentException.class, () -> Compute.ojAlgo().withThreads(0));
    }

    /** A sigmoid layer's bias and activation in one call: the bits of adding the bias, then the logistic function. */
    @Test
    void theLogisticOfASumWithAColumnIsTheSumThenTheLogistic() {
        for (MatrixFactory f : BOTH) {
            Matrix z = f.fromRows(new double[][] { { -3, 0.25, 40 }, { 1e-3, -90, 2 } });
            Matrix bias = f.fromRows(new double[][] { { 0.1 }, { -0.7 } });
            Matrix expected = z.copy();
            expected.addColumnToEachColumnInPlace(bias);
            expected.logisticInPlace();
            z.addColumnThenLogisticInPlace(bias);
            for (int k = 0; k < z.size(); k++) {
                assertEquals(expected.get(k), z.get(k), 0.0, f.name() + " element " + k);
            }
            assertThrows(IllegalArgumentException.class, () -> z.addColumnThenLogisticInPlace(f.zeros(3, 1)));
        }
    }

    /** Without a faster kernel, the logistic function is Math.exp's, and float32 rounds it once and flushes as above. */
    @Test
    void theLogisticFunctionOfTheOjAlgoKernelIsMathExpsOneElementAtATime() {
        for (MatrixFactory f : BOTH) {
            double[] z = { -1000, -100, -80, -2, -0.0, 0.5, 3, 40, 1000, Double.NaN };
            Matrix m = f.fromRows(new double[][] { z });
            m.logisticInPlace();
            for (int j = 0; j < z.length; j++) {
                double x = f.fromRows(new double[][] { { z[j] } }).get(0, 0);
                double exact = 1 / (1 + Math.exp(-x));
                double expected = f.isFloat32() ? Matrix.toFloat(exact) : exact;
                assertEquals(expected, m.get(0, j), 0.0, f.name() + " logistic(" + z[j] + ")");
            }
        }
    }

    @Test
    void multiplyByFunctionOfMultipliesEachElementByTheFunctionOfTheOther() {
        for (MatrixFactory f : BOTH) {
            Matrix g = f.fromRows(new double[][] { { 2, 3 }, { 4, 5 } });
            Matrix a = f.fromRows(new double[][] { { 0.5, 0.25 }, { 1, 0 } });
            g.multiplyByFunctionOfInPlace(x -> x * (1 - x), a);
            assertEquals(List.of(0.5, 0.5625, 0.0, 0.0), List.of(g.get(0, 0), g.get(0, 1), g.get(1, 0), g.get(1, 1)),
                    f.name());
        }
    }

    @Test
    void mismatchedShapesAreNamed() {
        Matrix a = F.zeros(2, 3);
        Matrix b = F.zeros(4, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.multiplyInto(b, F.zeros(2, 5)));
        assertEquals("cannot compute A*B = (2x3) * (4x5) into a 2x5 matrix", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.zeros(0, 3));
        assertEquals("a matrix needs at least one row and one column, not 0x3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixFactory.named("float16"));
        assertEquals("unknown precision 'float16': known are float64, float32", e.getMessage());
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

    private static double[][] naiveProduct(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static void assertClose(double[][] expected, Matrix actual) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertEquals(expected[i][j], actual.get(i, j), TOLERANCE * Math.max(1, Math.abs(expected[i][j])));
            }
        }
    }
}
