package dev.mlpkit.apps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;

/**
 * JCommander's error messages in plain words: one sentence that names the command and the option or word at fault,
 * with the nearest known option or command when one is close (an edit distance of at most 2, or a third of the
 * word), as in {@code unknown option --epoch for mlp galaxy train; did you mean --epochs?}.
 */
final class CommandLineErrors {

    private static final Pattern NO_MAIN = Pattern.compile("Was passed main parameter '(.*)' but no main parameter.*",
            Pattern.DOTALL);
    private static final Pattern UNKNOWN = Pattern.compile("Unknown option: (.*)");
    private static final Pattern COMMAND = Pattern.compile("Expected a command, got (.*)");
    private static final Pattern CONVERT = Pattern.compile("\"(.+)\": couldn't convert \"(.*)\" to an? (\\w+).*",
            Pattern.DOTALL);
    private static final Pattern NEEDS_MAIN = Pattern.compile("Main parameters are required \\(\"(.*)\"\\)");
    private static final Pattern NEEDS_OPTION = Pattern.compile("The following options? (?:is|are) required: \\[(.*)\\]");
    private static final Pattern NEEDS_VALUE = Pattern.compile("Expected a value after parameter (.*)");

    private CommandLineErrors() {
    }

    /**
     * The sentence for {@code message}, an error JCommander raised while parsing {@code path} (for example
     * {@code mlp galaxy train}) whose parser is {@code command}.
     */
    static String explain(String message, String path, JCommander command) {
        Matcher m;
        if ((m = NO_MAIN.matcher(message)).matches() || (m = UNKNOWN.matcher(message)).matches()) {
            String word = m.group(1);
            return word.startsWith("-") ? unknownOption(word, path, command)
                    : path + " takes no other words than its options; '" + word + "' is not one";
        }
        if ((m = COMMAND.matcher(message)).matches()) {
            String word = m.group(1);
            if (word.startsWith("-")) {
                return unknownOption(word, path, command);
            }
            Collection<String> commands = command.getCommands().keySet();
            return "unknown command '" + word + "' for " + path + suggestion(word, commands) + " (commands: "
                    + String.join(", ", commands) + ")";
        }
        if ((m = CONVERT.matcher(message)).matches()) {
            return m.group(1) + " takes " + kind(m.group(3)) + ", not '" + m.group(2) + "'";
        }
        if ((m = NEEDS_MAIN.matcher(message)).matches()) {
            return path + " needs " + m.group(1);
        }
        if ((m = NEEDS_OPTION.matcher(message)).matches()) {
            return path + " needs " + m.group(1);
        }
        if ((m = NEEDS_VALUE.matcher(message)).matches()) {
            return m.group(1) + " needs a value";
        }
        return message;
    }

    private static String unknownOption(String word, String path, JCommander command) {
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        List<String> names = new ArrayList<>();
        for (ParameterDescription p : command.getParameters()) {
            names.addAll(List.of(p.getParameter().names()));
        }
        return "unknown option " + name + " for " + path + suggestion(name, names);
    }

    private static String kind(String type) {
        switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "long", "int", "integer", "short":
                return "a whole number";
            case "double", "float":
                return "a number";
            default:
                return "a " + type;
        }
    }

    /** "; did you mean X?" for the nearest of {@code known}, when it is close enough; otherwise nothing. */
    static String suggestion(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(word, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return best != null && bestDistance <= allowed ? "; did you mean " + best + "?" : "";
    }

    /** Levenshtein's edit distance: insertions, deletions and substitutions of one character. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(previous[j], row[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.length()];
    }
}
