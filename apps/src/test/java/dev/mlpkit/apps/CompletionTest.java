package dev.mlpkit.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bash completion script, loaded in a real bash and asked what it offers after a few partial command lines. */
class CompletionTest {

    @TempDir
    Path folder;

    @Test
    void bashCompletesCommandsOptionsAndFiles() throws Exception {
        MainTest.Run script = MainTest.mlp("completion", "bash");
        assertEquals(0, script.code(), script.err());
        Path file = folder.resolve("mlp-completion.sh");
        Files.writeString(file, script.out());
        Files.createFile(folder.resolve("galaxy.mlp"));
        assertEquals("train", offered(file, "mlp galaxy tr"));
        assertEquals("--epochs", offered(file, "mlp galaxy train --epo"));
        assertEquals("inspect", offered(file, "mlp model ins"));
        assertEquals("galaxy.mlp", offered(file, "mlp model inspect gal"), "a command's argument: files");
        assertEquals("galaxy.mlp", offered(file, "mlp galaxy classify --model gal"), "an option's value: files");
        String first = offered(file, "mlp ");
        assertTrue(first.contains("galaxy") && first.contains("serve") && first.contains("completion"), first);
        assertEquals(2, MainTest.mlp("completion", "fish").code());
    }

    /** What the script offers for {@code line} (the last word is the one being completed), run in {@link #folder}. */
    private String offered(Path script, String line) throws IOException, InterruptedException {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program = "source " + script + "; COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
                + " _mlp; echo \"${COMPREPLY[*]}\"";
        Process bash = new ProcessBuilder("bash", "-c", program).directory(folder.toFile()).redirectErrorStream(true)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
