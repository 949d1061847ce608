package dev.mlpkit.linalg.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlpkit.linalg.Compute;
import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/**
 * The SIMD kernel equals ojAlgo's float64 products within 1e-12 relative, and its float32 products stay within the
 * textbook bound for float sums, on odd shapes, for A*B, A*B^T and A^T*B, on one thread and split by rows, columns
 * or k into as many parts as there are threads (a kernel with three helpers splits work in four, on any machine).
 */
class SimdKernelTest {

    private static final double RELATIVE = 1e-12;
    private static final SimdKernel KERNEL = new SimdKernel(3);
    private static final MatrixFactory F = simd("float64", 2);
    private static final MatrixFactory OJALGO = MatrixFactory.float64(Compute.ojAlgo());

    /** Matrices of {@code precision} on this test's kernel, which may use {@code threads} threads. */
    private static MatrixFactory simd(String precision, int threads) {
        return MatrixFactory.named(precision, new Compute(KERNEL, threads));
    }

    /** {@code m}'s elements in a matrix of {@code f}. */
    private static Matrix on(MatrixFactory f, Matrix m) {
        Matrix copy = f.zeros(m.rows(), m.cols());
        for (int i = 0; i < m.size(); i++) {
            copy.set(i, m.get(i));
        }
        return copy;
    }

    @Test
    void itIsFoundOnTheClassPathWhenTheVectorApiIsThere() {
        assertEquals("simd", Compute.best().kernel().name());
    }

    @ParameterizedTest(name = "{0}x{2} times {2}x{1}, {3} threads")
    @CsvSource({ "1,1,1,1", "256,1,4096,2", "128,2,256,1", "19,5,33,2", "7,13,5,1", "13,7,33,2", "16,6,256,1", "17,7,257,2", "257,4097,3,2", "256,100,4096,2",
        "33,200,300,2", "128,100,256,1", "5,1000,2,2", "300,40,1000,2", "33,700,400,2", "1000,7,1200,2", "37,29,8000,2",
        "50,20,130,1", "40,900,300,1", "64,796,200,1", "64,796,200,2", "1,1640,128,2", "1,7,33,1", "1,100,4097,2",
        "256,100,4096,4", "37,29,8000,3", "300,40,1000,4", "33,700,400,4", "1000,7,1200,3", "256,100,4096,7" })
    void theThreeProductsEqualOjAlgos(int m, int n, int k, int threads) {
        MatrixFactory f = simd("float64", threads);
        Matrix a = random(f, m, k, 1);
        Matrix b = random(f, k, n, 2);
        Matrix expected = OJALGO.zeros(m, n);
        on(OJALGO, a).multiplyInto(on(OJALGO, b), expected);

        Matrix ab = f.zeros(m, n);
        a.multiplyInto(b, ab);
        assertClose(expected, ab, "A*B");
        Matrix abt = f.zeros(m, n);
        a.multiplyInto(false, transpose(b), true, 1.0, abt);
        assertClose(expected, abt, "A*B^T");
        Matrix atb = f.zeros(m, n);
        transpose(a).multiplyInto(true, b, false, 1.0, atb);
        assertClose(expected, atb, "A^T*B");
    }

    @ParameterizedTest(name = "{0}x{2} times {2}x{1}, {3} threads")
    @CsvSource({ "1,1,1,1", "256,1,4096,2", "19,5,33,2", "7,13,5,1", "33,6,257,1", "256,100,4096,2", "300,40,1000,2",
        "33,700,400,2", "1000,7,1200,2", "37,29,8000,2", "50,20,130,1", "64,796,200,2", "1,1640,128,2", "1,9,300,1",
        "256,100,4096,4", "37,29,8000,3", "33,700,400,4" })
    void float32ProductsStayWithinTheErrorBoundOfFloatSums(int m, int n, int k, int threads) {
        MatrixFactory f = simd("float32", threads);
        Matrix a = random(f, m, k, 1);
        Matrix b = random(f, k, n, 2);
        Matrix ab = f.zeros(m, n);
        a.multiplyInto(b, ab);
        assertWithinFloatBound(a, b, ab, "A*B");
        a.multiplyInto(false, transpose(b), true, 1.0, ab);
        assertWithinFloatBound(a, b, ab, "A*B^T");
        transpose(a).multiplyInto(true, b, false, 1.0, ab);
        assertWithinFloatBound(a, b, ab, "A^T*B");
    }

    /** A mean gradient is the product times 1 / batch size; scaling inside the kernel must round the same way. */
    @ParameterizedTest
    @ValueSource(strings = { "float64", "float32" })
    void aScaledProductHasTheBitsOfTheProductScaledAfterwards(String precision) {
        MatrixFactory f = simd(precision, 2);
        for (int[] shape : new int[][] { { 256, 100, 300 }, { 19, 3, 33 }, { 64, 40, 100 }, { 64, 30, 20 }, { 40, 700, 30 },
            { 40, 8000, 30 } }) {
            Matrix delta = random(f, shape[0], shape[1], 6);
            Matrix inputs = random(f, shape[2], shape[1], 7);
            Matrix scaled = f.zeros(shape[0], shape[2]);
            delta.multiplyInto(false, inputs, true, 0.01, scaled);
            Matrix afterwards = f.zeros(shape[0], shape[2]);
            delta.multiplyInto(false, inputs, true, 1.0, afterwards);
            afterwards.scaleInPlace(0.01);
            for (int i = 0; i < scaled.size(); i++) {
                assertEquals(afterwards.get(i), scaled.get(i), 0.0, precision + " element " + i);
            }
        }
    }

    /**
     * Subnormal floats count as zero (x86 is a hundred times slower on them), in either operand and whichever way it is
     * packed: a product equals, bit for bit, the product of the same matrices with their subnormals set to zero. Normal
     * numbers are kept, however small.
     */
    @ParameterizedTest(name = "{0}x{2} times {2}x{1}")
    @CsvSource({ "40,7,3", "40,28,300", "64,100,130", "19,6,33" })
    void float32ProductsFlushSubnormalInputsToZero(int m, int n, int k) {
        MatrixFactory f = simd("float32", 2);
        Matrix a = withSubnormals(random(f, m, k, 1), 11);
        Matrix b = withSubnormals(random(f, k, n, 2), 12);
        a.set(0, 0, Float.MIN_NORMAL);
        Matrix flushedA = flushed(a);
        Matrix flushedB = flushed(b);
        assertEquals(Float.MIN_NORMAL, (float) flushedA.get(0, 0), "a normal input is kept");
        assertTrue(a.get(1, 0) != 0 && Math.abs(a.get(1, 0)) < Float.MIN_NORMAL, "the matrix itself keeps the subnormal");
        assertEquals(0.0, expected(flushedA, flushedB).get(1, 0), "a sum of subnormal terms alone is zero once flushed");

        Matrix expected = expected(flushedA, flushedB);
        Matrix actual = f.zeros(m, n);
        a.multiplyInto(b, actual);
        assertSameBits(expected, actual, "A*B");
        a.multiplyInto(false, transpose(b), true, 1.0, actual);
        assertSameBits(expected, actual, "A*B^T");
        transpose(a).multiplyInto(true, b, false, 1.0, actual);
        assertSameBits(expected, actual, "A^T*B");
    }

    /**
     * The vector logistic function is as accurate as one on {@link StrictMath#exp}: within 1e-15 relative in float64
     * (4 units in the last place, which is also how far one on {@link Math#exp} strays), and 2 units in float32, from
     * saturation at both ends (and infinities, NaN) to the middle; a result that would be subnormal may be zero. And it
     * has the same bits as its scalar steps, whatever the JIT has compiled yet, which a training run resumed from a
     * checkpoint needs to repeat an uninterrupted one. The length leaves a tail that no vector covers.
     */
    @Test
    void theLogisticFunctionIsAsAccurateAsStrictMathsAndTheSameInEveryElement() {
        SplittableRandom random = new SplittableRandom(5);
        double[] z = new double[10_003];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextDouble(-50, 50);
        }
        double[] special = { -1000, -709.5, -700, -90, -87.5, -30, -0.0, 0, 1e-300, 30, 87.5, 700, 1000,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN };
        System.arraycopy(special, 0, z, 0, special.length);
        System.arraycopy(special, 0, z, z.length - special.length, special.length);
        SimdKernel kernel = KERNEL;

        double[] doubles = z.clone();
        kernel.logistic(doubles, doubles.length, 1);
        float[] floats = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            floats[i] = (float) z[i];
        }
        kernel.logistic(floats, floats.length, 1);
        for (int i = 0; i < z.length; i++) {
            String what = "logistic(" + z[i] + ")";
            assertEquals(DoubleLogistic.logistic(z[i]), doubles[i], 0.0, what + ": vector and scalar steps in float64");
            assertEquals(FloatLogistic.logistic((float) z[i]), floats[i], 0.0f, what + ": in float32");
            double exact = 1.0 / (1.0 + StrictMath.exp(-z[i]));
            double exactOfFloat = 1.0 / (1.0 + StrictMath.exp(-(double) (float) z[i]));
            float exactFloat = exactOfFloat < Float.MIN_NORMAL ? 0f : (float) exactOfFloat;
            if (Double.isNaN(exact)) {
                assertTrue(Double.isNaN(doubles[i]) && Float.isNaN(floats[i]), what);
            } else if (exact < Double.MIN_NORMAL) {
                assertEquals(exact, doubles[i], Double.MIN_NORMAL, what + " in float64");
            } else {
                assertEquals(exact, doubles[i], 1e-15 * exact, what + " in float64");
            }
            if (!Double.isNaN(exact)) {
                assertEquals(exactFloat, floats[i], 2 * Math.ulp(exactFloat), what + " in float32");
            }
        }
        assertEquals(0f, floats[4], 0f, "a result below the smallest normal float is zero");

        // Again until the JIT has compiled the loops: still the same bits.
        for (int round = 0; round < 300; round++) {
            double[] again = z.clone();
            kernel.logistic(again, again.length, 1);
            float[] againFloats = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                againFloats[i] = (float) z[i];
            }
            kernel.logistic(againFloats, againFloats.length, 1);
            assertArrayEquals(doubles, again, "float64, round " + round);
            assertArrayEquals(floats, againFloats, "float32, round " + round);
        }
    }

    /**
     * The kernel warms itself up on a thread of its own, which may still run when training starts: the products it
     * runs beside, and those after it, have the bits they have without it.
     */
    @ParameterizedTest
    @ValueSource(strings = { "float64", "float32" })
    void theWarmUpLeavesNoTraceInOtherProducts(String precision) throws InterruptedException {
        MatrixFactory f = simd(precision, 2);    // 300x700 times 700x45 is split by rows
        Matrix a = random(f, 300, 700, 1);
        Matrix b = random(f, 700, 45, 2);
        Matrix expected = f.zeros(300, 45);
        a.multiplyInto(b, expected);
        expected.logisticInPlace();

        Thread warmUp = new Thread(() -> WarmUp.run(f));
        warmUp.start();
        int during = 0;
        do {
            Matrix c = f.zeros(300, 45);
            a.multiplyInto(b, c);
            c.logisticInPlace();
            assertSameBits(expected, c, "during the warm-up, product " + ++during);
        } while (warmUp.isAlive());
        warmUp.join();
        Matrix after = f.zeros(300, 45);
        a.multiplyInto(b, after);
        after.logisticInPlace();
        assertSameBits(expected, after, "after the warm-up");
        assertTrue(during > 1, "the warm-up ended before a second product");
    }

    /** A batch gathered by ranges of its rows, one per thread, holds the picked columns, whole, in both precisions. */
    @ParameterizedTest(name = "{0} rows, {1} columns, {2} threads")
    @CsvSource({ "4096,100,2", "4097,77,2", "3,5,2", "70000,4,2", "4097,77,4", "70000,4,3" })
    void aBatchGatheredOverThreadsHoldsThePickedColumns(int rows, int count, int threads) {
        SplittableRandom random = new SplittableRandom(rows);
        int examples = count + 7;
        int[] picks = new int[count + 3];
        for (int j = 0; j < picks.length; j++) {
            picks[j] = random.nextInt(examples);
        }
        for (String precision : new String[] { "float64", "float32" }) {
            MatrixFactory f = simd(precision, threads);
            Matrix data = random(f, rows, examples, rows);
            Matrix batch = f.zeros(rows, count);
            data.gatherColumnsInto(picks, 3, batch);
            for (int j = 0; j < count; j++) {
                for (int i = 0; i < rows; i++) {
                    assertEquals(data.get(i, picks[3 + j]), batch.get(i, j), 0.0, precision + " (" + i + ", " + j + ")");
                }
            }
        }
    }

    /** A sigmoid layer's backpropagation, {@code g * a (1 - a)}, has the bits of the default loop in both precisions. */
    @ParameterizedTest
    @ValueSource(strings = { "float64", "float32" })
    void theLogisticSlopeHasTheBitsOfTheDefaultLoop(String precision) {
        MatrixFactory f = simd(precision, 2);
        for (int size : new int[] { 1, 15, 16, 37, 25_600 }) {
            Matrix a = random(f, size, 1, 31);
            a.modifyInPlace(x -> x + 0.5);    // outputs of a sigmoid, in [0, 1]
            a.set(0, 1.0f - 1e-7f);
            Matrix g = random(f, size, 1, 32);
            g.set(size - 1, 2e-38);           // times a slope of at most 1/4: below Float.MIN_NORMAL, so flushed
            MatrixFactory ojAlgo = MatrixFactory.named(precision, Compute.ojAlgo());
            Matrix expected = on(ojAlgo, g);
            expected.timesLogisticSlopeInPlace(on(ojAlgo, a));
            Matrix actual = g.copy();
            actual.timesLogisticSlopeInPlace(a);
            assertSameBits(expected, actual, "size " + size);
            if (f.isFloat32()) {
                assertEquals(0.0, actual.get(size - 1), "a subnormal result becomes zero");
            }
        }
    }

    /**
     * The logistic function split over threads (from 262144 elements) has the bits of one thread: the scalar steps of
     * each part's tail are the vector steps. Lengths: one, a tail, whole vectors, a galaxy batch, and split ones.
     */
    @Test
    void aLogisticSplitOverThreadsHasTheBitsOfOneThread() {
        for (int n : new int[] { 1, 111, 64, 25_600, 262_703, 281_600 }) {
            SplittableRandom random = new SplittableRandom(n);
            double[] x = random.doubles(n, -20, 20).toArray();
            x[n - 1] = -100;    // a float32 result below Float.MIN_NORMAL: flushed in both
            float[] xf = new float[n];
            for (int i = 0; i < n; i++) {
                xf[i] = (float) x[i];
            }
            double[] one = x.clone();
            float[] onef = xf.clone();
            KERNEL.logistic(one, n, 1);
            KERNEL.logistic(onef, n, 1);
            for (int threads : new int[] { 2, 3, 4 }) {
                double[] split = x.clone();
                float[] splitf = xf.clone();
                KERNEL.logistic(split, n, threads);
                KERNEL.logistic(splitf, n, threads);
                assertArrayEquals(one, split, n + " float64, " + threads + " threads");
                assertArrayEquals(onef, splitf, n + " float32, " + threads + " threads");
            }
        }
    }

    /**
     * A sigmoid layer's bias and logistic function in one pass, split over threads from 262144 elements, has the bits
     * of adding the bias in a pass of its own and then the logistic function. Shapes: one element, rows that leave a
     * scalar tail in every column, whole vectors, a galaxy batch, and two shapes that are split.
     */
    @Test
    void aBiasedLogisticHasTheBitsOfAddingTheBiasThenTheLogisticFunction() {
        for (int[] shape : new int[][] { { 1, 1 }, { 37, 3 }, { 16, 4 }, { 256, 100 }, { 37, 7100 }, { 256, 1100 } }) {
            int rows = shape[0];
            int cols = shape[1];
            int n = rows * cols;
            String what = rows + "x" + cols;
            SplittableRandom random = new SplittableRandom(31L * rows + cols);
            double[] x = random.doubles(n, -20, 20).toArray();
            x[n - 1] = -100;    // a float32 result below Float.MIN_NORMAL: flushed in both
            double[] bias = random.doubles(rows, -3, 3).toArray();
            float[] xf = new float[n];
            float[] biasf = new float[rows];
            for (int i = 0; i < n; i++) {
                xf[i] = (float) x[i];
            }
            for (int i = 0; i < rows; i++) {
                biasf[i] = (float) bias[i];
            }
            double[] expected = x.clone();
            float[] expectedf = xf.clone();
            for (int i = 0; i < n; i++) {
                expected[i] += bias[i % rows];
                expectedf[i] += biasf[i % rows];
            }
            KERNEL.logistic(expected, n, 1);
            KERNEL.logistic(expectedf, n, 1);
            for (int threads : new int[] { 1, 2, 4 }) {
                double[] actual = x.clone();
                float[] actualf = xf.clone();
                KERNEL.addColumnThenLogistic(actual, rows, cols, bias, threads);
                KERNEL.addColumnThenLogistic(actualf, rows, cols, biasf, threads);
                assertArrayEquals(expected, actual, what + " float64, " + threads + " threads");
                assertArrayEquals(expectedf, actualf, what + " float32, " + threads + " threads");
            }
        }
    }

    /** An update big enough to be split over threads has the bits of the one-thread loop. */
    @Test
    void aSplitUpdateEqualsTheLoopOnOneThread() {
        int n = 300_007;
        SplittableRandom random = new SplittableRandom(11);
        double[] x = random.doubles(n, -1, 1).toArray();
        double[] y = random.doubles(n, -1, 1).toArray();
        float[] xf = new float[n];
        float[] yf = new float[n];
        for (int i = 0; i < n; i++) {
            xf[i] = (float) x[i];
            yf[i] = (float) y[i];
        }
        double[] expected = y.clone();
        float[] expectedFloats = yf.clone();
        for (int i = 0; i < n; i++) {
            expected[i] += -0.37 * x[i];
            expectedFloats[i] += -0.37f * xf[i];
        }
        for (int round = 0; round < 20; round++) {    // until the JIT has compiled the loops, and after
            int threads = 2 + round % 3;
            double[] doubles = y.clone();
            KERNEL.addScaled(-0.37, x, doubles, n, threads);
            assertArrayEquals(expected, doubles, "float64, round " + round);
            float[] floats = yf.clone();
            KERNEL.addScaled(-0.37f, xf, floats, n, threads);
            assertArrayEquals(expectedFloats, floats, "float32, round " + round);
        }
    }

    /**
     * Two threads multiplying at once share the kernel's helpers: one that finds them busy computes its other shares
     * itself, and both get the bits of a product computed alone (split along k, and by columns).
     */
    @Test
    void productsFromTwoThreadsAtOnceKeepTheirBits() throws InterruptedException {
        Matrix longK = random(40, 3000, 12);
        Matrix narrow = random(3000, 30, 13);
        Matrix wide = random(3000, 900, 14);
        Matrix expectedK = F.zeros(40, 30);
        longK.multiplyInto(narrow, expectedK);
        Matrix expectedColumns = F.zeros(40, 900);
        longK.multiplyInto(wide, expectedColumns);
        Throwable[] failures = new Throwable[2];
        Thread[] callers = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int caller = t;
            callers[t] = new Thread(() -> {
                try {
                    for (int round = 0; round < 30; round++) {
                        Matrix c = F.zeros(40, 30);
                        longK.multiplyInto(narrow, c);
                        assertSameBits(expectedK, c, "caller " + caller + ", split along k, round " + round);
                        Matrix d = F.zeros(40, 900);
                        longK.multiplyInto(wide, d);
                        assertSameBits(expectedColumns, d, "caller " + caller + ", by columns, round " + round);
                    }
                } catch (Throwable e) {
                    failures[caller] = e;
                }
            });
            callers[t].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        for (Throwable failure : failures) {
            if (failure != null) {
                throw new AssertionError(failure);
            }
        }
    }

    /**
     * A product that fails on the calling thread (here B one number short, which only the caller's share reaches: the
     * last range of k, or the last columns) still waits for its helper and frees it: the next product is shared again.
     */
    @ParameterizedTest(name = "{0}x{2} times {2}x{1}")
    @CsvSource({ "40,30,3000", "40,900,300" })
    void aProductThatFailsHereLeavesTheHelperFree(int m, int n, int k) {
        SimdKernel kernel = new SimdKernel(1);
        double[] a = new double[m * k];
        double[] shortB = new double[k * n - 1];
        assertThrows(IndexOutOfBoundsException.class,
                () -> kernel.multiply(false, false, m, n, k, a, shortB, new double[m * n], 1.0, 2));
        Helpers.Helper helper = kernel.helpers.start(() -> { });
        assertNotNull(helper, "the helper is free again");
        Helpers.await(helper);
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
     * kernel splits long sums over threads; ojAlgo sums in yet another order).
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

    /**
     * Every third element, and the whole second row and column, made subnormal (1e-40 to 1e-39, either sign): a sum of
     * subnormal terms alone shows in a product's bits, where added to normal ones it would round away.
     */
    private static Matrix withSubnormals(Matrix m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                if (i == 1 || j == 1 || (i + j * m.rows()) % 3 == 1) {
                    m.set(i, j, (random.nextBoolean() ? 1 : -1) * random.nextDouble(1e-40, 1e-39));
                }
            }
        }
        return m;
    }

    private static Matrix expected(Matrix a, Matrix b) {
        Matrix product = a.factory().zeros(a.rows(), b.cols());
        a.multiplyInto(b, product);
        return product;
    }

    private static Matrix flushed(Matrix m) {
        Matrix copy = m.copy();
        copy.modifyInPlace(x -> Math.abs(x) < Float.MIN_NORMAL ? 0.0 : x);
        return copy;
    }

    private static void assertSameBits(Matrix expected, Matrix actual, String what) {
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 0.0, what + " element " + i);
        }
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
