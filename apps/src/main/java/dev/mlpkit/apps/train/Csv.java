package dev.mlpkit.apps.train;

import java.util.List;
import java.util.Locale;

/** CSV records as RFC 4180 writes them, for the outputs scripts read. */
public final class Csv {

    private Csv() {
    }

    /** One record: fields with a comma, a quote or a line break quoted (quotes doubled), CRLF at the end. */
    public static String record(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            if (line.length() > 0) {
                line.append(',');
            }
            boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0;
            line.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        return line.append("\r\n").toString();
    }

    /** A number as the shortest decimal that reads back to the same double. */
    public static String number(double x) {
        return String.format(Locale.ROOT, "%s", x);
    }
}
