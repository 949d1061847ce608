package dev.mlpkit.linalg;

import java.util.function.DoubleUnaryOperator;

/**
 * A dense {@code rows x cols} matrix, column-major: element (i, j) is at index {@code i + j * rows}. Elements are read
 * and written as doubles whatever the precision; {@link Float64Matrix} and {@link Float32Matrix} hold them.
 *
 * <p>Made by a {@link MatrixFactory}; its shape never changes. Every operation writes into a matrix the caller owns
 * (its name ends in {@code Into} or {@code InPlace}) and allocates nothing, so a network reuses its buffers batch after
 * batch. The operations that take other matrices need them in the same precision; products, updates, gathers and the
 * logistic function run on the factory's {@link Compute}.
 */
public abstract sealed class Matrix permits Float64Matrix, Float32Matrix {

    private final MatrixFactory factory;
    private final int rows;
    private final int cols;
    private boolean constant;

    Matrix(MatrixFactory factory, int rows, int cols) {
        this.factory = factory;
        this.rows = rows;
        this.cols = cols;
    }

    public final int rows() {
        return rows;
    }

    public final int cols() {
        return cols;
    }

    /** rows x cols. */
    public final int size() {
        return rows * cols;
    }

    /**
     * Makes this matrix constant from now on and returns it: operations that would write into it refuse, and the
     * kernel may keep what it derives from it (a packed copy) from product to product. A data set's examples, which
     * a trainer multiplies every epoch, are one.
     */
    public final Matrix makeConstant() {
        constant = true;
        return this;
    }

    /** Whether {@link #makeConstant()} was called. */
    public final boolean isConstant() {
        return constant;
    }

    /** Refuses to write into a constant matrix. */
    final void checkWritable() {
        if (constant) {
            throw new IllegalStateException("a constant " + shape() + " matrix cannot be written");
        }
    }

    /** The factory that made this matrix, for making more of the same kind. */
    public final MatrixFactory factory() {
        return factory;
    }

    public final double get(int row, int col) {
        return get(row + col * rows);
    }

    public final void set(int row, int col, double value) {
        set(row + col * rows, value);
    }

    /** The element at column-major {@code index}. */
    public abstract double get(int index);

    /** Sets the element at column-major {@code index} (float32 rounds it to the nearest float). */
    public abstract void set(int index, double value);

    /** {@code out = this * right}. */
    public final void multiplyInto(Matrix right, Matrix out) {
        multiplyInto(false, right, false, 1.0, out);
    }

    /**
     * {@code out = scale * (op(this) * op(right))}, where op transposes when its flag says so (without making the
     * transpose): the general product, {@code gemm}. A mean gradient over a batch is the sum times
     * {@code 1 / batchSize}, with the bits of scaling the finished product.
     */
    public final void multiplyInto(boolean transposeThis, Matrix right, boolean transposeRight, double scale,
            Matrix out) {
        checkProduct(transposeThis, right, transposeRight, out, "compute", "into");
        multiply(transposeThis, right, transposeRight, scale, out, out.rows, out.cols, transposeThis ? rows : cols);
    }

    abstract void multiply(boolean transposeThis, Matrix right, boolean transposeRight, double scale, Matrix out,
            int m, int n, int k);

    /**
     * {@code y = y + alpha * (scale * (op(this) * op(right)))}: a product accumulated into {@code y}, as a step of
     * gradient descent adds a weight gradient to its weights, with the bits of computing the product into a matrix of
     * its own and then {@link #addScaledInPlace}. The kernel may add each tile of the product as soon as it is summed,
     * so the product is never stored.
     */
    public final void multiplyAddInto(boolean transposeThis, Matrix right, boolean transposeRight, double scale,
            double alpha, Matrix y) {
        checkProduct(transposeThis, right, transposeRight, y, "add", "to");
        multiplyAdd(transposeThis, right, transposeRight, scale, alpha, y, y.rows, y.cols, transposeThis ? rows : cols);
    }

    abstract void multiplyAdd(boolean transposeThis, Matrix right, boolean transposeRight, double scale, double alpha,
            Matrix y, int m, int n, int k);

    /** Refuses a product {@code op(this) * op(right)} whose shapes do not fit together and {@code target}. */
    private void checkProduct(boolean transposeThis, Matrix right, boolean transposeRight, Matrix target, String verb,
            String preposition) {
        int m = transposeThis ? cols : rows;
        int k = transposeThis ? rows : cols;
        int rightRows = transposeRight ? right.cols : right.rows;
        int n = transposeRight ? right.rows : right.cols;
        if (k != rightRows || target.rows != m || target.cols != n) {
            throw new IllegalArgumentException("cannot " + verb + " " + (transposeThis ? "A^T" : "A") + "*"
                    + (transposeRight ? "B^T" : "B") + " = (" + m + "x" + k + ") * (" + rightRows + "x" + n + ") "
                    + preposition + " a " + target.shape() + " matrix");
        }
        target.checkWritable();
    }

    /** {@code this = this + alpha * x} ({@code axpy}). */
    public abstract void addScaledInPlace(double alpha, Matrix x);

    /** {@code this = alpha * this}; float32 multiplies by alpha rounded to a float. */
    public abstract void scaleInPlace(double alpha);

    /** Adds the {@code rows x 1} {@code column} to every column of this matrix (a bias added to every example). */
    public final void addColumnToEachColumnInPlace(Matrix column) {
        if (column.rows != rows || column.cols != 1) {
            throw shapeError("a column to add", column, rows + "x1");
        }
        checkWritable();
        addToEachColumn(column);
    }

    abstract void addToEachColumn(Matrix column);

    /**
     * {@code out(i, 0) = sum over j of this(i, j)}: each row summed in double from its first column to its last, a
     * block of rows at a time down the columns (the order memory is in).
     */
    public final void rowSumsInto(Matrix out) {
        if (out.rows != rows || out.cols != 1) {
            throw shapeError("row sums", out, rows + "x1");
        }
        double[] sums = rowSums();
        for (int i0 = 0; i0 < rows; i0 += sums.length) {
            int block = Math.min(sums.length, rows - i0);
            java.util.Arrays.fill(sums, 0.0);
            for (int j = 0; j < cols; j++) {
                addColumnPart(j * rows + i0, block, sums);
            }
            for (int i = 0; i < block; i++) {
                out.set(i0 + i, sums[i]);
            }
        }
    }

    /** How many rows {@link #rowSumsInto} sums at a time. */
    private static final int ROW_BLOCK = 512;

    /** The sums of {@link #rowSumsInto}, made on its first call. */
    private double[] rowSums;

    private double[] rowSums() {
        if (rowSums == null) {
            rowSums = new double[Math.min(rows, ROW_BLOCK)];
        }
        return rowSums;
    }

    /** {@code sums[i] += element(offset + i)} for i in {@code [0, count)}. */
    abstract void addColumnPart(int offset, int count, double[] sums);

    /** {@code out = this - other}, element by element. */
    public final void subtractInto(Matrix other, Matrix out) {
        checkSameShape(other);
        checkSameShape(out);
        for (int k = 0; k < size(); k++) {
            out.set(k, get(k) - other.get(k));
        }
    }

    /** {@code this = this * other}, element by element. */
    public final void multiplyElementwiseInPlace(Matrix other) {
        checkSameShape(other);
        for (int k = 0; k < size(); k++) {
            set(k, get(k) * other.get(k));
        }
    }

    /** Replaces every element {@code x} by {@code f(x)} ({@code map}). */
    public abstract void modifyInPlace(DoubleUnaryOperator f);

    /** {@code this = this * f(other)}, element by element. */
    public final void multiplyByFunctionOfInPlace(DoubleUnaryOperator f, Matrix other) {
        checkSameShape(other);
        checkWritable();
        multiplyByFunctionOf(f, other);
    }

    abstract void multiplyByFunctionOf(DoubleUnaryOperator f, Matrix other);

    /** Replaces every element {@code x} by the logistic function {@code 1 / (1 + e^-x)}, on the kernel. */
    public abstract void logisticInPlace();

    /**
     * Adds the {@code rows x 1} {@code column} to every column, then takes the logistic function of every element: a
     * sigmoid layer's {@code a = 1 / (1 + e^-(z + b))}, with the bits of {@link #addColumnToEachColumnInPlace} and
     * then {@link #logisticInPlace()}, in one pass on the kernel.
     */
    public final void addColumnThenLogisticInPlace(Matrix column) {
        if (column.rows != rows || column.cols != 1) {
            throw shapeError("a column to add", column, rows + "x1");
        }
        checkWritable();
        addColumnThenLogistic(column);
    }

    abstract void addColumnThenLogistic(Matrix column);

    /** {@code this = this * a (1 - a)}, element by element, on the kernel: the logistic function's backpropagation. */
    public final void timesLogisticSlopeInPlace(Matrix a) {
        checkSameShape(a);
        checkWritable();
        timesLogisticSlope(a);
    }

    abstract void timesLogisticSlope(Matrix a);

    /**
     * Column j of {@code out} becomes column {@code picks[from + j]} of this matrix, for every column of {@code out}:
     * a batch gathered from a data set, on the kernel.
     */
    public final void gatherColumnsInto(int[] picks, int from, Matrix out) {
        if (out.rows != rows) {
            throw shapeError("a gathered batch", out, rows + "x" + out.cols);
        }
        for (int j = 0; j < out.cols; j++) {
            int pick = picks[from + j];
            if (pick < 0 || pick >= cols) {
                throw new IllegalArgumentException("column " + pick + " of a " + shape() + " matrix does not exist");
            }
        }
        out.checkWritable();
        gatherColumns(picks, from, out);
    }

    abstract void gatherColumns(int[] picks, int from, Matrix out);

    /** Sets column {@code col} to {@code values}, which holds {@code rows} numbers. */
    public final void setColumn(int col, double[] values) {
        if (values.length != rows) {
            throw new IllegalArgumentException("a column of this matrix has " + rows + " values, not " + values.length);
        }
        for (int i = 0; i < rows; i++) {
            set(col * rows + i, values[i]);
        }
    }

    /** Sets every element to {@code value}. */
    public final void fillInPlace(double value) {
        for (int k = 0; k < size(); k++) {
            set(k, value);
        }
    }

    /** Copies this matrix into {@code out}, which has the same shape (in another precision, float32 rounds). */
    public final void copyInto(Matrix out) {
        checkSameShape(out);
        out.checkWritable();
        if (out.getClass() == getClass()) {
            copyTo(out);
            return;
        }
        for (int k = 0; k < size(); k++) {
            out.set(k, get(k));
        }
    }

    /** {@link #copyInto} for a matrix of this precision. */
    abstract void copyTo(Matrix out);

    /** True when no element is NaN or infinite. */
    public abstract boolean isAllFinite();

    /** A new matrix with the same shape, kind and elements. */
    public final Matrix copy() {
        Matrix copy = factory.zeros(rows, cols);
        copyInto(copy);
        return copy;
    }

    /** The elements as {@code double[rows][cols]}, for tests, reports and files. */
    public final double[][] toRows() {
        double[][] values = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                values[i][j] = get(i, j);
            }
        }
        return values;
    }

    /** "rows x cols". */
    public final String shape() {
        return rows + "x" + cols;
    }

    @Override
    public String toString() {
        return "Matrix(" + shape() + ", " + factory + ")";
    }

    final Kernel kernel() {
        return factory.compute().kernel();
    }

    final int threads() {
        return factory.compute().threads();
    }

    /** {@code other} as this matrix's own kind, for an operation that needs one precision. */
    final <M extends Matrix> M same(Class<M> kind, Matrix other) {
        if (!kind.isInstance(other)) {
            throw new IllegalArgumentException("an operation needs matrices of one precision, not " + factory + " and "
                    + other.factory);
        }
        return kind.cast(other);
    }

    /**
     * {@code value} rounded to a float, or 0 where that would be subnormal (below about 1.2e-38): x86 takes a slow
     * microcode path for every subnormal float made or read, and float32 training makes many (a saturated sigmoid's
     * output), while they carry no useful precision. GPUs and TensorFlow's CPU kernels flush them to zero too.
     */
    static float toFloat(double value) {
        return Math.abs(value) < Float.MIN_NORMAL ? 0f : (float) value;
    }

    final void checkSameShape(Matrix other) {
        if (other.rows != rows || other.cols != cols) {
            throw shapeError("an element-wise operand", other, shape());
        }
    }

    private static IllegalArgumentException shapeError(String role, Matrix actual, String expected) {
        return new IllegalArgumentException(role + " is " + actual.shape() + " where " + expected + " is needed");
    }
}
