package dev.mlpkit.apps.galaxy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;

import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.Console;
import dev.mlpkit.apps.train.ClassificationReport;
import dev.mlpkit.apps.train.Classifier;
import dev.mlpkit.apps.train.Inputs;
import dev.mlpkit.datasets.ClassFolder;
import dev.mlpkit.datasets.Examples;
import dev.mlpkit.features.FeatureExtractor;

/**
 * {@code mlp galaxy evaluate}: accuracy, balanced accuracy against the majority-class baseline, precision, recall, log
 * loss, ROC AUC and the confusion matrix on labelled folders.
 */
public final class GalaxyEvaluate implements Command {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GalaxyEvaluate.class);

    /** The command line of {@code mlp galaxy evaluate}. */
    @Parameters(commandDescription = "Measure a model on folders of galaxies and other images")
    public static final class Options extends dev.mlpkit.apps.CommonOptions {
        @Parameter(names = "--model", description = "The trained model",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path model = Path.of("galaxy.mlp");

        @Parameter(names = "--threshold", description = "Call an image a galaxy when its probability of one is at"
                + " least this (default: 0.5, the tutorial's)", validateWith = dev.mlpkit.apps.Validators.Fraction.class)
        public double threshold = 0.5;

        @ParametersDelegate
        public DataFlags data = new DataFlags();

        @ParametersDelegate
        public dev.mlpkit.apps.train.ReportFlags report = new dev.mlpkit.apps.train.ReportFlags();
    }

    private final Options options;
    private final Console console;

    @com.google.inject.Inject
    GalaxyEvaluate(Options options, Console console) {
        this.console = console;
        this.options = options;
    }

    @Override
    public int run() throws Exception {
        options.report.check();
        Classifier classifier = Classifier.read(options.model, "galaxy");
        FeatureExtractor extractor = ((Inputs.Images) classifier.inputs()).extractor();
        if (options.data.galaxies == null && options.data.nonGalaxies == null) {
            LOG.warn("Note: no folders given, so this scores the built-in generated images, which the default model"
                    + " was trained on; give --galaxies and --non-galaxies of images it has never seen for a fair score.");
        }
        List<ClassFolder> folders = options.data.folders(console);
        Examples examples = options.data.load(folders, extractor, console).examples();
        double[][] probabilities = classifier.probabilities(examples.features());
        int[] predicted = new int[probabilities.length];
        double[] p = new double[probabilities.length];
        for (int j = 0; j < predicted.length; j++) {
            p[j] = probabilities[j][1];
            predicted[j] = p[j] >= options.threshold ? 1 : 0;
        }
        ClassificationReport report = ClassificationReport.of(classifier.classes(), examples.labels(), predicted,
                probabilities);
        double auc = rocAuc(p, examples.labels());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("model", options.model.toString());
        extra.put("threshold", options.threshold);
        extra.put("rocAuc", Double.isNaN(auc) ? null : auc);
        options.report.write(System.out, report, text(report, auc), extra, examples, probabilities, predicted);
        return 0;
    }

    /** The report as people read it: the galaxies' figures first, then the per-class table and the confusion matrix. */
    private String text(ClassificationReport report, double auc) {
        int[][] confusion = report.confusion();
        int tp = confusion[1][1];
        int fn = confusion[1][0];
        int fp = confusion[0][1];
        int tn = confusion[0][0];
        int n = report.total();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Images:     %d (%d galaxies, %d others)%n", n, tp + fn, tn + fp));
        t.append(String.format(Locale.ROOT, "Accuracy:   %.1f%% (an image is a galaxy at a probability of %s or more)%n",
                100.0 * (tp + tn) / n, options.threshold));
        t.append(String.format(Locale.ROOT, "Precision:  %.1f%% of the images called galaxies are galaxies%n",
                100.0 * tp / Math.max(1, tp + fp)));
        t.append(String.format(Locale.ROOT, "Recall:     %.1f%% of the galaxies are found%n",
                100.0 * tp / Math.max(1, tp + fn)));
        t.append(String.format(Locale.ROOT, "Balanced:   %.1f%% (the mean of the two classes' recalls)%n",
                50.0 * tp / Math.max(1, tp + fn) + 50.0 * tn / Math.max(1, tn + fp)));
        t.append(String.format(Locale.ROOT, "Baseline:   %.1f%% by always answering the larger class (%s)%n",
                100.0 * Math.max(tp + fn, tn + fp) / n, tp + fn >= tn + fp ? "galaxy" : "not a galaxy"));
        t.append(String.format(Locale.ROOT, "Log loss:   %.4f%n", report.logLoss()));
        t.append(String.format(Locale.ROOT, "ROC AUC:    %.3f%n%n", auc));
        t.append(report.table()).append('\n').append(report.confusionText());
        return t.toString();
    }

    /** The area under the ROC curve: the chance that a random galaxy scores above a random other image (ties half). */
    static double rocAuc(double[] scores, int[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
