package dev.mlpkit.training;

/**
 * What one epoch did, measured after its last update on the whole training and validation sets.
 *
 * @param epoch              1 for the first
 * @param trainingLoss       the mean loss over the training set
 * @param trainingLossTotal  the summed loss over the training set (the circle/line tutorial's stopping measure)
 * @param trainingAccuracy   the fraction of training examples classified right, in [0, 1]
 * @param validationLoss     the mean loss over the validation set, NaN without one
 * @param validationAccuracy the fraction of validation examples classified right, NaN without one
 * @param seconds            the epoch's wall time: shuffling, updates and both evaluations
 * @param learningRate       the learning rate used in the epoch
 */
public record EpochStats(int epoch, double trainingLoss, double trainingLossTotal, double trainingAccuracy,
        double validationLoss, double validationAccuracy, double seconds, double learningRate) {

    public boolean hasValidation() {
        return !Double.isNaN(validationAccuracy);
    }
}
