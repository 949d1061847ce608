package dev.mlpkit.training;

/**
 * Hears what the {@link Trainer} does: log lines, progress bars, metrics files, plots. The trainer knows none of them
 * by name; every method does nothing unless overridden, and all are called on the training thread.
 */
public interface TrainingListener {

    /** Before the first epoch of a run (or of a resumed run). */
    default void trainingStarted(TrainingStart start) {
    }

    /** After each update; {@code batch} counts from 1 to {@code batches} within {@code epoch} (from 1). */
    default void batchFinished(int epoch, int batch, int batches) {
    }

    /** After each epoch's evaluation. */
    default void epochFinished(EpochStats stats) {
    }

    /** Once the run ends, however it ends (diverged runs included, before the trainer throws). */
    default void trainingFinished(TrainingResult result) {
    }
}
