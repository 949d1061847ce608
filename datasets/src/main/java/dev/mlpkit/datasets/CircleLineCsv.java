package dev.mlpkit.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The circle/line tutorial's CSV files.
 * <ul>
 * <li>The features file ({@code csv/input-file.txt}): header {@code file_name,feature1,feature2,feature3}, one row
 * per image, numbers written as the tutorial writes them ({@code 0} for zero, the shortest decimal otherwise).</li>
 * <li>A correct-outputs file ({@code csv/correct-outputs-circle.txt}): header {@code file_name,correct_answer}, rows
 * {@code N.png,0|1}.</li>
 * </ul>
 * Reading accepts a byte-order mark and CRLF line endings, and reports a malformed row by file, line and column.
 */
public final class CircleLineCsv {

    /** The features file's header. */
    public static final String FEATURES_HEADER = "file_name,feature1,feature2,feature3";
    /** A correct-outputs file's header. */
    public static final String OUTPUTS_HEADER = "file_name,correct_answer";

    private CircleLineCsv() {
    }

    /** Rows of a features file: names and their feature vectors. */
    public record Features(List<String> names, double[][] values) {
    }

    /** The features file's text, as the tutorial writes it (one row per image, a newline after each). */
    public static String featuresText(List<String> names, double[][] features) {
        StringBuilder csv = new StringBuilder(FEATURES_HEADER).append('\n');
        for (int i = 0; i < names.size(); i++) {
            csv.append(names.get(i));
            for (double v : features[i]) {
                csv.append(',').append(number(v));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** {@code 0} for zero, otherwise the shortest decimal that reads back to the same double ({@code 0.19}). */
    static String number(double v) {
        return v == 0 ? "0" : Double.toString(v);
    }

    /** Reads a features file. */
    public static Features readFeatures(Path file) throws IOException {
        return featuresFrom(text(file), file.getFileName().toString());
    }

    /** Reads the text of a features file called {@code name}. */
    static Features featuresFrom(String text, String name) throws DatasetException {
        List<String[]> rows = rows(text, name, FEATURES_HEADER);
        List<String> names = new ArrayList<>();
        double[][] values = new double[rows.size()][];
        String[] header = FEATURES_HEADER.split(",");
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            names.add(cells[0]);
            values[r] = new double[cells.length - 1];
            for (int c = 1; c < cells.length; c++) {
                try {
                    values[r][c - 1] = Double.parseDouble(cells[c].trim());
                } catch (NumberFormatException e) {
                    throw new DatasetException(name + " line " + (r + 2) + ", column " + (c + 1) + " ("
                            + header[c] + "): '" + cells[c] + "' is not a number");
                }
            }
        }
        return new Features(names, values);
    }

    /** Reads a correct-outputs file: each file name's answer, 0 or 1, in file order. */
    public static Map<String, Integer> readCorrectOutputs(Path file) throws IOException {
        return correctOutputsFrom(text(file), file.getFileName().toString());
    }

    /** Reads the text of a correct-outputs file called {@code name}. */
    static Map<String, Integer> correctOutputsFrom(String text, String name) throws DatasetException {
        Map<String, Integer> answers = new LinkedHashMap<>();
        List<String[]> rows = rows(text, name, OUTPUTS_HEADER);
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            String answer = cells[1].trim();
            if (!answer.equals("0") && !answer.equals("1")) {
                throw new DatasetException(name + " line " + (r + 2) + ", column 2 (correct_answer): '"
                        + cells[1] + "' is not 0 or 1");
            }
            if (answers.put(cells[0], Integer.parseInt(answer)) != null) {
                throw new DatasetException(name + " line " + (r + 2) + ": " + cells[0] + " is listed twice");
            }
        }
        return answers;
    }

    /**
     * The examples of {@code features} that {@code answers} knows (an inner join on the file name, in the features
     * file's order), labelled with the answers.
     */
    public static Examples join(Features features, Map<String, Integer> answers) {
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < features.names().size(); i++) {
            Integer answer = answers.get(features.names().get(i));
            if (answer != null) {
                names.add(features.names().get(i));
                values.add(features.values()[i]);
                labels.add(answer);
            }
        }
        return new Examples(names, values.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String text(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + " does not exist", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DatasetException(file.getFileName() + " is not UTF-8 text", e);
        }
    }

    /** The data rows after the header, each with as many cells as the header; names the line of a malformed row. */
    private static List<String[]> rows(String text, String name, String expectedHeader) throws DatasetException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty()) {
            throw new DatasetException(name + " is empty: it needs the header " + expectedHeader);
        }
        if (!lines.get(0).trim().equals(expectedHeader)) {
            throw new DatasetException(name + " line 1: the header is '" + lines.get(0) + "', not '" + expectedHeader + "'");
        }
        int columns = expectedHeader.split(",").length;
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != columns) {
                throw new DatasetException(name + " line " + (i + 1) + " has " + cells.length
                        + (cells.length == 1 ? " value" : " values") + " where the header has " + columns);
            }
            rows.add(cells);
        }
        return rows;
    }
}
