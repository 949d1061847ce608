package dev.mlpkit.nn.simd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.mlpkit.nn.linalg.ProductKernel;

/**
 * Matrix products on the JDK Vector API, float64 ({@link DoubleProduct}) and float32 ({@link FloatProduct}), both
 * through {@link PackedProduct}'s blocked loops. A product is split over the threads along the longer side of C, so
 * each thread packs only its own share of the bigger operand.
 */
public final class SimdKernel implements ProductKernel {

    /**
     * Up to this many columns (one image at a time, as classify and serve send them), A is read in place: packing it
     * would cost more than the product.
     */
    private static final int FEW_COLUMNS = 5;
    /** Below this many multiply-adds, handing half the work to another thread costs more than it saves. */
    private static final long PARALLEL_WORK = 8_000_000;
    private static final DoubleProduct DOUBLES = new DoubleProduct();
    private static final FloatProduct FLOATS = new FloatProduct();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mlpkit-simd");
        t.setDaemon(true);
        return t;
    });

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public boolean isUsable() {
        return DoubleProduct.LANES >= 2;
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, double[] a, double[] b, double[] c,
            double scale, int threads) {
        run(DOUBLES, transposeA, transposeB, m, n, k, a, b, c, scale, threads);
    }

    @Override
    public void multiply(boolean transposeA, boolean transposeB, int m, int n, int k, float[] a, float[] b, float[] c,
            float scale, int threads) {
        run(FLOATS, transposeA, transposeB, m, n, k, a, b, c, scale, threads);
    }

    private static <T> void run(PackedProduct<T> product, boolean transposeA, boolean transposeB, int m, int n, int k,
            T a, T b, T c, double scale, int threads) {
        if (n <= FEW_COLUMNS) {
            product.fewColumns(transposeA, transposeB, m, n, k, a, b, c, scale);
            return;
        }
        // Split the rows when C is taller than wide (each thread packs half of A, the big operand), else the columns.
        boolean byRows = m > n;
        int unit = byRows ? product.mr : product.nr;
        int size = byRows ? m : n;
        int units = (size + unit - 1) / unit;
        int parts = Math.max(1, Math.min(threads, units));
        if (parts == 1 || (long) m * n * k < PARALLEL_WORK) {
            product.block(transposeA, transposeB, m, n, k, a, b, c, scale, 0, m, 0, n);
            return;
        }
        List<Future<?>> running = new ArrayList<>(parts - 1);
        int start = 0;
        for (int t = 0; t < parts; t++) {
            int from = start;
            int to = t == parts - 1 ? size : (int) ((long) units * (t + 1) / parts) * unit;
            Runnable share = byRows
                    ? () -> product.block(transposeA, transposeB, m, n, k, a, b, c, scale, from, to, 0, n)
                    : () -> product.block(transposeA, transposeB, m, n, k, a, b, c, scale, 0, m, from, to);
            if (t == parts - 1) {
                share.run();
            } else {
                running.add(WORKERS.submit(share));
            }
            start = to;
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while multiplying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a product thread failed", e.getCause());
        }
    }
}
