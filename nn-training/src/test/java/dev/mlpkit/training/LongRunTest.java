package dev.mlpkit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mlpkit.nn.Network;
import dev.mlpkit.training.batching.MiniBatch;
import dev.mlpkit.training.optimizer.Adam;

/** A long run keeps its memory: 200 epochs do not grow the heap after warm-up (sampled after GC). */
@Tag("slow")
class LongRunTest {

    /** The history of 180 epochs (a record each) and GC noise; the network's own buffers are far larger. */
    private static final long ALLOWED_GROWTH = 2 * 1024 * 1024;

    @Test
    void twoHundredEpochsDoNotGrowTheHeap() {
        Samples data = TrainerTest.randomSamples(500, 256, 1, 3);
        Network network = TrainerTest.network("256-128:sigmoid-64:sigmoid-1:sigmoid", 4);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] used = new long[2];
        TrainingListener sampler = new TrainingListener() {
            @Override
            public void epochFinished(EpochStats stats) {
                if (stats.epoch() == 20 || stats.epoch() == 200) {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                    }
                    used[stats.epoch() == 20 ? 0 : 1] = memory.getHeapMemoryUsage().getUsed();
                }
            }
        };
        TrainingSettings settings = TrainingSettings.defaults().withOptimizer(new Adam(0.001, 0.9, 0.999, 1e-8))
                .withBatching(new MiniBatch(32)).withEpochs(200);
        TrainingResult result = new Trainer(settings, List.of(sampler)).train(network, data, data);
        assertEquals(200, result.history().size());
        long growth = used[1] - used[0];
        System.out.printf("heap after GC: epoch 20 %.1f MB, epoch 200 %.1f MB, growth %d KB%n", used[0] / 1e6,
                used[1] / 1e6, growth / 1024);
        assertTrue(growth < ALLOWED_GROWTH, "the heap grew by " + growth + " bytes between epochs 20 and 200");
    }
}
