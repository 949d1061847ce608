package dev.mlpkit.training.listeners;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.TrainingListener;
import dev.mlpkit.training.TrainingResult;

/**
 * A progress bar over the batches of each epoch, on standard error, only when a person is watching a terminal:
 * redirected output gets nothing but the epoch lines (no {@code \r} spam in log files).
 */
public final class EpochProgressBar implements TrainingListener {

    private final boolean enabled;
    private ProgressBar bar;

    /** Shows bars when the JVM has a console (both standard streams are terminals). */
    public EpochProgressBar() {
        this(System.console() != null);
    }

    public EpochProgressBar(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void batchFinished(int epoch, int batch, int batches) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("Epoch " + epoch).setInitialMax(batches)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" batches", 1).clearDisplayOnFinish()
                    .continuousUpdate().build();
        }
        bar.stepTo(batch);
    }

    @Override
    public void epochFinished(EpochStats stats) {
        close();
    }

    @Override
    public void trainingFinished(TrainingResult result) {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
