package dev.mlpkit.apps.train;

import java.util.List;
import java.util.Locale;

/**
 * How a classifier did on labelled inputs: accuracy, precision, recall, F1 and support per class, their macro
 * averages (each class counts the same), and the confusion matrix with rows for the truth and columns for the
 * prediction. A class never predicted has a precision of 0, as scikit-learn's {@code zero_division=0} gives.
 *
 * @param classes   the class names, label 0 first
 * @param confusion {@code confusion[truth][predicted]}: how many inputs of class {@code truth} were called
 *                  {@code predicted}
 */
public record ClassificationReport(List<String> classes, int[][] confusion) {

    /** The report of {@code predicted} labels against the {@code truth}. */
    public static ClassificationReport of(List<String> classes, int[] truth, int[] predicted) {
        int[][] confusion = new int[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
        }
        return new ClassificationReport(List.copyOf(classes), confusion);
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

    /**
     * The report as text: the accuracy line, the per-class table with its macro averages, the confusion matrix; class
     * names with their control characters escaped, so a folder's name cannot forge a line.
     */
    public String text() {
        List<String> classes = this.classes.stream().map(dev.mlpkit.apps.Printable::of).toList();
        int width = Math.max(9, classes.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Accuracy: %.1f%% (%d of %d)%n%n", 100 * accuracy(), correct(), total()));
        t.append(String.format(Locale.ROOT, "%-" + width + "s  precision  recall     f1  support%n", "class"));
        for (int k = 0; k < classes.size(); k++) {
            t.append(String.format(Locale.ROOT, "%-" + width + "s  %9.3f  %6.3f  %5.3f  %7d%n", classes.get(k),
                    precision(k), recall(k), f1(k), support(k)));
        }
        t.append(String.format(Locale.ROOT, "%-" + width + "s  %9.3f  %6.3f  %5.3f  %7d%n%n", "macro avg",
                macro(this::precision), macro(this::recall), macro(this::f1), total()));
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
}
