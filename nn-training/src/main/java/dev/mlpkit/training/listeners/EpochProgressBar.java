package dev.mlpkit.training.listeners;

import java.io.PrintStream;
import java.util.function.LongSupplier;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.TrainingListener;
import dev.mlpkit.training.TrainingResult;
import dev.mlpkit.training.TrainingStart;

/**
 * A progress bar over the batches of an epoch that has run for a second, on standard error, only when a person is
 * watching a terminal; redirected output gets nothing but the epoch lines (no {@code \r} spam in log files).
 *
 * <p>Fast epochs get no bar: the galaxy tutorial's take a fraction of a second, and a bar for each would slow them
 * down at a terminal (the progress bar library opens the terminal for every bar). A bar keeps to one line and wipes it when its epoch
 * ends, so that the epoch's line takes its place: list this listener before {@link EpochLog}.
 */
public final class EpochProgressBar implements TrainingListener {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    /** Where bars go; null for none. */
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private long epochStart;
    private ProgressBar bar;
    private OneLine line;

    /** Shows bars when the JVM has a console (both standard streams are terminals). */
    public EpochProgressBar() {
        this(System.console() != null ? System.err : null, System::nanoTime);
    }

    /** Shows bars on {@code out}, or none when it is null. */
    public EpochProgressBar(PrintStream out) {
        this(out, System::nanoTime);
    }

    EpochProgressBar(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.epochStart = nanoClock.getAsLong();
    }

    @Override
    public void trainingStarted(TrainingStart start) {
        epochStart = nanoClock.getAsLong();
    }

    @Override
    public void batchFinished(int epoch, int batch, int batches) {
        if (out == null) {
            return;
        }
        if (bar == null) {
            if (nanoClock.getAsLong() - epochStart < SHOW_AFTER_NANOS) {
                return;
            }
            line = new OneLine(out);
            bar = new ProgressBarBuilder().setTaskName("Epoch " + epoch).setInitialMax(batches)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" batches", 1).setConsumer(line)
                    .clearDisplayOnFinish().continuousUpdate().build();
        }
        bar.stepTo(batch);
    }

    @Override
    public void epochFinished(EpochStats stats) {
        close();
        epochStart = nanoClock.getAsLong();
    }

    @Override
    public void trainingFinished(TrainingResult result) {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();    // returns once the bar's last drawing is done
            line.wipe();    // the library skips wiping a bar closed before its first drawing
            bar = null;
            line = null;
        }
    }

    /** Draws with carriage returns on one line, and leaves that line wiped and the cursor at its start. */
    private static final class OneLine extends ConsoleProgressBarConsumer {
        private final PrintStream stream;
        private boolean drawn;

        OneLine(PrintStream stream) {
            super(stream);
            this.stream = stream;
        }

        @Override
        public void accept(String rendered) {
            super.accept(rendered);
            drawn = true;
        }

        @Override
        public void clear() {
            stream.print("\r" + " ".repeat(getMaxRenderedLength()) + "\r");
            drawn = false;
        }

        void wipe() {
            if (drawn) {
                clear();
            }
            stream.flush();
        }

        @Override
        public void close() {
            stream.flush();    // no line feed, unlike the library's own console consumer
        }
    }
}
