package dev.mlpkit.apps.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@code classify} says of each input, for scripts: {@code json} writes one JSON object per line (JSON Lines:
 * input, label, probability of the label, every class's probability, a note when there is one), {@code csv} a header
 * and one row per input (input, label, probability, one {@code p(CLASS)} column per class, note). Names are written as
 * they are, quoted by the format, so a script reads back exactly the file it gave.
 */
public final class Verdicts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String format;
    private final List<String> classes;
    private final PrintStream out;
    private boolean headerWritten;

    /** Verdicts in {@code format} ({@code json} or {@code csv}) over {@code classes}, written to {@code out}. */
    public Verdicts(String format, List<String> classes, PrintStream out) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw new IllegalArgumentException("verdicts are written as json or csv, not " + format);
        }
        this.format = format;
        this.classes = classes;
        this.out = out;
    }

    /** One input's verdict: class {@code best} of its {@code probabilities}, and {@code note} (or null). */
    public void add(String input, double[] probabilities, int best, String note) {
        try {
            if (format.equals("json")) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("input", input);
                line.put("label", classes.get(best));
                line.put("probability", probabilities[best]);
                Map<String, Object> each = new LinkedHashMap<>();
                for (int k = 0; k < probabilities.length; k++) {
                    each.put(classes.get(k), probabilities[k]);
                }
                line.put("classes", each);
                if (note != null) {
                    line.put("note", note);
                }
                out.println(JSON.writeValueAsString(line));
                return;
            }
            if (!headerWritten) {
                List<String> header = new ArrayList<>(List.of("input", "label", "probability"));
                classes.forEach(c -> header.add("p(" + c + ")"));
                header.add("note");
                row(header);
                headerWritten = true;
            }
            List<String> row = new ArrayList<>(List.of(input, classes.get(best), Csv.number(probabilities[best])));
            for (double p : probabilities) {
                row.add(Csv.number(p));
            }
            row.add(note == null ? "" : note);
            row(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }

    private void row(List<String> fields) {
        out.print(Csv.record(fields));
        out.flush();
    }
}
