package dev.mlpkit.apps.serve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The first file of a {@code multipart/form-data} body (RFC 7578), which is all a one-image upload form sends. Small
 * on purpose: the whole body is already in memory, bounded by the upload limit.
 */
final class Multipart {

    /** One uploaded file: its name as the browser gave it, and its bytes. */
    record Part(String fileName, byte[] content) {
    }

    private Multipart() {
    }

    /** The longest boundary RFC 2046 allows: a longer one is refused, which also bounds the search for it. */
    static final int MAX_BOUNDARY = 70;

    /**
     * The boundary of a {@code multipart/form-data; boundary=...} content type, as sent (a boundary is case
     * sensitive: browsers send mixed case), or null when there is none or it is longer than {@value #MAX_BOUNDARY}.
     */
    static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = p.substring(9);
                b = b.startsWith("\"") && b.endsWith("\"") && b.length() > 1 ? b.substring(1, b.length() - 1) : b;
                return b.isEmpty() || b.length() > MAX_BOUNDARY ? null : b;
            }
        }
        return null;
    }

    /** The first part that carries a file (or the first part at all), or null when the body has none. */
    static Part firstFile(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, delimiter, 0);
        Part first = null;
        while (start >= 0) {
            int headersStart = start + delimiter.length;
            if (headersStart + 2 <= body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                break;                                          // the closing delimiter
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                break;
            }
            int next = indexOf(body, delimiter, headersEnd + 4);
            if (next < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, next - 2)); // minus CRLF
            String fileName = fileName(headers);
            if (fileName != null) {
                return new Part(fileName, content);
            }
            if (first == null) {
                first = new Part("upload", content);
            }
            start = next;
        }
        return first;
    }

    private static String fileName(String headers) {
        int i = headers.indexOf("filename=\"");
        if (i < 0) {
            return null;
        }
        int end = headers.indexOf('"', i + 10);
        String name = end < 0 ? "" : headers.substring(i + 10, end);
        // The name without the folders some browsers send: after the last slash or backslash (no regular expression,
        // whose backtracking on a long name would be quadratic).
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.isBlank() ? "upload" : name;
    }

    /** Where {@code pattern} (at most a boundary long) first occurs from {@code from} on: linear in the data's length. */
    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
