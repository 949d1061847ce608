package dev.mlpkit.datasets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV table of numeric columns and a label column, as scikit-learn's examples have them: a header row naming the
 * columns, then one row per example. Quoted fields, a byte-order mark and CRLF line endings are read; a ragged row, a
 * value that is not a number or a missing column is reported by file, line and column name.
 *
 * @param file    where it was read from
 * @param columns the feature columns, in the order of {@code values}
 * @param values  {@code values[i]} holds row {@code i}'s features
 * @param labels  row {@code i}'s label text, or null when the table has no label column
 */
public record Table(Path file, List<String> columns, double[][] values, List<String> labels) {

    /**
     * Reads {@code file}: {@code label} names the label column (null for a table without one), {@code columns} the
     * feature columns in the order wanted (null for every other column, in the file's order).
     */
    public static Table read(Path file, String label, List<String> columns) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file + (Files.exists(file) ? " is not a file" : " does not exist"));
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = utf8(file); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new DatasetException(name + " is empty: a table needs a header row naming its columns");
            }
            Map<String, Integer> index = parser.getHeaderMap();
            if (label != null && !index.containsKey(label)) {
                throw new DatasetException(name + " has no column '" + label + "' for the labels; its columns are "
                        + String.join(", ", header));
            }
            List<String> features = columns != null ? columns
                    : header.stream().filter(c -> !c.equals(label)).toList();
            for (String c : features) {
                if (!index.containsKey(c)) {
                    throw new DatasetException(name + " has no column '" + c + "', which the model reads; its columns"
                            + " are " + String.join(", ", header));
                }
            }
            if (features.isEmpty()) {
                throw new DatasetException(name + " has no feature columns besides the label column '" + label + "'");
            }
            List<double[]> rows = new ArrayList<>();
            List<String> labels = label == null ? null : new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw new DatasetException("line " + line + " of " + name + " has " + record.size() + " values,"
                            + " but the header names " + header.size() + " columns");
                }
                double[] row = new double[features.size()];
                for (int k = 0; k < row.length; k++) {
                    row[k] = number(record.get(index.get(features.get(k))), features.get(k), line, name);
                }
                rows.add(row);
                if (labels != null) {
                    String value = record.get(index.get(label));
                    if (value.isEmpty()) {
                        throw new DatasetException("line " + line + " of " + name + " has no label in column '"
                                + label + "'");
                    }
                    labels.add(value);
                }
            }
            if (rows.isEmpty()) {
                throw new DatasetException(name + " has a header but no rows");
            }
            return new Table(file, features, rows.toArray(new double[0][]), labels);
        } catch (java.io.UncheckedIOException e) {
            throw new DatasetException(name + (e.getCause() instanceof CharacterCodingException
                    ? " is not a text file in UTF-8" : " cannot be read: " + e.getCause().getMessage()), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DatasetException(name + " is not a readable CSV table: " + e.getMessage(), e);
        }
    }

    /** How many rows there are. */
    public int size() {
        return values.length;
    }

    /**
     * The distinct labels in order: by value when they are all numbers ({@code 2} before {@code 10}), else by name.
     */
    public List<String> classNames() {
        boolean numeric = labels.stream().allMatch(Table::isNumber);
        Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order.thenComparing(Comparator.naturalOrder()));
        distinct.addAll(labels);
        return List.copyOf(distinct);
    }

    /** The rows as labelled examples, label {@code k} for the {@code k}-th of {@code classNames}. */
    public Examples examples(List<String> classNames) throws DatasetException {
        int[] labelled = new int[size()];
        List<String> names = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            labelled[i] = classNames.indexOf(labels.get(i));
            if (labelled[i] < 0) {
                throw new DatasetException("row " + (i + 1) + " of " + file.getFileName() + " has the label '"
                        + labels.get(i) + "', which is not one of the model's classes (" + String.join(", ", classNames)
                        + ")");
            }
            names.add(file.getFileName() + " row " + (i + 1));
        }
        return new Examples(names, values, labelled);
    }

    private static double number(String text, String column, long line, String name) throws DatasetException {
        if (text.isEmpty()) {
            throw new DatasetException("line " + line + " of " + name + " has no value in column '" + column + "'");
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // The sentence below says what was there.
        }
        throw new DatasetException("line " + line + " of " + name + " has '" + shortened(text) + "' in column '"
                + column + "', which is not a finite number");
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** A reader that refuses bytes that are not UTF-8 and drops a leading byte-order mark. */
    private static Reader utf8(Path file) throws IOException {
        Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        java.io.PushbackReader pushback = new java.io.PushbackReader(new java.io.BufferedReader(reader), 1);
        try {
            int first = pushback.read();
            if (first != -1 && first != '\uFEFF') {
                pushback.unread(first);
            }
        } catch (CharacterCodingException e) {
            pushback.close();
            throw new DatasetException(file.getFileName() + " is not a text file in UTF-8", e);
        }
        return pushback;
    }
}
