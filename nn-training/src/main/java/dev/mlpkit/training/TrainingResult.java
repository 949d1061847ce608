package dev.mlpkit.training;

import java.util.List;

/**
 * How a run ended.
 *
 * @param history     every epoch of this run, in order
 * @param reason      why it stopped
 * @param explanation the reason in one sentence, for logs and reports
 * @param bestEpoch   the epoch whose weights the network holds at the end (the last, or the best with early stopping)
 */
public record TrainingResult(List<EpochStats> history, StopReason reason, String explanation, int bestEpoch) {

    /** Why a run stopped. */
    public enum StopReason {
        /** It trained every epoch asked for. */
        EPOCHS_DONE,
        /** The summed training loss reached the target. */
        TARGET_LOSS,
        /** The validation loss stopped improving. */
        EARLY_STOPPING,
        /** The loss or a parameter stopped being a finite number. */
        DIVERGED
    }

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The last epoch's statistics. */
    public EpochStats last() {
        return history.get(history.size() - 1);
    }
}
