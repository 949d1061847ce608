package dev.mlpkit.apps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import com.beust.jcommander.Parameters;

/**
 * A command's {@code --help}: the usage line with the whole command path, then its options grouped (the command's
 * own, data, training, global), each with a value placeholder ({@code --epochs N}) and its default, and no
 * {@code Default: false} after switches. Built from JCommander's own parameter descriptions.
 */
public final class Help {

    private static final int NAME_COLUMN = 30;
    private static final int WIDTH = 118;

    private Help() {
    }

    /** The help of the command {@code jc} parses, called {@code path} ({@code mlp galaxy train}). */
    static String of(JCommander jc, String path) {
        StringBuilder text = new StringBuilder("Usage: ").append(path).append(" [options]");
        ParameterDescription main = jc.getMainParameterValue();
        if (main != null) {
            text.append(' ').append(main.getDescription());
        }
        text.append('\n');
        Parameters about = jc.getObjects().isEmpty() ? null
                : jc.getObjects().get(0).getClass().getAnnotation(Parameters.class);
        if (about != null && !about.commandDescription().isEmpty()) {
            wrapped(text, about.commandDescription(), 0);
        }
        Map<String, List<ParameterDescription>> groups = new LinkedHashMap<>();
        for (String group : new String[] { "Options", "Data", "Training", "Output", "Global options" }) {
            groups.put(group, new ArrayList<>());
        }
        for (ParameterDescription p : jc.getParameters()) {
            if (!p.getParameter().hidden()) {
                groups.get(group(p)).add(p);
            }
        }
        for (Map.Entry<String, List<ParameterDescription>> group : groups.entrySet()) {
            if (group.getValue().isEmpty()) {
                continue;
            }
            text.append('\n').append(group.getKey()).append(":\n");
            group.getValue().sort(Comparator.comparing(p -> p.getLongestName().replaceFirst("^-+", "")));
            for (ParameterDescription p : group.getValue()) {
                line(text, p);
            }
        }
        return text.toString();
    }

    /** Which group an option is listed in, by the object that holds it. */
    private static String group(ParameterDescription p) {
        String holder = p.getObject().getClass().getSimpleName();
        return switch (holder) {
            case "GlobalOptions" -> "Global options";
            case "DataFlags", "ImageFlags" -> "Data";
            case "TrainingFlags" -> "Training";
            case "ReportFlags" -> "Output";
            default -> "Options";
        };
    }

    private static void line(StringBuilder text, ParameterDescription p) {
        String names = p.getNames() + placeholder(p);
        String description = p.getDescription() + defaultOf(p);
        text.append("  ").append(names);
        int column = 2 + names.length();
        if (column + 2 > NAME_COLUMN) {
            text.append('\n');
            column = 0;
        }
        text.append(" ".repeat(NAME_COLUMN - column));
        wrapped(text, description, NAME_COLUMN);
    }

    /** {@code words} and a line break, wrapped at the help's width, each line indented to {@code indent}. */
    private static void wrapped(StringBuilder text, String words, int indent) {
        int width = indent;
        for (String word : words.split(" ")) {
            if (width + word.length() + 1 > WIDTH && width > indent) {
                text.append('\n').append(" ".repeat(indent));
                width = indent;
            }
            if (width > indent) {
                text.append(' ');
                width++;
            }
            text.append(word);
            width += word.length();
        }
        text.append('\n');
    }

    /**
     * The value an option takes, by its type: {@code N}, {@code X}, {@code PATH}, a format's choices, {@code VALUE};
     * none for a switch.
     */
    private static String placeholder(ParameterDescription p) {
        Class<?> type = p.getParameterized().getType();
        if (type == boolean.class || type == Boolean.class || p.isHelp()) {
            return "";
        }
        if (java.util.Arrays.asList(p.getParameter().validateWith()).contains(Validators.Format.class)) {
            return " text|json|csv";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return " N";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return " X";
        }
        if (Path.class.isAssignableFrom(type) || (Collection.class.isAssignableFrom(type)
                && p.getParameterized().getGenericType().getTypeName().contains("Path"))) {
            return " PATH";
        }
        return " VALUE";
    }

    /** Options whose defaults are not their fields' values (they depend on the app), and say them themselves. */
    public interface StatedDefaults {
        /** The default of {@code option} ({@code --epochs}) in words, or null for none to show. */
        String defaultOf(String option);
    }

    /** " (default: X)" unless the description names its default, or there is none to show. */
    private static String defaultOf(ParameterDescription p) {
        if (p.getObject() instanceof StatedDefaults stated) {
            String text = stated.defaultOf(p.getLongestName());
            return text == null ? "" : " (default: " + text + ")";
        }
        Object value = p.getDefault();
        if (p.getDescription().contains("(default") || value == null || value instanceof Boolean
                || (value instanceof Collection<?> c && c.isEmpty())) {
            return "";
        }
        return " (default: " + value + ")";
    }
}
