package dev.mlpkit.apps.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.beust.jcommander.Parameter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlpkit.apps.Printable;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.datasets.Examples;

/**
 * How an evaluation is written: {@code --format text} for people, {@code json} (one document: the figures, and the
 * misclassified inputs under {@code errors} with {@code --errors}) or {@code csv} (the figures in long form) for
 * scripts; {@code --errors} lists the inputs the model called wrong.
 */
public final class ReportFlags {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameter(names = "--format", description = "text for people; json (one document) or csv (metric,class,value"
            + " records) for scripts", validateWith = Validators.Format.class)
    public String format = "text";

    @Parameter(names = "--errors", description = "List the misclassified inputs: each file, its class, what it was"
            + " called and how sure the model was")
    public boolean errors;

    /** Refuses, before any work, what these flags cannot write together. */
    public void check() {
        if (errors && format.equals("csv")) {
            throw new UsageException("--errors lists files, which the csv report's metric,class,value records do not"
                    + " hold: give --format json for both, or leave out --errors");
        }
    }

    /**
     * Writes {@code report} to {@code out}: as {@code text} (the misclassified inputs after it with {@code --errors}),
     * or as the report's figures with {@code extra} ones first for scripts.
     */
    public void write(PrintStream out, ClassificationReport report, String text, Map<String, Object> extra,
            Examples examples, double[][] probabilities, int[] predicted) {
        List<Map<String, Object>> wrong = errors ? misclassified(report.classes(), examples, probabilities, predicted)
                : null;
        switch (format) {
            case "json" -> {
                Map<String, Object> document = new LinkedHashMap<>(extra);
                document.putAll(report.toMap());
                if (wrong != null) {
                    document.put("errors", wrong);
                }
                try {
                    out.println(JSON.writeValueAsString(document));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a map of strings and numbers is always JSON", e);
                }
            }
            case "csv" -> {
                List<List<String>> rows = new ArrayList<>(report.csv());
                int at = 1;
                for (Map.Entry<String, Object> e : extra.entrySet()) {
                    Object v = e.getValue();
                    rows.add(at++, List.of(e.getKey(), "", v instanceof Double d ? Csv.number(d) : String.valueOf(v)));
                }
                rows.forEach(r -> out.print(Csv.record(r)));
            }
            default -> {
                out.print(text);
                if (wrong != null) {
                    out.print(errorsText(wrong));
                }
            }
        }
        out.flush();
    }

    private static List<Map<String, Object>> misclassified(List<String> classes, Examples examples,
            double[][] probabilities, int[] predicted) {
        List<Map<String, Object>> wrong = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            int truth = examples.labels()[i];
            if (predicted[i] != truth) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("input", examples.names().get(i));
                e.put("truth", classes.get(truth));
                e.put("predicted", classes.get(predicted[i]));
                e.put("probability", probabilities[i][predicted[i]]);
                wrong.add(e);
            }
        }
        return wrong;
    }

    private static String errorsText(List<Map<String, Object>> wrong) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%nMisclassified: %d%n", wrong.size()));
        for (Map<String, Object> e : wrong) {
            t.append(String.format(Locale.ROOT, "  %s: %s, called %s (p=%.2f)%n", Printable.of((String) e.get("input")),
                    Printable.of((String) e.get("truth")), Printable.of((String) e.get("predicted")),
                    (Double) e.get("probability")));
        }
        return t.toString();
    }
}
