package dev.mlpkit.training.listeners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.mlpkit.nn.io.AtomicFiles;
import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.TrainingListener;

/**
 * Writes one CSV row per epoch ({@code epoch,training_loss,training_accuracy,validation_loss,validation_accuracy,
 * seconds,learning_rate}), rewriting the whole file atomically after each epoch so it is complete at every moment. A
 * resumed run starts from the epochs it has already trained, read back with {@link #read}.
 */
public final class MetricsCsv implements TrainingListener {

    /** The header row. */
    public static final String HEADER =
            "epoch,training_loss,training_accuracy,validation_loss,validation_accuracy,seconds,learning_rate";

    private final Path file;
    private final List<String> rows = new ArrayList<>();

    public MetricsCsv(Path file) {
        this(file, List.of());
    }

    /** A file that begins with the rows of {@code earlier} epochs (those of the run being resumed). */
    public MetricsCsv(Path file, List<EpochStats> earlier) {
        this.file = file;
        earlier.forEach(s -> rows.add(row(s)));
    }

    /**
     * The epochs a metrics file holds, in its order (the summed training loss, which it does not hold, as NaN); an
     * IOException names a file that cannot be read or is not one of these files.
     */
    public static List<EpochStats> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + " is not a metrics file of mlpkit's");
        }
        List<EpochStats> epochs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            try {
                epochs.add(new EpochStats(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.NaN,
                        Double.parseDouble(f[2]), nanIfBlank(f[3]), nanIfBlank(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6])));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(file + " has a row that is not an epoch's: " + line, e);
            }
        }
        return epochs;
    }

    private static double nanIfBlank(String field) {
        return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
    }

    private static String row(EpochStats s) {
        return s.epoch() + "," + s.trainingLoss() + "," + s.trainingAccuracy() + "," + blankIfNaN(s.validationLoss())
                + "," + blankIfNaN(s.validationAccuracy()) + "," + s.seconds() + "," + s.learningRate();
    }

    @Override
    public void epochFinished(EpochStats s) {
        rows.add(row(s));
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
