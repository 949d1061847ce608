package dev.mlpkit.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs never replace what they must not: devices are written through, links followed, folders refused. */
class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void aDeviceIsWrittenThroughNotRenamedOver() throws IOException {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull), "no /dev/null here");
        AtomicFiles.write(devNull, "metrics".getBytes(StandardCharsets.UTF_8));
        assertTrue(!Files.isRegularFile(devNull), "/dev/null is still a device");
        assertEquals(0, leftovers(Path.of("/dev")), "no temporary file in /dev");
    }

    @Test
    void aSymbolicLinkKeepsPointingAtTheFileItReplaces() throws IOException {
        Path real = Files.writeString(folder.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(folder.resolve("link.csv"), real.getFileName());
        AtomicFiles.write(link, "new".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isSymbolicLink(link), "still a link");
        assertEquals("new", Files.readString(real));
        Path dangling = Files.createSymbolicLink(folder.resolve("dangling.csv"), Path.of("made.csv"));
        AtomicFiles.write(dangling, new byte[] { 1, 2 });
        assertArrayEquals(new byte[] { 1, 2 }, Files.readAllBytes(folder.resolve("made.csv")));
        assertEquals(0, leftovers(folder));
    }

    @Test
    void foldersAndMissingFoldersAreRefusedInOneSentence() throws IOException {
        Path sub = Files.createDirectory(folder.resolve("sub"));
        assertEquals("cannot write " + sub + ": it is a folder",
                assertThrows(IOException.class, () -> AtomicFiles.write(sub, new byte[1])).getMessage());
        assertEquals("cannot write /: it is a folder",
                assertThrows(IOException.class, () -> AtomicFiles.write(Path.of("/"), new byte[1])).getMessage());
        Path missing = folder.resolve("nowhere/model.mlp");
        assertEquals("cannot write " + missing + ": the folder " + missing.getParent() + " does not exist",
                assertThrows(IOException.class, () -> AtomicFiles.write(missing, new byte[1])).getMessage());
        assertEquals(0, leftovers(folder));
    }

    private static long leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }
}
