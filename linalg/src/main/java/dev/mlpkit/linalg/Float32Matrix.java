package dev.mlpkit.linalg;

import java.util.function.DoubleUnaryOperator;

import org.ojalgo.matrix.store.R032Store;

/**
 * A {@link Matrix} of floats: the array of an ojAlgo {@code R032Store}, which the kernel works on directly. Functions
 * given as {@link DoubleUnaryOperator}s compute in double and round once, subnormal results flushed to zero (see
 * {@link Matrix#toFloat}).
 */
final class Float32Matrix extends Matrix {

    /** How many floats {@link #widened} holds: a block converted at once. */
    private static final int BLOCK = 512;

    private final float[] data;
    /** Scratch for {@link #multiplyAddInto} into this matrix, made on first use. */
    private float[] productScratch;
    /** A block of elements widened to double, made on first use. */
    private double[] wide;

    Float32Matrix(R032Store store, MatrixFactory factory) {
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
        data[index] = (float) value;
    }

    @Override
    void multiply(boolean transposeThis, Matrix right, boolean transposeRight, double scale, Matrix out, int m, int n,
            int k) {
        if (right.isConstant() && !transposeRight) {
            kernel().multiplyByConstant(transposeThis, m, n, k, data, same(right).data, same(out).data, (float) scale,
                    threads());
        } else {
            kernel().multiply(transposeThis, transposeRight, m, n, k, data, same(right).data, same(out).data,
                    (float) scale, threads());
        }
    }

    @Override
    void multiplyAdd(boolean transposeThis, Matrix right, boolean transposeRight, double scale, double alpha, Matrix y,
            int m, int n, int k) {
        Float32Matrix target = same(y);
        kernel().multiplyAdd(transposeThis, transposeRight, m, n, k, data, same(right).data, (float) scale, (float) alpha,
                target.data, target.productScratch(), threads());
    }

    /** Where the kernel may put a product before adding it to this matrix, made on first use. */
    private float[] productScratch() {
        if (productScratch == null) {
            productScratch = new float[data.length];
        }
        return productScratch;
    }

    @Override
    public void addScaledInPlace(double alpha, Matrix x) {
        checkSameShape(x);
        checkWritable();
        kernel().addScaled((float) alpha, same(x).data, data, size(), threads());
    }

    @Override
    public void scaleInPlace(double alpha) {
        checkWritable();
        float a = (float) alpha;
        for (int i = 0; i < data.length; i++) {
            data[i] *= a;
        }
    }

    @Override
    void addToEachColumn(Matrix column) {
        float[] bias = same(column).data;
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
        for (int start = 0; start < data.length; start += BLOCK) {
            int end = Math.min(data.length, start + BLOCK);
            double[] values = widened(f, data, start, end);
            for (int i = start; i < end; i++) {
                data[i] = toFloat(values[i - start]);
            }
        }
    }

    @Override
    void multiplyByFunctionOf(DoubleUnaryOperator f, Matrix other) {
        float[] x = same(other).data;
        for (int start = 0; start < data.length; start += BLOCK) {
            int end = Math.min(data.length, start + BLOCK);
            double[] values = widened(f, x, start, end);
            for (int i = start; i < end; i++) {
                data[i] = toFloat(data[i] * values[i - start]);
            }
        }
    }

    /**
     * {@code f} of {@code x[start, end)}, widened a block at a time: converting one float at a time ties each step to
     * the one before (the conversion writes part of a register), which makes a float loop much slower than a double one.
     */
    private double[] widened(DoubleUnaryOperator f, float[] x, int start, int end) {
        if (wide == null) {
            wide = new double[Math.min(BLOCK, data.length)];
        }
        for (int i = start; i < end; i++) {
            wide[i - start] = x[i];
        }
        for (int i = 0; i < end - start; i++) {
            wide[i] = f.applyAsDouble(wide[i]);
        }
        return wide;
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
        for (float x : data) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private Float32Matrix same(Matrix other) {
        return same(Float32Matrix.class, other);
    }
}
