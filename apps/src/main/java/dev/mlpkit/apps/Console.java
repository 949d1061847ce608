package dev.mlpkit.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the person at the terminal gets besides results: progress bars, drawn on standard error only when it is a
 * terminal, and not with {@code -q}, {@code --no-progress} or {@code TERM=dumb}. {@code mlp} decides once and binds
 * it for every command.
 *
 * @param progress whether to draw progress bars on standard error
 */
public record Console(boolean progress) {

    /** The decision for these flags and environment. */
    public static Console of(boolean quiet, boolean noProgress, Map<String, String> environment) {
        return new Console(!quiet && !noProgress && !"dumb".equals(environment.get("TERM")) && standardErrorIsTerminal());
    }

    /**
     * Whether standard error is a terminal: on Linux, whether file descriptor 2 is a tty device; elsewhere, whether
     * the JVM has a console (standard input and output are terminals).
     */
    static boolean standardErrorIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
