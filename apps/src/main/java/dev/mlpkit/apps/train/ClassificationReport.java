package dev.mlpkit.apps.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a classifier did on labelled inputs: accuracy, balanced accuracy against the majority-class baseline, log
 * loss, precision, recall, F1 and support per class, their macro averages (each class counts the same), and the
 * confusion matrix with rows for the truth and columns for the prediction. A class never predicted has a precision
 * of 0, as scikit-learn's {@code zero_division=0} gives.
 *
 * @param classes   the class names, label 0 first
 * @param confusion {@code confusion[truth][predicted]}: how many inputs of class {@code truth} were called
 *                  {@code predicted}
 * @param logLoss   the mean cross-entropy of the probabilities given the true classes, NaN when not known
 */
public record ClassificationReport(List<String> classes, int[][] confusion, double logLoss) {

    /** The report of {@code predicted} labels against the {@code truth}, with no log loss. */
    public static ClassificationReport of(List<String> classes, int[] truth, int[] predicted) {
        int[][] confusion = new int[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        return new ClassificationReport(List.copyOf(classes), confusion, Double.NaN);
    }

    /** The report of {@code predicted} labels against the {@code truth}, and the log loss of {@code probabilities}. */
    public static ClassificationReport of(List<String> classes, int[] truth, int[] predicted, double[][] probabilities) {
        return new ClassificationReport(List.copyOf(classes), of(classes, truth, predicted).confusion,
                logLoss(probabilities, truth));
    }

    /**
     * The mean of {@code -ln p[truth]} over the inputs, each probability kept at least 1e-15 so that one certain
     * mistake costs much but not infinity (scikit-learn's {@code log_loss} clips alike).
     */
    public static double logLoss(double[][] probabilities, int[] truth) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum -= Math.log(Math.max(1e-15, probabilities[i][truth[i]]));
        }
        return sum / truth.length;
    }

    /** How many inputs there were. */
    public int total() {
        int n = 0;
        for (int k = 0; k < classes.size(); k++) {
            n += support(k);
        }
        return n;
    }

    /** How many were called right. */
    public int correct() {
        int right = 0;
        for (int k = 0; k < classes.size(); k++) {
            right += confusion[k][k];
        }
        return right;
    }

    public double accuracy() {
        return correct() / (double) total();
    }

    /** How many inputs are of class {@code k}. */
    public int support(int k) {
        int n = 0;
        for (int p : confusion[k]) {
            n += p;
        }
        return n;
    }

    /** How many inputs were called class {@code k}. */
    public int called(int k) {
        int n = 0;
        for (int[] row : confusion) {
            n += row[k];
        }
        return n;
    }

    /** Of the inputs called {@code k}, the fraction that are. */
    public double precision(int k) {
        return called(k) == 0 ? 0 : confusion[k][k] / (double) called(k);
    }

    /** Of the inputs of class {@code k}, the fraction called so. */
    public double recall(int k) {
        return support(k) == 0 ? 0 : confusion[k][k] / (double) support(k);
    }

    /** The harmonic mean of precision and recall. */
    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean of {@code precision}, {@code recall} or {@code f1} over the classes that have inputs. */
    public double macro(java.util.function.IntToDoubleFunction metric) {
        double sum = 0;
        int present = 0;
        for (int k = 0; k < classes.size(); k++) {
            if (support(k) > 0) {
                sum += metric.applyAsDouble(k);
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    /** The mean of the recalls of the classes that have inputs: what a classifier scores when all classes weigh alike. */
    public double balancedAccuracy() {
        return macro(this::recall);
    }

    /** The class with the most inputs (the first of equals). */
    public int majorityClass() {
        int most = 0;
        for (int k = 1; k < classes.size(); k++) {
            most = support(k) > support(most) ? k : most;
        }
        return most;
    }

    /** The accuracy of always answering the {@link #majorityClass}: the score to beat. */
    public double baseline() {
        return support(majorityClass()) / (double) total();
    }

    /**
     * The report as text: the overall figures, the per-class table with its macro averages, the confusion matrix; class
     * names with their control characters escaped, so a folder's name cannot forge a line.
     */
    public String text() {
        String majority = dev.mlpkit.apps.Printable.of(classes.get(majorityClass()));
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Accuracy: %.1f%% (%d of %d)%n", 100 * accuracy(), correct(), total()));
        t.append(String.format(Locale.ROOT, "Balanced accuracy: %.1f%% (the mean of the classes' recalls)%n",
                100 * balancedAccuracy()));
        t.append(String.format(Locale.ROOT, "Baseline: %.1f%% by always answering the largest class (%s)%n",
                100 * baseline(), majority));
        if (!Double.isNaN(logLoss)) {
            t.append(String.format(Locale.ROOT, "Log loss: %.4f%n", logLoss));
        }
        t.append('\n').append(table());
        t.append('\n').append(confusionText());
        return t.toString();
    }

    /** The per-class table, with its macro averages, as text. */
    public String table() {
        List<String> classes = this.classes.stream().map(dev.mlpkit.apps.Printable::of).toList();
        int width = Math.max(9, classes.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-" + width + "s  precision  recall     f1  support%n", "class"));
        for (int k = 0; k < classes.size(); k++) {
            t.append(String.format(Locale.ROOT, "%-" + width + "s  %9.3f  %6.3f  %5.3f  %7d%n", classes.get(k),
                    precision(k), recall(k), f1(k), support(k)));
        }
        t.append(String.format(Locale.ROOT, "%-" + width + "s  %9.3f  %6.3f  %5.3f  %7d%n", "macro avg",
                macro(this::precision), macro(this::recall), macro(this::f1), total()));
        return t.toString();
    }

    /** The confusion matrix as text. */
    public String confusionText() {
        List<String> classes = this.classes.stream().map(dev.mlpkit.apps.Printable::of).toList();
        int width = Math.max(9, classes.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder t = new StringBuilder();
        t.append("Confusion matrix (rows: truth, columns: prediction):\n");
        int cell = Math.max(5, classes.stream().mapToInt(String::length).max().orElse(0));
        t.append(" ".repeat(width));
        for (String c : classes) {
            t.append("  ").append(String.format(Locale.ROOT, "%" + cell + "s", c));
        }
        t.append('\n');
        for (int k = 0; k < classes.size(); k++) {
            t.append(String.format(Locale.ROOT, "%-" + width + "s", classes.get(k)));
            for (int p = 0; p < classes.size(); p++) {
                t.append("  ").append(String.format(Locale.ROOT, "%" + cell + "d", confusion[k][p]));
            }
            t.append('\n');
        }
        return t.toString();
    }

    /**
     * The report for scripts, as an ordered map that JSON writes as it stands: the overall figures, then
     * {@code classes} (one object per class) and {@code macro}, then {@code confusion} (truth to prediction to count).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputs", total());
        m.put("correct", correct());
        m.put("accuracy", accuracy());
        m.put("balancedAccuracy", balancedAccuracy());
        m.put("baseline", baseline());
        m.put("majorityClass", classes.get(majorityClass()));
        if (!Double.isNaN(logLoss)) {
            m.put("logLoss", logLoss);
        }
        List<Map<String, Object>> perClass = new ArrayList<>();
        Map<String, Object> matrix = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("class", classes.get(k));
            c.put("precision", precision(k));
            c.put("recall", recall(k));
            c.put("f1", f1(k));
            c.put("support", support(k));
            perClass.add(c);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int p = 0; p < classes.size(); p++) {
                row.put(classes.get(p), confusion[k][p]);
            }
            matrix.put(classes.get(k), row);
        }
        m.put("classes", perClass);
        Map<String, Object> macro = new LinkedHashMap<>();
        macro.put("precision", macro(this::precision));
        macro.put("recall", macro(this::recall));
        macro.put("f1", macro(this::f1));
        m.put("macro", macro);
        m.put("confusion", matrix);
        return m;
    }

    /**
     * The report for spreadsheets, in long form: a {@code metric,class,value} header, then one record per figure
     * (the class empty for the overall ones, {@code confusion:PREDICTED} for a confusion cell of class CLASS).
     */
    public List<List<String>> csv() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric", "class", "value"));
        rows.add(List.of("inputs", "", Integer.toString(total())));
        rows.add(List.of("accuracy", "", Csv.number(accuracy())));
        rows.add(List.of("balancedAccuracy", "", Csv.number(balancedAccuracy())));
        rows.add(List.of("baseline", classes.get(majorityClass()), Csv.number(baseline())));
        if (!Double.isNaN(logLoss)) {
            rows.add(List.of("logLoss", "", Csv.number(logLoss)));
        }
        for (int k = 0; k < classes.size(); k++) {
            rows.add(List.of("precision", classes.get(k), Csv.number(precision(k))));
            rows.add(List.of("recall", classes.get(k), Csv.number(recall(k))));
            rows.add(List.of("f1", classes.get(k), Csv.number(f1(k))));
            rows.add(List.of("support", classes.get(k), Integer.toString(support(k))));
        }
        for (int k = 0; k < classes.size(); k++) {
            for (int p = 0; p < classes.size(); p++) {
                rows.add(List.of("confusion:" + classes.get(p), classes.get(k), Integer.toString(confusion[k][p])));
            }
        }
        return rows;
    }
}
