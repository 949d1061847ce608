package dev.mlpkit.training;

/**
 * Stop when the validation loss (the training loss when there is no validation set) has not improved by more than
 * {@code minDelta} for {@code patience} epochs, and go back to the weights of the best epoch.
 *
 * @param patience how many epochs without improvement to wait, at least 1
 * @param minDelta how much lower the loss must be to count as an improvement, at least 0
 */
public record EarlyStopping(int patience, double minDelta) {

    public EarlyStopping {
        Require.positive("early-stopping patience", patience);
        Require.nonNegative("early-stopping minimum improvement", minDelta);
    }

    @Override
    public String toString() {
        return "EarlyStopping(patience=" + patience + ", minDelta=" + Settings.format(minDelta) + ")";
    }
}
