package dev.mlpkit.nn.simd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.mlpkit.nn.linalg.Kernel;

/**
 * Matrix products on the JDK Vector API, float64 ({@link DoubleProduct}) and float32 ({@link FloatProduct}), both
 * through {@link PackedProduct}'s blocked loops, and the logistic function ({@link VectorLogistic}). A product is split
 * over the threads so that each packs only its own share of the bigger operand: along the longer side of C, or along k
 * when C is small and k long.
 */
public final class SimdKernel implements Kernel {

    /**
     * Up to this many columns (one image at a time, as classify and serve send them), A is read in place: packing it
     * would cost more than the product.
     */
    private static final int FEW_COLUMNS = 5;
    /** Below this many multiply-adds, handing half the work to another thread costs more than it saves. */
    private static final long PARALLEL_WORK = 8_000_000;
    /**
     * How long a thread done with its share spins for the others before it parks: they are usually microseconds from
     * done, and waking from a park takes tens of them (2 to 3% of a batch's forward product).
     */
    private static final long SPIN_NANOS = 200_000;
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

    @Override
    public void logistic(double[] x, int length) {
        VectorLogistic.apply(x, length);
    }

    @Override
    public void logistic(float[] x, int length) {
        VectorLogistic.apply(x, length);
    }

    private static <T> void run(PackedProduct<T> product, boolean transposeA, boolean transposeB, int m, int n, int k,
            T a, T b, T c, double scale, int threads) {
        if (n <= FEW_COLUMNS) {
            product.fewColumns(transposeA, transposeB, m, n, k, a, b, c, scale);
            return;
        }
        if (threads < 2 || (long) m * n * k < PARALLEL_WORK) {
            product.block(transposeA, transposeB, m, n, k, a, b, c, scale, 0, m, 0, n, 0, k);
            return;
        }
        if (k >= 4 * Math.max(m, n) && k >= 2 * product.kc) {
            // C is small and k long (a first layer's forward pass): each thread sums half of k into its own C, so
            // each packs half of A and half of B, and the two halves are added at the end.
            int middle = k / 2 / product.kc * product.kc;
            T partial = product.partialC(m * n);
            Future<?> other = WORKERS.submit(
                    () -> product.block(transposeA, transposeB, m, n, k, a, b, partial, 1.0, 0, m, 0, n, middle, k));
            product.block(transposeA, transposeB, m, n, k, a, b, c, 1.0, 0, m, 0, n, 0, middle);
            await(List.of(other));
            product.addScaled(c, partial, m * n, scale);
            return;
        }
        // Split the rows when C is taller than wide (each thread packs half of A, the big operand), else the columns.
        boolean byRows = m > n;
        int unit = byRows ? product.mr : product.nr;
        int size = byRows ? m : n;
        int units = (size + unit - 1) / unit;
        int parts = Math.min(threads, units);
        List<Future<?>> running = new ArrayList<>(parts - 1);
        int start = 0;
        for (int t = 0; t < parts; t++) {
            int from = start;
            int to = t == parts - 1 ? size : (int) ((long) units * (t + 1) / parts) * unit;
            Runnable share = byRows
                    ? () -> product.block(transposeA, transposeB, m, n, k, a, b, c, scale, from, to, 0, n, 0, k)
                    : () -> product.block(transposeA, transposeB, m, n, k, a, b, c, scale, 0, m, from, to, 0, k);
            if (t == parts - 1) {
                share.run();
            } else {
                running.add(WORKERS.submit(share));
            }
            start = to;
        }
        await(running);
    }

    private static void await(List<Future<?>> running) {
        try {
            for (Future<?> f : running) {
                long deadline = System.nanoTime() + SPIN_NANOS;
                while (!f.isDone() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
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
