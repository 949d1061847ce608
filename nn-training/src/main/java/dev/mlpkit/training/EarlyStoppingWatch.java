package dev.mlpkit.training;

import dev.mlpkit.nn.Parameters;

/** Early stopping's bookkeeping: the best epoch's loss and weights, and the epochs since. */
final class EarlyStoppingWatch {

    private final EarlyStopping rule;
    private final Parameters best;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int epochsWithoutImprovement;
    private boolean validated;

    EarlyStoppingWatch(EarlyStopping rule, Parameters parameters) {
        this.rule = rule;
        this.best = parameters.copy();
    }

    /** Records an epoch; true when the loss has not improved for the rule's patience. */
    boolean shouldStop(EpochStats stats, Parameters parameters) {
        validated = stats.hasValidation();
        double loss = validated ? stats.validationLoss() : stats.trainingLoss();
        if (loss < bestLoss - rule.minDelta()) {
            bestLoss = loss;
            bestEpoch = stats.epoch();
            epochsWithoutImprovement = 0;
            best.copyFromInPlace(parameters);
            return false;
        }
        return ++epochsWithoutImprovement >= rule.patience();
    }

    /** The run's result once it stops: the network gets the best epoch's weights back. */
    TrainingResult stop(java.util.List<EpochStats> history, int epoch, Parameters parameters) {
        parameters.copyFromInPlace(best);
        String explanation = "Early stopping after epoch " + epoch + ": the " + (validated ? "validation" : "training")
                + " loss has not improved by more than " + Settings.format(rule.minDelta()) + " for "
                + rule.patience() + " epochs; restored the weights of epoch " + bestEpoch + " (" + (validated
                ? "validation" : "training") + " loss " + String.format(java.util.Locale.ROOT, "%.4g", bestLoss) + ").";
        return new TrainingResult(history, TrainingResult.StopReason.EARLY_STOPPING, explanation, bestEpoch);
    }
}
