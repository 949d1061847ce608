package dev.mlpkit.training;

/**
 * What a run is about to do.
 *
 * @param firstEpoch      the epoch it starts with, from 1 (more after a resume)
 * @param epochs          the last epoch it may reach
 * @param batchesPerEpoch updates per epoch
 * @param trainingSize    training examples
 * @param validationSize  validation examples (0 for none)
 * @param settings        the run's settings
 */
public record TrainingStart(int firstEpoch, int epochs, int batchesPerEpoch, int trainingSize, int validationSize,
        TrainingSettings settings) {
}
