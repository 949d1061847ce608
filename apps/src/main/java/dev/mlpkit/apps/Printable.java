package dev.mlpkit.apps;

/**
 * Text that came from outside (file names, in results and messages) made safe to print: control characters, which
 * could forge a line of results (a newline in a file name) or reach the terminal (escape sequences), are written as
 * escapes ({@code \n}, {@code \t}, {@code \e}, {@code \xNN} or a Unicode escape), and so is a backslash.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code value}'s text with its control characters escaped. */
    public static String of(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\u001b':
                return "\\e";
            case '\\':
                return "\\\\";
            default:
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                    return String.format("\\x%02x", (int) c);
                }
                if (c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                    return String.format("\\u%04x", (int) c);   // line breaks and bidirectional overrides
                }
                return null;
        }
    }
}
