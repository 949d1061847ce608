package dev.mlpkit.datasets;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error when the caller wants one (mlp: when standard error is a terminal). */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code total} steps of {@code task}, shown only if {@code wanted}. */
    static Progress of(String task, long total, boolean wanted) {
        if (!wanted) {
            return new Progress(null);
        }
        // Drawn on one line with carriage returns, and left there when done: the library's terminal consumer moves the
        // cursor up and down, and its cleared bar left an empty line above the next output.
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .continuousUpdate().build());
    }

    /** One more step done; safe from any thread. */
    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
