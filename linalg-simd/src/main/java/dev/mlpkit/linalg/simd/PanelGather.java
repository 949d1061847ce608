package dev.mlpkit.linalg.simd;

/**
 * Where the elements of a plain B's panel rows lie, for packing them with vector gathers: a plain (column-major) B
 * holds a row's {@code width} elements {@code k} apart, and a panel wants them side by side. Element {@code q} of a
 * run of whole rows ({@code q / width} rows down, column {@code q % width}) lies {@code (q % width) * k + q / width}
 * after the panel's first element. A run is as long as a whole number of vectors and of rows, so it repeats down the
 * panel unchanged. One per thread: it is rebuilt when k changes.
 */
final class PanelGather {

    private final int width;
    private final int[] offsets;
    private int stride = -1;

    PanelGather(int width, int lanes) {
        this.width = width;
        this.offsets = new int[leastCommonMultiple(width, lanes)];
    }

    /** The rows one run covers. */
    int rows() {
        return offsets.length / width;
    }

    /** The offsets of one run's elements from the first, for a B whose columns are {@code k} apart. */
    int[] offsets(int k) {
        if (k != stride) {
            for (int q = 0; q < offsets.length; q++) {
                offsets[q] = (q % width) * k + q / width;
            }
            stride = k;
        }
        return offsets;
    }

    private static int leastCommonMultiple(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int r = x % y;
            x = y;
            y = r;
        }
        return a / x * b;
    }
}
