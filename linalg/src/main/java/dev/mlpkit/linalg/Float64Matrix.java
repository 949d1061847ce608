package dev.mlpkit.linalg;

import java.util.function.DoubleUnaryOperator;

import org.ojalgo.matrix.store.R064Store;

/** A {@link Matrix} of doubles: the array of an ojAlgo {@code R064Store}, which the kernel works on directly. */
final class Float64Matrix extends Matrix {

    private final double[] data;
    /** Scratch for {@link #multiplyAddInto} into this matrix, made on first use. */
    private double[] productScratch;

    Float64Matrix(R064Store store, MatrixFactory factory) {
        super(factory, store.getRowDim(), store.getColDim());
        this.data = store.data;
    }

    @Override
    public double get(int index) {
        return data[index];
    }

    @Override
    public void set(int index, double value) {
        checkWritable();
        data[index] = value;
    }

    @Override
    void multiply(boolean transposeThis, Matrix right, boolean transposeRight, double scale, Matrix out, int m, int n,
            int k) {
        if (right.isConstant() && !transposeRight) {
            kernel().multiplyByConstant(transposeThis, m, n, k, data, same(right).data, same(out).data, scale,
                    threads());
        } else {
            kernel().multiply(transposeThis, transposeRight, m, n, k, data, same(right).data, same(out).data, scale,
                    threads());
        }
    }

    @Override
    void multiplyAdd(boolean transposeThis, Matrix right, boolean transposeRight, double scale, double alpha, Matrix y,
            int m, int n, int k) {
        Float64Matrix target = same(y);
        kernel().multiplyAdd(transposeThis, transposeRight, m, n, k, data, same(right).data, scale, alpha,
                target.data, target.productScratch(), threads());
    }

    /** Where the kernel may put a product before adding it to this matrix, made on first use. */
    private double[] productScratch() {
        if (productScratch == null) {
            productScratch = new double[data.length];
        }
        return productScratch;
    }

    @Override
    public void addScaledInPlace(double alpha, Matrix x) {
        checkSameShape(x);
        checkWritable();
        kernel().addScaled(alpha, same(x).data, data, size(), threads());
    }

    @Override
    public void scaleInPlace(double alpha) {
        checkWritable();
        for (int i = 0; i < data.length; i++) {
            data[i] *= alpha;
        }
    }

    @Override
    void addToEachColumn(Matrix column) {
        double[] bias = same(column).data;
        for (int offset = 0; offset < data.length; offset += bias.length) {
            for (int i = 0; i < bias.length; i++) {
                data[offset + i] += bias[i];
            }
        }
    }

    @Override
    void addColumnPart(int offset, int count, double[] sums) {
        for (int i = 0; i < count; i++) {
            sums[i] += data[offset + i];
        }
    }

    @Override
    public void modifyInPlace(DoubleUnaryOperator f) {
        checkWritable();
        for (int i = 0; i < data.length; i++) {
            data[i] = f.applyAsDouble(data[i]);
        }
    }

    @Override
    void multiplyByFunctionOf(DoubleUnaryOperator f, Matrix other) {
        double[] x = same(other).data;
        for (int i = 0; i < data.length; i++) {
            data[i] *= f.applyAsDouble(x[i]);
        }
    }

    @Override
    public void logisticInPlace() {
        checkWritable();
        kernel().logistic(data, data.length, threads());
    }

    @Override
    void addColumnThenLogistic(Matrix column) {
        kernel().addColumnThenLogistic(data, rows(), cols(), same(column).data, threads());
    }

    @Override
    void timesLogisticSlope(Matrix a) {
        kernel().timesLogisticSlope(same(a).data, data, data.length);
    }

    @Override
    void gatherColumns(int[] picks, int from, Matrix out) {
        kernel().gatherColumns(data, rows(), picks, from, same(out).data, out.cols(), threads());
    }

    @Override
    void copyTo(Matrix out) {
        System.arraycopy(data, 0, same(out).data, 0, data.length);
    }

    @Override
    public boolean isAllFinite() {
        for (double x : data) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private Float64Matrix same(Matrix other) {
        return same(Float64Matrix.class, other);
    }
}
