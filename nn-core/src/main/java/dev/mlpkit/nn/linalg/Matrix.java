package dev.mlpkit.nn.linalg;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.ojalgo.matrix.store.PhysicalStore;
import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;

/**
 * A dense {@code rows x cols} matrix of float64 or float32 numbers, column-major: element (i, j) is at index
 * {@code i + j * rows}. Elements are read and written as doubles whatever the storage.
 *
 * <p>Made by a {@link MatrixFactory}; its shape never changes. Products and element-wise operations write into a
 * matrix the caller owns and allocate nothing, so a network can reuse its buffers batch after batch.
 */
public final class Matrix {

    /** The store's own array when it is float64 (column-major): the hot loops run on it directly. */
    private final double[] doubles;
    /** The store's own array when it is float32. */
    private final float[] floats;
    private final MatrixFactory factory;
    private final int rows;
    private final int cols;
    private double[] scratch;

    Matrix(PhysicalStore<Double> store, MatrixFactory factory) {
        this.doubles = store instanceof R064Store r ? r.data : null;
        this.floats = store instanceof R032Store r ? r.data : null;
        if (doubles == null && floats == null) {
            throw new IllegalArgumentException("a matrix is stored in an R064Store or an R032Store, not " + store.getClass());
        }
        this.factory = factory;
        this.rows = store.getRowDim();
        this.cols = store.getColDim();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** rows x cols. */
    public int size() {
        return rows * cols;
    }

    /** The factory that made this matrix, for making more of the same kind. */
    public MatrixFactory factory() {
        return factory;
    }

    public double get(int row, int col) {
        return get(row + col * rows);
    }

    public void set(int row, int col, double value) {
        set(row + col * rows, value);
    }

    /** The element at column-major {@code index}. */
    public double get(int index) {
        // Straight to the array: ojAlgo's float32 store converts through a slower generic path.
        return doubles != null ? doubles[index] : floats[index];
    }

    /** Sets the element at column-major {@code index} (a float32 matrix rounds it to the nearest float). */
    public void set(int index, double value) {
        if (doubles != null) {
            doubles[index] = value;
        } else {
            floats[index] = (float) value;
        }
    }

    /** {@code out = this * right}. */
    public void multiplyInto(Matrix right, Matrix out) {
        checkProductShape(rows, cols, right.rows, right.cols, out, "A*B");
        multiply(false, right, false, out, cols, 1.0);
    }

    /**
     * This matrix packed for many products {@code A * this} with an A of {@code leftRows} rows
     * ({@link #multiplyInto(PackedMatrix, Matrix)}).
     */
    public PackedMatrix packedAsRight(int leftRows) {
        Kernel kernel = Linalg.kernel();
        Object packed = doubles != null ? kernel.packRight(doubles, leftRows, rows, cols)
                : kernel.packRight(floats, leftRows, rows, cols);
        return new PackedMatrix(factory, leftRows, rows, cols, kernel, packed);
    }

    /** {@code out = this * right}, with the bits of {@link #multiplyInto(Matrix, Matrix)} on right's kernel. */
    public void multiplyInto(PackedMatrix right, Matrix out) {
        checkProductShape(rows, cols, right.rows(), right.cols(), out, "A*B");
        if (rows != right.leftRows()) {
            throw new IllegalArgumentException("B was packed for products with " + right.leftRows() + " rows of A, not "
                    + rows);
        }
        if (doubles != null && right.factory() == factory && out.doubles != null) {
            right.kernel().multiplyPacked(false, out.rows, out.cols, cols, doubles, right.packed(), out.doubles, 1.0,
                    Linalg.productThreads());
        } else if (floats != null && right.factory() == factory && out.floats != null) {
            right.kernel().multiplyPacked(false, out.rows, out.cols, cols, floats, right.packed(), out.floats, 1f,
                    Linalg.productThreads());
        } else {
            throw new IllegalArgumentException("a product needs three matrices of one precision, not " + factory + ", "
                    + right.factory() + " and " + out.factory);
        }
    }

    /** {@code out = this * right^T}, without materialising the transpose. */
    public void multiplyByTransposeInto(Matrix right, Matrix out) {
        multiplyByTransposeInto(right, 1.0, out);
    }

    /**
     * {@code out = scale * (this * right^T)}: the same numbers as the product followed by {@link #scaleInPlace}, without
     * a second pass over {@code out} (a mean gradient over a batch is the sum times {@code 1 / batchSize}).
     */
    public void multiplyByTransposeInto(Matrix right, double scale, Matrix out) {
        checkProductShape(rows, cols, right.cols, right.rows, out, "A*B^T");
        multiply(false, right, true, out, cols, scale);
    }

    /**
     * {@code y = y + alpha * (scale * (this * right^T))}: a weight gradient that goes straight into its weights. The
     * bits are those of {@link #multiplyByTransposeInto(Matrix, double, Matrix)} into {@code scratch} followed by
     * {@link #addScaledInPlace}, but the kernel may add each tile of the product to {@code y} as soon as it is summed
     * (see {@link Kernel#multiplyAdd}), so what {@code scratch} holds afterwards is unspecified.
     */
    public void multiplyByTransposeAddTo(Matrix right, double scale, double alpha, Matrix y, Matrix scratch) {
        checkProductShape(rows, cols, right.cols, right.rows, y, "A*B^T");
        y.checkSameShape(scratch);
        Kernel kernel = Linalg.kernel();
        if (doubles != null && right.doubles != null && y.doubles != null && scratch.doubles != null) {
            kernel.multiplyAdd(false, true, y.rows, y.cols, cols, doubles, right.doubles, scale, alpha, y.doubles,
                    scratch.doubles, Linalg.productThreads());
        } else if (floats != null && right.floats != null && y.floats != null && scratch.floats != null) {
            kernel.multiplyAdd(false, true, y.rows, y.cols, cols, floats, right.floats, (float) scale, (float) alpha,
                    y.floats, scratch.floats, Linalg.productThreads());
        } else {
            throw new IllegalArgumentException("a product needs matrices of one precision, not " + factory + ", "
                    + right.factory + ", " + y.factory + " and " + scratch.factory);
        }
    }

    /** {@code out = this^T * right}, without materialising the transpose. */
    public void transposeMultiplyInto(Matrix right, Matrix out) {
        checkProductShape(cols, rows, right.rows, right.cols, out, "A^T*B");
        multiply(true, right, false, out, rows, 1.0);
    }

    /** Adds the {@code rows x 1} {@code column} to every column of this matrix (a bias added to every example). */
    public void addColumnToEachColumnInPlace(Matrix column) {
        if (column.rows != rows || column.cols != 1) {
            throw shapeError("a column to add", column, rows + "x1");
        }
        for (int j = 0; j < cols; j++) {
            int offset = j * rows;
            if (doubles != null && column.doubles != null) {
                for (int i = 0; i < rows; i++) {
                    doubles[offset + i] += column.doubles[i];
                }
            } else if (floats != null && column.floats != null) {
                for (int i = 0; i < rows; i++) {
                    floats[offset + i] += column.floats[i];
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    set(offset + i, get(offset + i) + column.get(i));
                }
            }
        }
    }

    /**
     * {@code out(i, 0) = sum over j of this(i, j)}: the sum of the columns, each row summed in double from its first
     * column to its last. Read down the columns, a block of rows at a time: read across the rows (4 bytes of every 1 KB
     * in float32), a galaxy batch's first layer took three times as long (36 against 11 microseconds).
     */
    public void rowSumsInto(Matrix out) {
        if (out.rows != rows || out.cols != 1) {
            throw shapeError("row sums", out, rows + "x1");
        }
        double[] sums = scratch();
        for (int i0 = 0; i0 < rows; i0 += sums.length) {
            int block = Math.min(sums.length, rows - i0);
            Arrays.fill(sums, 0, block, 0.0);
            for (int j = 0; j < cols; j++) {
                int offset = i0 + j * rows;
                if (doubles != null) {
                    for (int i = 0; i < block; i++) {
                        sums[i] += doubles[offset + i];
                    }
                } else {
                    for (int i = 0; i < block; i++) {
                        sums[i] += floats[offset + i];
                    }
                }
            }
            for (int i = 0; i < block; i++) {
                out.set(i0 + i, sums[i]);
            }
        }
    }

    /** {@code out = this - other}, element by element. */
    public void subtractInto(Matrix other, Matrix out) {
        checkSameShape(other);
        checkSameShape(out);
        int n = size();
        if (doubles != null && other.doubles != null && out.doubles != null) {
            for (int k = 0; k < n; k++) {
                out.doubles[k] = doubles[k] - other.doubles[k];
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            out.set(k, get(k) - other.get(k));
        }
    }

    /** {@code this = this * other}, element by element. */
    public void multiplyElementwiseInPlace(Matrix other) {
        checkSameShape(other);
        int n = size();
        if (doubles != null && other.doubles != null) {
            for (int k = 0; k < n; k++) {
                doubles[k] *= other.doubles[k];
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            set(k, get(k) * other.get(k));
        }
    }

    /** {@code this = this + alpha * x}. */
    public void addScaledInPlace(double alpha, Matrix x) {
        checkSameShape(x);
        int n = size();
        if (doubles != null && x.doubles != null) {
            Linalg.kernel().addScaled(alpha, x.doubles, doubles, n, Linalg.productThreads());
            return;
        }
        if (floats != null && x.floats != null) {
            Linalg.kernel().addScaled((float) alpha, x.floats, floats, n, Linalg.productThreads());
            return;
        }
        for (int k = 0; k < n; k++) {
            set(k, get(k) + alpha * x.get(k));
        }
    }

    /** {@code this = alpha * this}. */
    public void scaleInPlace(double alpha) {
        int n = size();
        if (doubles != null) {
            for (int k = 0; k < n; k++) {
                doubles[k] *= alpha;
            }
            return;
        }
        if (floats != null) {
            float a = (float) alpha;
            for (int k = 0; k < n; k++) {
                floats[k] *= a;
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            set(k, alpha * get(k));
        }
    }

    /** Replaces every element {@code x} by {@code f(x)}. */
    public void modifyInPlace(DoubleUnaryOperator f) {
        int n = size();
        if (doubles != null) {
            for (int k = 0; k < n; k++) {
                doubles[k] = f.applyAsDouble(doubles[k]);
            }
        } else {
            double[] wide = scratch();
            for (int start = 0; start < n; start += wide.length) {
                int end = Math.min(n, start + wide.length);
                applyWidened(f, floats, start, end, wide);
                for (int k = start; k < end; k++) {
                    floats[k] = toFloat(wide[k - start]);
                }
            }
        }
    }

    /** Replaces every element {@code x} by the logistic function {@code 1 / (1 + e^-x)}, on the {@link Kernel}. */
    public void logisticInPlace() {
        if (doubles != null) {
            Linalg.kernel().logistic(doubles, null, rows, cols, Linalg.productThreads());
        } else {
            Linalg.kernel().logistic(floats, null, rows, cols, Linalg.productThreads());
        }
    }

    /**
     * Adds the {@code rows x 1} {@code column} to every column, then takes the logistic function of every element: a
     * sigmoid layer's bias and activation, the bits of {@link #addColumnToEachColumnInPlace} and then
     * {@link #logisticInPlace()}, in one pass on the {@link Kernel}.
     */
    public void logisticInPlace(Matrix column) {
        if (column.rows != rows || column.cols != 1) {
            throw shapeError("a column to add", column, rows + "x1");
        }
        if (doubles != null && column.doubles != null) {
            Linalg.kernel().logistic(doubles, column.doubles, rows, cols, Linalg.productThreads());
        } else if (floats != null && column.floats != null) {
            Linalg.kernel().logistic(floats, column.floats, rows, cols, Linalg.productThreads());
        } else {
            addColumnToEachColumnInPlace(column);
            logisticInPlace();
        }
    }

    /**
     * {@code this = this * a (1 - a)}, element by element, on the {@link Kernel}: a sigmoid layer's backpropagation
     * from its outputs {@code a}. float32 matrices compute in float (see
     * {@link Kernel#timesLogisticSlope(float[], float[], int)}).
     */
    public void timesLogisticSlopeInPlace(Matrix a) {
        checkSameShape(a);
        if (doubles != null && a.doubles != null) {
            Linalg.kernel().timesLogisticSlope(a.doubles, doubles, size());
        } else if (floats != null && a.floats != null) {
            Linalg.kernel().timesLogisticSlope(a.floats, floats, size());
        } else {
            multiplyByFunctionOfInPlace(x -> x * (1.0 - x), a);
        }
    }

    /** {@code this = this * f(other)}, element by element. */
    public void multiplyByFunctionOfInPlace(DoubleUnaryOperator f, Matrix other) {
        checkSameShape(other);
        int n = size();
        if (doubles != null && other.doubles != null) {
            for (int k = 0; k < n; k++) {
                doubles[k] *= f.applyAsDouble(other.doubles[k]);
            }
        } else if (floats != null && other.floats != null) {
            double[] wide = scratch();
            for (int start = 0; start < n; start += wide.length) {
                int end = Math.min(n, start + wide.length);
                applyWidened(f, other.floats, start, end, wide);
                for (int k = start; k < end; k++) {
                    floats[k] = toFloat(floats[k] * wide[k - start]);
                }
            }
        } else {
            for (int k = 0; k < n; k++) {
                set(k, get(k) * f.applyAsDouble(other.get(k)));
            }
        }
    }

    /** Sets every element to {@code value}. */
    public void fillInPlace(double value) {
        int n = size();
        for (int k = 0; k < n; k++) {
            set(k, value);
        }
    }

    /** Copies this matrix into {@code out}, which has the same shape. */
    public void copyInto(Matrix out) {
        checkSameShape(out);
        int n = size();
        if (doubles != null && out.doubles != null) {
            System.arraycopy(doubles, 0, out.doubles, 0, n);
            return;
        }
        if (floats != null && out.floats != null) {
            System.arraycopy(floats, 0, out.floats, 0, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            out.set(k, get(k));
        }
    }

    /**
     * Sets column j to {@code columns[picks[from + j]]}, for every column: a batch gathered from its examples, on the
     * {@link Kernel} (which may split it over threads). Each picked column holds {@code rows} numbers.
     */
    public void setColumns(double[][] columns, int[] picks, int from) {
        for (int j = 0; j < cols; j++) {
            checkColumnLength(columns[picks[from + j]].length);
        }
        if (doubles != null) {
            Linalg.kernel().gatherColumns(columns, picks, from, doubles, rows, cols, Linalg.productThreads());
            return;
        }
        for (int j = 0; j < cols; j++) {
            setColumn(j, columns[picks[from + j]]);
        }
    }

    /** {@link #setColumns(double[][], int[], int)} from floats. */
    public void setColumns(float[][] columns, int[] picks, int from) {
        for (int j = 0; j < cols; j++) {
            checkColumnLength(columns[picks[from + j]].length);
        }
        if (floats != null) {
            Linalg.kernel().gatherColumns(columns, picks, from, floats, rows, cols, Linalg.productThreads());
            return;
        }
        for (int j = 0; j < cols; j++) {
            setColumn(j, columns[picks[from + j]]);
        }
    }

    /** Sets column {@code col} to {@code values}, which holds {@code rows} numbers. */
    public void setColumn(int col, double[] values) {
        checkColumnLength(values.length);
        int offset = col * rows;
        if (doubles != null) {
            System.arraycopy(values, 0, doubles, offset, rows);    // the trainer fills every batch this way
            return;
        }
        if (floats != null) {
            for (int i = 0; i < rows; i++) {
                floats[offset + i] = (float) values[i];
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            set(offset + i, values[i]);
        }
    }

    /**
     * Sets column {@code col} to {@code values}, which holds {@code rows} numbers: a float32 matrix copies them as they
     * are, half the bytes of the double overload and no conversion.
     */
    public void setColumn(int col, float[] values) {
        checkColumnLength(values.length);
        int offset = col * rows;
        if (floats != null) {
            System.arraycopy(values, 0, floats, offset, rows);
            return;
        }
        for (int i = 0; i < rows; i++) {
            set(offset + i, values[i]);
        }
    }

    /** True when no element is NaN or infinite. */
    public boolean isAllFinite() {
        // A loop per storage: through get(k), the float32 weights of the galaxy network took 1.9 ms, not 0.4.
        int n = size();
        if (doubles != null) {
            for (int k = 0; k < n; k++) {
                if (!Double.isFinite(doubles[k])) {
                    return false;
                }
            }
        } else {
            for (int k = 0; k < n; k++) {
                if (!Float.isFinite(floats[k])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Copies this matrix into {@code out}, which has the same shape, and tells whether every element is finite: one
     * pass instead of {@link #isAllFinite} and {@link #copyInto}, which read a galaxy network's float32 weights twice
     * (0.75 against 1.1 ms).
     */
    public boolean copyIntoCheckingFinite(Matrix out) {
        checkSameShape(out);
        int n = size();
        boolean finite = true;
        if (doubles != null && out.doubles != null) {
            for (int k = 0; k < n; k++) {
                double v = doubles[k];
                out.doubles[k] = v;
                finite &= Double.isFinite(v);
            }
        } else if (floats != null && out.floats != null) {
            for (int k = 0; k < n; k++) {
                float v = floats[k];
                out.floats[k] = v;
                finite &= Float.isFinite(v);
            }
        } else {
            copyInto(out);
            finite = isAllFinite();
        }
        return finite;
    }

    /** A new matrix with the same shape, kind and elements. */
    public Matrix copy() {
        Matrix copy = factory.zeros(rows, cols);
        copyInto(copy);
        return copy;
    }

    /** The elements as {@code double[rows][cols]}, for tests, reports and files. */
    public double[][] toRows() {
        double[][] values = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                values[i][j] = get(i, j);
            }
        }
        return values;
    }

    /** "rows x cols". */
    public String shape() {
        return rows + "x" + cols;
    }

    @Override
    public String toString() {
        return "Matrix(" + shape() + ", " + factory + ")";
    }

    /** Multiplies with the {@link Linalg#kernel() kernel}; all three matrices must have the same precision. */
    private void multiply(boolean transposeThis, Matrix right, boolean transposeRight, Matrix out, int inner,
            double scale) {
        Kernel kernel = Linalg.kernel();
        if (doubles != null && right.doubles != null && out.doubles != null) {
            kernel.multiply(transposeThis, transposeRight, out.rows, out.cols, inner, doubles, right.doubles,
                    out.doubles, scale, Linalg.productThreads());
        } else if (floats != null && right.floats != null && out.floats != null) {
            kernel.multiply(transposeThis, transposeRight, out.rows, out.cols, inner, floats, right.floats, out.floats,
                    (float) scale, Linalg.productThreads());
        } else {
            throw new IllegalArgumentException("a product needs three matrices of one precision, not " + factory + ", "
                    + right.factory + " and " + out.factory);
        }
    }

    /**
     * {@code value} rounded to a float, or 0 where that would be subnormal (below about 1.2e-38): x86 takes a slow
     * microcode path for every subnormal float made or read, and float32 training makes many (a saturated sigmoid's
     * output), while they carry no useful precision. GPUs and TensorFlow's CPU kernels flush them to zero too.
     */
    static float toFloat(double value) {
        return Math.abs(value) < Float.MIN_NORMAL ? 0f : (float) value;
    }

    /**
     * {@code wide[k - start] = f(values[k])} for k in {@code [start, end)}. Widened a block at a time: converting one
     * float at a time ties each step to the one before (the conversion writes part of a register), which made float32
     * activations three times slower than float64 ones.
     */
    private static void applyWidened(DoubleUnaryOperator f, float[] values, int start, int end, double[] wide) {
        for (int k = start; k < end; k++) {
            wide[k - start] = values[k];
        }
        for (int k = 0; k < end - start; k++) {
            wide[k] = f.applyAsDouble(wide[k]);
        }
    }

    /** A small buffer of doubles for float32 loops, made on first use. */
    private double[] scratch() {
        if (scratch == null) {
            scratch = new double[Math.max(1, Math.min(size(), 512))];
        }
        return scratch;
    }

    private void checkColumnLength(int length) {
        if (length != rows) {
            throw new IllegalArgumentException("a column of this matrix has " + rows + " values, not " + length);
        }
    }

    private void checkSameShape(Matrix other) {
        if (other.rows != rows || other.cols != cols) {
            throw shapeError("an element-wise operand", other, shape());
        }
    }

    private static void checkProductShape(int leftRows, int leftCols, int rightRows, int rightCols, Matrix out,
            String product) {
        if (leftCols != rightRows || out.rows != leftRows || out.cols != rightCols) {
            throw new IllegalArgumentException("cannot compute " + product + " = (" + leftRows + "x" + leftCols + ") * ("
                    + rightRows + "x" + rightCols + ") into a " + out.shape() + " matrix");
        }
    }

    private static IllegalArgumentException shapeError(String role, Matrix actual, String expected) {
        return new IllegalArgumentException(role + " is " + actual.shape() + " where " + expected + " is needed");
    }
}
