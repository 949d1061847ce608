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

    /**
     * A JVM that exits in the middle of a write (as Ctrl-C or SIGTERM makes it) leaves the old file and no temporary
     * file: a child JVM writes half a file, then exits.
     */
    @Test
    void anExitDuringAWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(folder.resolve("galaxy.mlp"), "old");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ExitDuringWrite.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the child JVM ends");
        assertEquals(130, child.exitValue(), new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("old", Files.readString(target));
        assertEquals(0, leftovers(folder));
    }

    /** Writes half of a file to the path it is given, then exits the JVM as a signal would. */
    public static final class ExitDuringWrite {
        public static void main(String[] args) throws IOException {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write(new byte[1 << 20]);
                out.flush();
                System.exit(130);
            });
        }
    }

    private static long leftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }
}
