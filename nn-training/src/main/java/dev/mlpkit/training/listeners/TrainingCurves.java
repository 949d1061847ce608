package dev.mlpkit.training.listeners;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dev.mlpkit.nn.io.AtomicFiles;
import dev.mlpkit.training.EpochStats;
import dev.mlpkit.training.TrainingListener;
import dev.mlpkit.training.TrainingResult;

/**
 * The galaxy tutorial's {@code training_curves.png}: loss per epoch on the left, accuracy per epoch on the right, each
 * for the training set and (when there is one) the validation set. The legends sit below the plots, where they cover
 * no data. Drawn with XChart when the run ends, and written atomically.
 */
public final class TrainingCurves implements TrainingListener {

    private static final int PANEL_WIDTH = 640;
    private static final int HEIGHT = 480;
    /** The colours of the training and the validation curves (matplotlib's first two). */
    static final Color TRAINING = new Color(31, 119, 180);
    static final Color VALIDATION = new Color(255, 127, 14);

    private final Path file;
    private final List<EpochStats> history = new ArrayList<>();

    public TrainingCurves(Path file) {
        this(file, List.of());
    }

    /** Curves that begin with {@code earlier} epochs (those of the run being resumed). */
    public TrainingCurves(Path file, List<EpochStats> earlier) {
        this.file = file;
        history.addAll(earlier);
    }

    @Override
    public void epochFinished(EpochStats stats) {
        history.add(stats);
    }

    @Override
    public void trainingFinished(TrainingResult result) {
        if (history.isEmpty()) {
            return;
        }
        try {
            write(file, history);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);    // it names the file
        }
    }

    /** Draws the two panels for {@code history} into a PNG at {@code file}. */
    public static void write(Path file, List<EpochStats> history) throws IOException {
        BufferedImage image = render(history);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** The two panels side by side. */
    public static BufferedImage render(List<EpochStats> history) {
        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        XYChart loss = chart("Loss", "Loss", "0.0##");
        series(loss, "training", epochs, history.stream().mapToDouble(EpochStats::trainingLoss).toArray(), TRAINING);
        XYChart accuracy = chart("Accuracy", "Accuracy (%)", "0.#");
        series(accuracy, "training", epochs, history.stream().mapToDouble(s -> 100 * s.trainingAccuracy()).toArray(),
                TRAINING);
        if (history.get(0).hasValidation()) {
            series(loss, "validation", epochs, history.stream().mapToDouble(EpochStats::validationLoss).toArray(),
                    VALIDATION);
            series(accuracy, "validation", epochs,
                    history.stream().mapToDouble(s -> 100 * s.validationAccuracy()).toArray(), VALIDATION);
        }
        BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(BitmapEncoder.getBufferedImage(loss), 0, 0, null);
        g.drawImage(BitmapEncoder.getBufferedImage(accuracy), PANEL_WIDTH, 0, null);
        g.dispose();
        return image;
    }

    /** A panel with whole epochs on its x axis, {@code yPattern} on its y axis and its legend below the plot. */
    private static XYChart chart(String title, String yTitle, String yPattern) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT).title(title).xAxisTitle("Epoch")
                .yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setYAxisDecimalPattern(yPattern);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setXAxisDecimalPattern("0");
        return chart;
    }

    private static void series(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineStyle(new BasicStroke(2f));
    }
}
