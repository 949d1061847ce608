package dev.mlpkit.apps.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.training.Checkpoint;
import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.Trainer;
import dev.mlpkit.training.TrainingListener;

/**
 * Ctrl-C (or any normal termination) during training saves the last completed epoch, not half of the next one: after
 * each epoch it keeps a snapshot of the weights and the optimizer's state, and a shutdown hook writes that snapshot
 * atomically to {@code <model>.checkpoint} and says how to resume. The JVM then exits with 130 for SIGINT.
 */
final class InterruptCheckpoint implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptCheckpoint.class);

    private final Path file;
    private final Map<String, Object> metadata;
    private final Thread hook;
    private Trainer trainer;
    private Network network;
    private volatile Model last;
    private volatile int lastEpoch;

    InterruptCheckpoint(Path model, Map<String, Object> metadata) {
        this.file = fileFor(model);
        this.metadata = metadata;
        this.hook = new Thread(this::save, "mlp-checkpoint-on-exit");
    }

    /** Where a run saving to {@code model} keeps its checkpoint: {@code <model>.checkpoint}. */
    static Path fileFor(Path model) {
        return model.resolveSibling(model.getFileName() + ".checkpoint");
    }

    /** Starts watching {@code trainer} train {@code trained}: call before training. */
    void arm(Trainer watched, Network trained) {
        this.trainer = watched;
        this.network = trained;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Training ended by itself: nothing to save on exit. */
    void disarm() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs and saves
        }
    }

    @Override
    public void epochFinished(EpochStats stats) {
        last = Checkpoint.snapshot(network, trainer, metadata);
        lastEpoch = stats.epoch();
    }

    private void save() {
        Model snapshot = last;
        if (snapshot == null) {
            System.err.println("mlp: interrupted before the first epoch ended: nothing to save");
            return;
        }
        try {
            ModelFile.write(file, snapshot);
            System.err.println("mlp: interrupted; saved epoch " + lastEpoch + " to " + file + ". Resume with:"
                    + " mlp galaxy train --resume " + file + " (and the same data flags)");
        } catch (IOException e) {
            LOG.error("Could not save the checkpoint {}: {}", file, e.getMessage());
        }
    }
}
