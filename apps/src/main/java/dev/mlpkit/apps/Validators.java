package dev.mlpkit.apps;

import com.beust.jcommander.IParameterValidator;
import com.beust.jcommander.ParameterException;

/** Checks of numeric flags, each failing with one sentence that names the flag and the value. */
public final class Validators {

    private Validators() {
    }

    /** A whole number of at least 1. */
    public static final class PositiveInteger implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                if (Integer.parseInt(value.trim()) >= 1) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a whole number of at least 1, not " + value);
        }
    }

    /** One of the output formats a script reads: text, json or csv. */
    public static final class Format implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            if (!java.util.List.of("text", "json", "csv").contains(value)) {
                throw new ParameterException(name + " is text, json or csv, not " + value);
            }
        }
    }

    /** A whole number of at least 0. */
    public static final class NonNegativeInteger implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                if (Integer.parseInt(value.trim()) >= 0) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a whole number of at least 0, not " + value);
        }
    }

    /** A file or folder name given to a flag: not an option's name ({@code --model -q} would save to a file "-q"). */
    public static final class FileName implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            if (value.startsWith("-") && !value.equals("-")) {
                throw new ParameterException(name + " needs a file or folder name, not the option " + value);
            }
            if (value.isBlank()) {
                throw new ParameterException(name + " needs a file or folder name, not an empty one");
            }
        }
    }

    /** A TCP port: 0 (any free one) to 65535. */
    public static final class Port implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a port from 0 (any free one) to 65535, not " + value);
        }
    }

    /** A finite number above 0. */
    public static final class PositiveNumber implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                double v = Double.parseDouble(value.trim());
                if (v > 0 && Double.isFinite(v)) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a number above 0, not " + value);
        }
    }

    /** A number of at least 0 and below 1. */
    public static final class Fraction implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                double v = Double.parseDouble(value.trim());
                if (v >= 0 && v < 1) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a number of at least 0 and below 1, not " + value);
        }
    }

    /** A finite number of at least 0. */
    public static final class NonNegativeNumber implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            try {
                double v = Double.parseDouble(value.trim());
                if (v >= 0 && Double.isFinite(v)) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ParameterException(name + " must be a number of at least 0, not " + value);
        }
    }

    /**
     * Checks, before any work, that each of {@code files} can be written: its folder exists and is writable, and it is
     * not itself a folder (a writable device or pipe, such as {@code /dev/null}, is written through). Folders are not
     * made: a mistyped one should stop the run, not appear.
     */
    /**
     * Refuses, for {@code option}, standard output ({@code -}) and a name that does not end in {@code extension}
     * (a device such as /dev/null aside): what it writes is {@code what}, a format its name should say.
     */
    public static void named(String option, java.nio.file.Path file, String extension, String what) {
        if (file == null || java.nio.file.Files.isDirectory(file)) {
            return;    // a folder is refused by writableFiles, in its own words
        }
        if (file.toString().equals("-")) {
            throw new UsageException(option + " writes " + what + " to a file, not to standard output (-): name a file"
                    + " ending in " + extension);
        }
        boolean device = java.nio.file.Files.exists(file) && !java.nio.file.Files.isRegularFile(file)
                && !java.nio.file.Files.isDirectory(file);
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!device && !name.toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
            throw new UsageException(option + " writes " + what + ": name it something" + extension + ", not "
                    + Printable.of(name));
        }
    }

    public static void writableFiles(java.nio.file.Path... files) {
        for (java.nio.file.Path file : files) {
            if (file.toString().equals("-")) {
                throw new UsageException("cannot write " + file + ": standard output (-) does not take this file;"
                        + " name a file");
            }
            java.nio.file.Path absolute = file.toAbsolutePath();
            java.nio.file.Path folder = absolute.getParent();
            if (folder == null || java.nio.file.Files.isDirectory(absolute)) {
                throw new UsageException("cannot write " + file + ": it is a folder; name a file");
            }
            if (java.nio.file.Files.exists(absolute) && !java.nio.file.Files.isRegularFile(absolute)) {
                if (!java.nio.file.Files.isWritable(absolute)) {
                    throw new UsageException("cannot write " + file + ": it is not writable");
                }
                continue;    // a device or a pipe (--metrics /dev/null), written through
            }
            if (!java.nio.file.Files.isDirectory(folder)) {
                throw new UsageException("cannot write " + file + ": the folder " + folder + " does not exist");
            }
            if (!java.nio.file.Files.isWritable(folder)) {
                throw new UsageException("cannot write " + file + ": the folder " + folder + " is not writable");
            }
        }
    }

    /**
     * A file or folder name, not an option this command does not have (JCommander would take it for a name); the
     * error is JCommander's own wording, which {@link CommandLineErrors} turns into a sentence with a suggestion.
     */
    public static final class NotAnOption implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            if (value.startsWith("-") && !value.equals("-")) {
                throw new ParameterException("Unknown option: " + value);
            }
        }
    }
}
