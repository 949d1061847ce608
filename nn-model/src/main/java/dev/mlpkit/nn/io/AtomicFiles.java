package dev.mlpkit.nn.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so that readers and crashes only ever see the old file or the complete new one: the bytes go to a
 * temporary file in the same folder, are flushed to disk, and the temporary file is then moved over the target in one
 * atomic step. A failed write removes the temporary file and leaves the target as it was.
 *
 * <p>A target that is a symbolic link replaces the file the link points to, and the link stays. A target that exists
 * and is not a regular file is never renamed over: a device or a pipe ({@code /dev/null}, a FIFO) is written
 * through, as a shell's redirection would, and a folder is refused. Failures say "cannot write TARGET: why", never
 * the temporary file's name. A JVM that exits during a write (Ctrl-C, SIGTERM) removes the temporary file as it goes.
 */
public final class AtomicFiles {

    /** What writes the content, given a stream to write it to. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with what {@code content} writes. */
    public static void write(Path target, Content content) throws IOException {
        Path file = followLinks(target);
        if (Files.isDirectory(file) || file.getFileName() == null) {
            throw new IOException("cannot write " + target + ": it is a folder");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + reason(e), e);
            }
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new IOException("cannot write " + target + ": the folder " + folder + " does not exist");
        }
        Path temporary;
        try {
            // Not createTempFile: its files are private (0600), and the result should get the user's usual permissions.
            temporary = Files.createFile(folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
        try {
            temporary.toFile().deleteOnExit();    // a signal that ends the JVM mid-write leaves no temporary file
        } catch (IllegalStateException e) {
            // The JVM is shutting down already (a checkpoint written by a shutdown hook): this write finishes first.
        }
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The file a chain of symbolic links ends at (which need not exist yet), or {@code target} itself. */
    private static Path followLinks(Path target) throws IOException {
        Path path = target;
        for (int hops = 0; Files.isSymbolicLink(path); hops++) {
            if (hops == 40) {
                throw new IOException("cannot write " + target + ": its symbolic links go round in a loop");
            }
            Path link = Files.readSymbolicLink(path);
            Path parent = path.toAbsolutePath().getParent();
            path = parent == null ? link : parent.resolve(link);
        }
        return path;
    }

    /** What went wrong, in the system's words, without a path (the caller names the target). */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
