package dev.mlpkit.linalg;

import java.util.Objects;

import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;

/**
 * Makes the matrices a network computes with: their precision (every element a double on ojAlgo's {@code R064Store},
 * or a float on its {@code R032Store}) and the {@link Compute} that does their work. Pass one to a network, as
 * ojAlgo's own ANN takes its store factory.
 */
public final class MatrixFactory {

    private static final String FLOAT64 = "float64";
    private static final String FLOAT32 = "float32";

    private final String precision;
    private final Compute compute;

    private MatrixFactory(String precision, Compute compute) {
        this.precision = precision;
        this.compute = Objects.requireNonNull(compute, "compute");
        compute.kernel().prepare(precision);
    }

    /** float64 matrices on {@link Compute#best()}. */
    public static MatrixFactory float64() {
        return float64(Compute.best());
    }

    /** float32 matrices on {@link Compute#best()}: the simd kernel also sums in float, the ojAlgo one in double. */
    public static MatrixFactory float32() {
        return float32(Compute.best());
    }

    public static MatrixFactory float64(Compute compute) {
        return new MatrixFactory(FLOAT64, compute);
    }

    public static MatrixFactory float32(Compute compute) {
        return new MatrixFactory(FLOAT32, compute);
    }

    /** The factory of the precision called {@code float64} or {@code float32}, on {@link Compute#best()}. */
    public static MatrixFactory named(String name) {
        return named(name, Compute.best());
    }

    /** The factory of the precision called {@code float64} or {@code float32}, on {@code compute}. */
    public static MatrixFactory named(String name, Compute compute) {
        if (!FLOAT64.equals(name) && !FLOAT32.equals(name)) {
            throw new IllegalArgumentException("unknown precision '" + name + "': known are float64, float32");
        }
        return new MatrixFactory(name, compute);
    }

    /** The same precision on {@code compute}. */
    public MatrixFactory on(Compute compute) {
        return new MatrixFactory(precision, compute);
    }

    public Compute compute() {
        return compute;
    }

    /** Whether elements are floats. */
    public boolean isFloat32() {
        return precision.equals(FLOAT32);
    }

    /** A new matrix of zeros, {@code rows x cols}. */
    public Matrix zeros(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column, not " + rows + "x" + cols);
        }
        return isFloat32() ? new Float32Matrix(R032Store.FACTORY.make(rows, cols), this)
                : new Float64Matrix(R064Store.FACTORY.make(rows, cols), this);
    }

    /** A new {@code rows x cols} matrix holding {@code values}, given row by row ({@code values[i][j]} is (i, j)). */
    public Matrix fromRows(double[][] values) {
        Matrix m = zeros(values.length, values[0].length);
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != m.cols()) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, not " + m.cols());
            }
            for (int j = 0; j < m.cols(); j++) {
                m.set(i, j, values[i][j]);
            }
        }
        return m;
    }

    /** A new matrix whose column j holds {@code columns[j]}: examples side by side, one per column. */
    public Matrix fromColumns(double[][] columns) {
        Matrix m = zeros(columns[0].length, columns.length);
        for (int j = 0; j < columns.length; j++) {
            m.setColumn(j, columns[j]);
        }
        return m;
    }

    /** {@code float64} or {@code float32}. */
    public String name() {
        return precision;
    }

    /** Same precision and same compute. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MatrixFactory f && f.precision.equals(precision) && f.compute.equals(compute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(precision, compute);
    }

    @Override
    public String toString() {
        return precision;
    }
}
