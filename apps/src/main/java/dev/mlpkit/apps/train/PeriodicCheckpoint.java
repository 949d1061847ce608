package dev.mlpkit.apps.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mlpkit.apps.Printable;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.training.Checkpoint;
import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.Trainer;
import dev.mlpkit.training.TrainingListener;

/**
 * {@code --checkpoint-every N}: every N epochs, the run so far is written atomically to {@code <model>.checkpoint}
 * (where Ctrl-C saves too), so that a crash or a killed JVM loses at most N epochs; the file is removed once the run
 * has saved its model.
 */
final class PeriodicCheckpoint implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicCheckpoint.class);

    private final int every;
    private final Path file;
    private final Map<String, Object> metadata;
    private Trainer trainer;
    private Network network;

    /** Checkpoints of the run saved to {@code model} every {@code every} epochs (0: none). */
    PeriodicCheckpoint(int every, Path model, Map<String, Object> metadata) {
        this.every = every;
        this.file = InterruptCheckpoint.fileFor(model);
        this.metadata = metadata;
    }

    /** Starts watching {@code watched} train {@code trained}: call before training. */
    void arm(Trainer watched, Network trained) {
        this.trainer = watched;
        this.network = trained;
    }

    @Override
    public void epochFinished(EpochStats stats) {
        if (every == 0 || stats.epoch() % every != 0) {
            return;
        }
        try {
            ModelFile.write(file, Checkpoint.of(network, trainer, metadata));
            LOG.debug("Saved epoch {} to {}.", stats.epoch(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the checkpoint " + Printable.of(file), e);
        }
    }

    /** The run saved its model: the checkpoint is out of date. */
    void runSaved() throws IOException {
        if (every > 0) {
            Files.deleteIfExists(file);
        }
    }
}
