package dev.mlpkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated set is written whole or not at all (a full disk midway leaves nothing behind). */
class WriteWholeTest {

    @TempDir
    Path temp;

    @Test
    void aWriteThatFailsMidwayLeavesNothing() throws IOException {
        Path target = temp.resolve("set");
        IOException full = assertThrows(IOException.class, () -> GeneratedData.writeWhole(target, folder -> {
            Files.writeString(folder.resolve("1.png"), "half a set");
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", full.getMessage());
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(0, left.count(), "neither the target nor the hidden temporary folder is left");
        }
    }

    @Test
    void aWholeWriteReplacesAnEmptyFolderOnly() throws IOException {
        Path target = Files.createDirectories(temp.resolve("set"));
        GeneratedData.writeWhole(target, folder -> Files.writeString(folder.resolve("a.txt"), "a"));
        assertTrue(Files.exists(target.resolve("a.txt")));
        GeneratedData.writeWhole(target, folder -> Files.writeString(folder.resolve("b.txt"), "b"));
        assertTrue(Files.exists(target.resolve("a.txt")), "a set made meanwhile is kept");
        assertFalse(Files.exists(target.resolve("b.txt")));
    }
}
