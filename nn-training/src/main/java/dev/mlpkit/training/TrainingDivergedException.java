package dev.mlpkit.training;

/** Training produced a NaN or infinite loss or parameter; the network holds the last good parameters. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;

    public TrainingDivergedException(String message, int epoch) {
        super(message);
        this.epoch = epoch;
    }

    /** The epoch (from 1) in which it diverged. */
    public int epoch() {
        return epoch;
    }
}
