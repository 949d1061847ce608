package dev.mlpkit.training.listeners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.mlpkit.nn.io.AtomicFiles;
import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.TrainingListener;

/**
 * Writes one CSV row per epoch ({@code epoch,training_loss,training_accuracy,validation_loss,validation_accuracy,
 * seconds,learning_rate}), rewriting the whole file atomically after each epoch so it is complete at every moment.
 */
public final class MetricsCsv implements TrainingListener {

    /** The header row. */
    public static final String HEADER =
            "epoch,training_loss,training_accuracy,validation_loss,validation_accuracy,seconds,learning_rate";

    private final Path file;
    private final List<String> rows = new ArrayList<>();

    public MetricsCsv(Path file) {
        this.file = file;
    }

    @Override
    public void epochFinished(EpochStats s) {
        rows.add(s.epoch() + "," + s.trainingLoss() + "," + s.trainingAccuracy() + "," + blankIfNaN(s.validationLoss())
                + "," + blankIfNaN(s.validationAccuracy()) + "," + s.seconds() + "," + s.learningRate());
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> csv.append(row).append('\n'));
        try {
            AtomicFiles.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);    // it names the file
        }
    }

    private static String blankIfNaN(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
