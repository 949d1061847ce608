package dev.mlpkit.datasets;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of class folders, as Keras' {@code image_dataset_from_directory} reads one: each subfolder is a class,
 * named after it, and the classes are labelled 0, 1, ... in name order.
 */
public final class ClassFolders {

    private ClassFolders() {
    }

    /** The class folders of {@code root}, labelled in name order; at least two, or a sentence saying what is wrong. */
    public static List<ClassFolder> of(Path root) throws IOException {
        return of(root, 2);
    }

    /** The class folders of {@code root}, labelled in name order; at least {@code minimum} of them. */
    public static List<ClassFolder> of(Path root, int minimum) throws IOException {
        if (!Files.exists(root)) {
            throw new DatasetException(root + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root + " is a file, not a folder of class folders");
        }
        List<Path> folders;
        boolean files;
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> visible = entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            folders = visible.stream().filter(Files::isDirectory).toList();
            files = visible.stream().anyMatch(Files::isRegularFile);
        } catch (AccessDeniedException e) {
            throw new DatasetException(root + " cannot be read: permission denied", e);
        }
        if (folders.isEmpty()) {
            throw new DatasetException(root + (files ? " holds files but no class folders" : " is empty")
                    + ": put each class's images in a subfolder named after the class (" + root.resolve("cat")
                    + ", " + root.resolve("dog") + ", ...)");
        }
        if (folders.size() < minimum) {
            throw new DatasetException(root + " has one class folder (" + folders.get(0).getFileName()
                    + "): a classifier needs at least two classes, one subfolder each");
        }
        List<ClassFolder> classes = new ArrayList<>();
        for (Path folder : folders) {
            classes.add(new ClassFolder(folder.getFileName().toString(), folder, classes.size()));
        }
        return classes;
    }

    /** The names of {@code folders}, label 0 first. */
    public static List<String> names(List<ClassFolder> folders) {
        return folders.stream().map(ClassFolder::name).toList();
    }
}
