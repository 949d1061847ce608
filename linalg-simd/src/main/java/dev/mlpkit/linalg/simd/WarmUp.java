package dev.mlpkit.linalg.simd;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import dev.mlpkit.linalg.Compute;
import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/**
 * Starts the JIT on the kernel before the heavy work: the JIT compiles vector code only after thousands of calls, and
 * until then it runs many times slower, so a training run's first epochs would take several times as long as the
 * others. When a precision's first matrix factory is made ({@link SimdKernel#prepare}), a low-priority daemon thread
 * runs small products, logistic functions, slopes and updates of that precision for a moment, while the program loads
 * its data. A big product waits for it to finish: sharing the cores with it would be slower than waiting, and the
 * products give the same bits during the warm-up as after it.
 *
 * <p>The shapes take every branch of the kernel's code before the JIT compiles it: 37 rows and 29 columns leave edge
 * panels and narrow tiles, 270 terms are summed in more than one block of k, and a one-output layer, one image at a
 * time and a long sum split over k take the paths a galaxy run otherwise first meets in its first epochs. A branch
 * first taken after compilation throws the compiled code away, and the vector code runs interpreted until it is
 * compiled again.
 */
final class WarmUp {

    /** Enough rounds for the JIT's last tier, which counts a method's calls and loop turns, to compile every part. */
    private static final int ROUNDS = 1000;
    /** From this many multiply-adds a product waits for a running warm-up: the work of a training batch. */
    private static final long BIG = 10_000_000;
    /** The warm-ups started, by precision; each counts down once when done. */
    private static final ConcurrentHashMap<String, CountDownLatch> RUNNING = new ConcurrentHashMap<>();

    private WarmUp() {
    }

    /** Starts the warm-up of {@code precision} on {@code kernel}, once per JVM. */
    static void start(SimdKernel kernel, String precision) {
        RUNNING.computeIfAbsent(precision, name -> {
            CountDownLatch done = new CountDownLatch(1);
            Thread thread = new Thread(() -> {
                try {
                    run(MatrixFactory.named(name, new Compute(kernel, Runtime.getRuntime().availableProcessors())));
                } finally {
                    done.countDown();
                }
            }, "mlpkit-warm-up-" + name);
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
            return done;
        });
    }

    /** Waits for the warm-up of {@code precision} when a product of these sizes is big and it is running. */
    static void awaitIfBig(String precision, int m, int n, int k) {
        CountDownLatch done = (long) m * n * k < BIG ? null : RUNNING.get(precision);
        if (done == null || done.getCount() == 0) {
            return;
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();    // the product goes on; whoever interrupted will see the flag
        }
    }

    /** {@value #ROUNDS} rounds of a small layer's forward and backward pass and update, and now and then the rest. */
    static void run(MatrixFactory f) {
        Matrix weights = filled(f, 37, 270);
        Matrix input = filled(f, 270, 29);
        Matrix output = f.zeros(37, 29);
        Matrix bias = filled(f, 37, 1);
        Matrix gradient = f.zeros(37, 270);
        Matrix delta = f.zeros(270, 29);
        Matrix outputWeights = filled(f, 1, 37);
        Matrix single = f.zeros(1, 29);
        Matrix image = filled(f, 270, 1);
        Matrix oneImage = f.zeros(37, 1);
        Matrix longLeft = filled(f, 16, 4096);
        Matrix longRight = filled(f, 4096, 16);
        Matrix small = f.zeros(16, 16);
        for (int round = 0; round < ROUNDS; round++) {
            outputWeights.multiplyInto(output, single);                  // a one-output layer
            weights.multiplyInto(image, oneImage);                       // one image at a time
            if (round % 10 == 0) {
                longLeft.multiplyInto(longRight, small);                 // a long sum, split over k
            }
            double step = round % 2 == 0 ? -1e-3 : 1e-3;                 // updates go back and forth
            weights.multiplyInto(input, output);                         // forward
            output.addColumnThenLogisticInPlace(bias);                   // bias and sigmoid
            weights.multiplyInto(true, output, false, 1.0, delta);       // delta
            delta.timesLogisticSlopeInPlace(input);                      // sigmoid's backpropagation
            output.multiplyInto(false, input, true, 0.5, gradient);      // weight gradient
            weights.addScaledInPlace(step, gradient);                    // update
            output.multiplyAddInto(false, input, true, 0.5, -step, weights); // both at once (plain descent)
        }
    }

    /** A matrix of values between -1 and 1 of both signs, and some zeros, as data has. */
    private static Matrix filled(MatrixFactory f, int rows, int cols) {
        Matrix m = f.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.set(i, i % 17 == 0 ? 0.0 : Math.sin(i));
        }
        return m;
    }
}
