package dev.mlpkit.training.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.TrainingResult;

class FileListenersTest {

    @TempDir
    Path folder;

    private final List<EpochStats> history = List.of(new EpochStats(1, 0.843, 1382.5, 0.870, 0.7, 0.876, 8.99, 0.01),
            new EpochStats(2, 0.5, 820.0, 0.91, 0.45, 0.9, 8.5, 0.01),
            new EpochStats(3, 0.3, 492.0, 0.94, 0.35, 0.93, 8.4, 0.01));

    @Test
    void theMetricsCsvHasOneCompleteRowPerEpoch() throws IOException {
        Path csv = folder.resolve("metrics.csv");
        MetricsCsv listener = new MetricsCsv(csv);
        listener.epochFinished(history.get(0));
        assertEquals(2, Files.readAllLines(csv).size(), "complete after every epoch");
        listener.epochFinished(history.get(1));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(MetricsCsv.HEADER, lines.get(0));
        assertEquals("2,0.5,0.91,0.45,0.9,8.5,0.01", lines.get(2));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary files left");
        }
    }

    /** A resumed run reads the epochs back and goes on from them: the file then holds every epoch, in order. */
    @Test
    void aResumedRunAppendsToTheEpochsItReadsBack() throws IOException {
        Path csv = folder.resolve("metrics.csv");
        MetricsCsv first = new MetricsCsv(csv);
        first.epochFinished(history.get(0));
        first.epochFinished(history.get(1));
        List<EpochStats> earlier = MetricsCsv.read(csv);
        assertEquals(2, earlier.size());
        assertEquals(history.get(1).validationLoss(), earlier.get(1).validationLoss());
        assertEquals(history.get(1).learningRate(), earlier.get(1).learningRate());
        new MetricsCsv(csv, earlier).epochFinished(history.get(2));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertEquals("1,0.843,0.87,0.7,0.876,8.99,0.01", lines.get(1));
        assertEquals("3,0.3,0.94,0.35,0.93,8.4,0.01", lines.get(3));
        Files.writeString(csv, "not,a,metrics,file\n");
        assertThrows(IOException.class, () -> MetricsCsv.read(csv));
    }

    @Test
    void theTrainingCurvesAreTwoPanelsOfLossAndAccuracy() throws IOException {
        Path png = folder.resolve("training_curves.png");
        TrainingCurves listener = new TrainingCurves(png);
        history.forEach(listener::epochFinished);
        listener.trainingFinished(new TrainingResult(history, TrainingResult.StopReason.EPOCHS_DONE, "done", 3));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(480, image.getHeight());
        assertTrue(distinctColours(image, 0, 640) > 10, "the loss panel is drawn");
        assertTrue(distinctColours(image, 640, 1280) > 10, "the accuracy panel is drawn");
        assertNotEquals(image.getRGB(320, 240), image.getRGB(960, 240) + 1);
        assertTrue(pixelsOf(image, TrainingCurves.VALIDATION, 0, 640) > 50, "the loss panel has a validation curve");
        assertTrue(pixelsOf(image, TrainingCurves.VALIDATION, 640, 1280) > 50, "so has the accuracy panel");
    }

    private static long pixelsOf(BufferedImage image, java.awt.Color colour, int fromX, int toX) {
        long count = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return count;
    }

    private static long distinctColours(BufferedImage image, int fromX, int toX) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = fromX; x < toX; x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
