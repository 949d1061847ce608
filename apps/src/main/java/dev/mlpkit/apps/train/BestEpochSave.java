package dev.mlpkit.apps.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mlpkit.apps.Printable;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.training.Checkpoint;
import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.Trainer;
import dev.mlpkit.training.TrainingListener;

/**
 * {@code --save-best}: the model file holds the epoch of the lowest validation loss, not the last. Each epoch that
 * lowers it is written at once (atomically, with the optimizer's state, so a resume goes on from it); at the end the
 * file gets the run's final metadata.
 */
final class BestEpochSave implements TrainingListener {

    private final Path model;
    private final Map<String, Object> metadata;
    private Trainer trainer;
    private Network network;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private EpochStats best;

    /** Saves to {@code model} the best of the epochs this run trains (a resumed run: of those after the resume). */
    BestEpochSave(Path model, Map<String, Object> metadata) {
        this.model = model;
        this.metadata = metadata;
    }

    /** Starts watching {@code watched} train {@code trained}: call before training. */
    void arm(Trainer watched, Network trained) {
        this.trainer = watched;
        this.network = trained;
    }

    @Override
    public void epochFinished(EpochStats stats) {
        if (!(stats.validationLoss() < bestLoss)) {
            return;
        }
        bestLoss = stats.validationLoss();
        best = stats;
        try {
            ModelFile.write(model, Checkpoint.of(network, trainer, metadata));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the best epoch to " + Printable.of(model), e);
        }
    }

    /** The epoch saved, or null before one has a finite validation loss. */
    EpochStats best() {
        return best;
    }

    /** Gives the saved model {@code finalMetadata}, its own training progress kept. */
    void finish(Map<String, Object> finalMetadata) throws IOException {
        if (best == null) {
            throw new IOException("no epoch had a finite validation loss, so --save-best saved none");
        }
        Model saved = ModelFile.read(model);
        Map<String, Object> all = new LinkedHashMap<>(finalMetadata);
        all.put(Checkpoint.KEY, saved.metadata().get(Checkpoint.KEY));
        ModelFile.write(model, new Model(saved.parameters(), saved.state(), all, saved.mlpkitVersion(),
                saved.created()));
    }
}
