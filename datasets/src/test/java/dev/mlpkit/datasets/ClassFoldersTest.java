package dev.mlpkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFoldersTest {

    @TempDir
    Path temp;

    @Test
    void classesAreTheSubfoldersInNameOrder() throws IOException {
        for (String name : new String[] { "dog", "cat", ".hidden", "bird" }) {
            Files.createDirectories(temp.resolve(name));
        }
        Files.writeString(temp.resolve("notes.txt"), "not a class");
        List<ClassFolder> classes = ClassFolders.of(temp);
        assertEquals(List.of("bird", "cat", "dog"), ClassFolders.names(classes));
        assertEquals(2, classes.get(2).label());
    }

    @Test
    void tooFewClassesAreASentence() throws IOException {
        assertTrue(assertThrows(DatasetException.class, () -> ClassFolders.of(temp)).getMessage().endsWith(" is empty:"
                + " put each class's images in a subfolder named after the class (" + temp.resolve("cat") + ", "
                + temp.resolve("dog") + ", ...)"));
        Files.writeString(temp.resolve("a.png"), "x");
        assertTrue(assertThrows(DatasetException.class, () -> ClassFolders.of(temp)).getMessage()
                .contains("holds files but no class folders"));
        Files.createDirectories(temp.resolve("cats"));
        assertEquals(temp + " has one class folder (cats): a classifier needs at least two classes, one subfolder each",
                assertThrows(DatasetException.class, () -> ClassFolders.of(temp)).getMessage());
        assertEquals(1, ClassFolders.of(temp, 1).size(), "a test folder may hold some of the classes");
    }
}
