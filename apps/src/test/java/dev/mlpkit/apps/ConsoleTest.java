package dev.mlpkit.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void quietNoProgressAndADumbTerminalDrawNoBars() {
        assertFalse(Console.of(true, false, Map.of()).progress());
        assertFalse(Console.of(false, true, Map.of()).progress());
        assertFalse(Console.of(false, false, Map.of("TERM", "dumb")).progress());
    }

    @Test
    void barsFollowWhetherStandardErrorIsATerminal() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "util-linux's script is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String probe = java + " -cp '" + System.getProperty("java.class.path") + "' '" + Probe.class.getName() + "'";
        assertEquals("true", underATerminal(probe));
        assertEquals("false", underATerminal(probe + " 2>/dev/null"));
        assertEquals("true", underATerminal(probe + " >/dev/null; " + probe + " | cat"), "standard output may go anywhere");
    }

    /** Runs {@code command} in a pseudo-terminal (util-linux's script) and returns the last word it printed. */
    private static String underATerminal(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(30, TimeUnit.SECONDS);
        String[] words = out.split("\\s+");
        return words[words.length - 1];
    }

    /** Prints whether this JVM's standard error is a terminal. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(Console.standardErrorIsTerminal());
        }
    }
}
