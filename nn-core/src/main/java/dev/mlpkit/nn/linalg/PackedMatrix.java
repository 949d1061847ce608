package dev.mlpkit.nn.linalg;

/**
 * A copy of a matrix laid out by the {@link Kernel} for many products {@code A * this}, as BLAS libraries pack a matrix
 * they will multiply again and again: a trainer evaluates the same examples after every epoch, and packing them once
 * saves packing them each time. Made by {@link Matrix#packedAsRight(int)} for an A of a given height; the matrix it
 * came from may change afterwards without changing this one.
 */
public final class PackedMatrix {

    private final MatrixFactory factory;
    /** The rows of the A it was packed for. */
    private final int leftRows;
    private final int rows;
    private final int cols;
    /** The kernel that packed it: the layout is that kernel's, so its products use it. */
    private final Kernel kernel;
    private final Object packed;

    PackedMatrix(MatrixFactory factory, int leftRows, int rows, int cols, Kernel kernel, Object packed) {
        this.factory = factory;
        this.leftRows = leftRows;
        this.rows = rows;
        this.cols = cols;
        this.kernel = kernel;
        this.packed = packed;
    }

    /** The rows of the A in {@code A * this} that it was packed for. */
    public int leftRows() {
        return leftRows;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public MatrixFactory factory() {
        return factory;
    }

    Kernel kernel() {
        return kernel;
    }

    Object packed() {
        return packed;
    }
}
