package dev.mlpkit.apps.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.training.Checkpoint;
import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.Samples;
import dev.mlpkit.training.Trainer;
import dev.mlpkit.training.TrainingListener;
import dev.mlpkit.training.TrainingResult;
import dev.mlpkit.training.TrainingSettings;
import dev.mlpkit.training.batching.FullBatch;
import dev.mlpkit.training.optimizer.GradientDescent;

/** {@code --checkpoint-every} and {@code --save-best} on a small network trained for a few epochs. */
class EpochSavesTest {

    private static final Samples XOR = new Samples(new double[][] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } },
            new double[][] { { 0 }, { 1 }, { 1 }, { 0 } });
    /** A validation set that the XOR network first fits better, then worse: its best epoch is not the last. */
    private static final Samples ODD = new Samples(new double[][] { { 0, 0 }, { 1, 1 } }, new double[][] { { 1 }, { 1 } });

    @TempDir
    Path folder;

    @Test
    void everyNthEpochIsSavedWhereCtrlCSavesAndRemovedOnceTheModelIsSaved() throws IOException {
        Path model = folder.resolve("m.mlp");
        PeriodicCheckpoint periodic = new PeriodicCheckpoint(2, model, Map.of("app", "test"));
        List<Integer> savedAt = new ArrayList<>();
        Path file = folder.resolve("m.mlp.checkpoint");
        TrainingListener watch = new TrainingListener() {
            @Override
            public void epochFinished(EpochStats stats) {
                try {
                    if (Files.exists(file)) {
                        savedAt.add(Checkpoint.epochsDone(ModelFile.read(file)));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        Trainer trainer = new Trainer(settings(5), List.of(periodic, watch));
        Network network = network();
        periodic.arm(trainer, network);
        trainer.train(network, XOR, Samples.none());
        assertEquals(List.of(2, 2, 4, 4), savedAt, "epochs 2 and 4 saved as they ended, the 5th not");
        periodic.runSaved();
        assertFalse(Files.exists(file));
    }

    @Test
    void theModelFileHoldsTheEpochOfTheLowestValidationLoss() throws IOException {
        Path model = folder.resolve("best.mlp");
        BestEpochSave best = new BestEpochSave(model, Map.of("app", "test"));
        List<EpochStats> epochs = new ArrayList<>();
        List<double[][]> weights = new ArrayList<>();
        Network network = network();
        TrainingListener record = new TrainingListener() {
            @Override
            public void epochFinished(EpochStats stats) {
                epochs.add(stats);
                weights.add(network.parameters().weights(0).toRows());
            }
        };
        Trainer trainer = new Trainer(settings(30), List.of(best, record));
        best.arm(trainer, network);
        trainer.train(network, XOR, ODD);
        best.finish(Map.of("app", "test", "summary", "done"));

        EpochStats lowest = epochs.stream().min((a, b) -> Double.compare(a.validationLoss(), b.validationLoss()))
                .orElseThrow();
        assertEquals(lowest.epoch(), best.best().epoch());
        org.junit.jupiter.api.Assertions.assertTrue(lowest.epoch() < 30, "the example needs a best epoch before the last");
        Model saved = ModelFile.read(model);
        assertEquals(lowest.epoch(), Checkpoint.epochsDone(saved));
        assertEquals("done", saved.metadata().get("summary"));
        assertArrayEquals(weights.get(lowest.epoch() - 1), saved.parameters().weights(0).toRows());
    }

    private static TrainingSettings settings(int epochs) {
        return TrainingSettings.defaults().withOptimizer(new GradientDescent(2.0)).withBatching(new FullBatch())
                .withEpochs(epochs);
    }

    private static Network network() {
        Network network = new Network(NetworkSpec.parse("2-3:sigmoid-1:sigmoid/bce"), MatrixFactory.float64());
        Initializer.XAVIER.initialize(network.parameters(), 7);
        return network;
    }

    /** The end-of-run line names the epoch of the lowest validation loss, and the epoch the model holds if another. */
    @Test
    void theOutcomeNamesTheBestEpochAndTheOneTheNetworkHolds() {
        List<EpochStats> history = List.of(epoch(1, 0.5, 0.75), epoch(2, 0.25, 0.875), epoch(3, 0.375, 0.8125));
        TrainingResult done = new TrainingResult(history, TrainingResult.StopReason.EPOCHS_DONE, "", 3);
        assertEquals("Best epoch: 2 of 3 (validation loss 0.2500, accuracy 87.5%); the model holds epoch 3"
                + " (--save-best saves the best); stopped because it trained all 3 epochs.",
                TrainingRun.outcome(done, 3, false));
        assertEquals("Best epoch: 2 of 3 (validation loss 0.2500, accuracy 87.5%); stopped because it trained all 3"
                + " epochs.", TrainingRun.outcome(done, 3, true));
        TrainingResult early = new TrainingResult(history, TrainingResult.StopReason.EARLY_STOPPING, "", 2);
        assertEquals("Best epoch: 2 of 3 (validation loss 0.2500, accuracy 87.5%); stopped because the validation loss"
                + " stopped improving.", TrainingRun.outcome(early, 10, false));
    }

    private static EpochStats epoch(int epoch, double validationLoss, double validationAccuracy) {
        return new EpochStats(epoch, 0.1, 0.4, 1.0, validationLoss, validationAccuracy, 0.5, 0.1);
    }
}
