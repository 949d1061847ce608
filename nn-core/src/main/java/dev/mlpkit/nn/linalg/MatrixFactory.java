package dev.mlpkit.nn.linalg;

import org.ojalgo.matrix.store.PhysicalStore;
import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;

/**
 * Makes the matrices a network computes with; the choice of storage (and so of precision) is this object.
 *
 * <p>Pass one to a network's constructor, as ojAlgo's own ANN takes its store factory: {@link #float64()} is the
 * default, {@link #float32()} stores every element as a float (the simd kernel also sums in float, the ojAlgo one in
 * double).
 */
public final class MatrixFactory {

    private static final MatrixFactory FLOAT64 = new MatrixFactory("float64", R064Store.FACTORY);
    private static final MatrixFactory FLOAT32 = new MatrixFactory("float32", R032Store.FACTORY);

    private final String name;
    private final PhysicalStore.Factory<Double, ? extends PhysicalStore<Double>> stores;

    private MatrixFactory(String name, PhysicalStore.Factory<Double, ? extends PhysicalStore<Double>> stores) {
        this.name = name;
        this.stores = stores;
    }

    /** Matrices on ojAlgo's {@code R064Store}: every element a double. */
    public static MatrixFactory float64() {
        return FLOAT64;
    }

    /** Matrices on ojAlgo's {@code R032Store}: every element a float. */
    public static MatrixFactory float32() {
        return FLOAT32;
    }

    /** The factory called {@code float64} or {@code float32}. */
    public static MatrixFactory named(String name) {
        switch (name) {
            case "float64":
                return FLOAT64;
            case "float32":
                return FLOAT32;
            default:
                throw new IllegalArgumentException("unknown precision '" + name + "': known are float64, float32");
        }
    }

    /** A new matrix of zeros, {@code rows x cols}. */
    public Matrix zeros(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column, not " + rows + "x" + cols);
        }
        return new Matrix(stores.make(rows, cols), this);
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

    /** {@code float64} or {@code float32}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
