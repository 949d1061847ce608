package dev.mlpkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import dev.mlpkit.linalg.Compute;
import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/**
 * The hot loop allocates nothing per batch once its buffers exist: forward + backprop of the galaxy tutorial's
 * [4096, 256, 128, 1] network on a batch of 100, measured as this thread's allocated bytes after warm-up.
 */
class NetworkAllocationTest {

    private static final NetworkSpec GALAXY = NetworkSpec.parse("4096-256-128-1");
    private static final int BATCH = 100;
    private static final int WARM_UP_BATCHES = 40;
    private static final int MEASURED_BATCHES = 10;
    /** What ojAlgo's fork-join dispatch may cost per batch: a few hundred bytes for each of the big products. */
    private static final long THREADED_DISPATCH_BUDGET = 4096;

    @Test
    void forwardAndBackpropAllocateNothingPerBatchAfterWarmUp() {
        long bytes = bytesPerBatch(MatrixFactory.float64(Compute.best().withThreads(1)));
        System.out.println("allocation: forward + backprop of " + GALAXY + ", batch " + BATCH + ", products on one thread: "
                + bytes + " bytes per batch");
        assertEquals(0, bytes);
    }

    @Test
    void withThreadedProductsOnlyOjAlgosDispatchAllocates() {
        long bytes = bytesPerBatch(MatrixFactory.float64(Compute.best().withThreads(2)));
        System.out.println("allocation: forward + backprop of " + GALAXY + ", batch " + BATCH + ", threaded products: "
                + bytes + " bytes per batch");
        assertTrue(bytes <= THREADED_DISPATCH_BUDGET, bytes + " bytes per batch");
    }

    private static long bytesPerBatch(MatrixFactory f) {
        Network network = new Network(GALAXY, f);
        Initializer.NORMAL.initialize(network.parameters(), 1);
        Matrix x = f.zeros(4096, BATCH);
        x.modifyInPlace(v -> 0.5);
        Matrix y = f.zeros(1, BATCH);
        y.fillInPlace(1.0);
        Gradients gradients = Gradients.like(network.parameters());
        for (int i = 0; i < WARM_UP_BATCHES; i++) {
            network.backpropInto(x, y, gradients);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // The least of three measurements: the JIT finishing a compilation during one can allocate a few bytes once
        // (13 bytes a batch, once in a full run of the module's tests), which is not a per-batch cost.
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED_BATCHES; i++) {
                network.backpropInto(x, y, gradients);
            }
            least = Math.min(least, (threads.getCurrentThreadAllocatedBytes() - before) / MEASURED_BATCHES);
        }
        return least;
    }
}
