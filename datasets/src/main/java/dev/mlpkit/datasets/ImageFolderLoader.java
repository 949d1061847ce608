package dev.mlpkit.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecodeException;
import dev.mlpkit.features.ImageDecoder;

/**
 * Loads labelled examples from folders of images, one folder per class, as the galaxy tutorial does: each folder's
 * files in name order (not its subfolders, unless asked), decoded in parallel on all cores and turned into features.
 * Files that are not readable images are skipped and reported, or stop the load when strict. With a
 * {@link FeatureCache}, images seen before are not decoded again.
 */
public final class ImageFolderLoader {

    private final FeatureExtractor extractor;
    private final ImageDecoder decoder;
    private final FeatureCache cache;
    private final boolean recursive;
    private final boolean strict;
    private final boolean progress;

    /**
     * @param cache     where features are kept between runs, or null for none
     * @param recursive whether to read subfolders too
     * @param strict    whether an unreadable file stops the load instead of being skipped
     * @param progress  whether to show a progress bar (only ever on a terminal)
     */
    public ImageFolderLoader(FeatureExtractor extractor, ImageDecoder decoder, FeatureCache cache, boolean recursive,
            boolean strict, boolean progress) {
        this.extractor = extractor;
        this.decoder = decoder;
        this.cache = cache;
        this.recursive = recursive;
        this.strict = strict;
        this.progress = progress;
    }

    /** A file that was left out, and why. */
    public record Skipped(Path file, String reason) {
    }

    /**
     * What a load gave.
     *
     * @param examples  the examples, folder by folder in the order given, files in name order
     * @param skipped   the files left out
     * @param fromCache how many examples came from the cache
     */
    public record Result(Examples examples, List<Skipped> skipped, int fromCache) {

        /** One line about the skipped files (their count and the first few reasons), or an empty string. */
        public String skippedSummary() {
            if (skipped.isEmpty()) {
                return "";
            }
            StringBuilder line = new StringBuilder("Skipped ").append(skipped.size())
                    .append(skipped.size() == 1 ? " file that is not a readable image: " : " files that are not readable images: ");
            for (int i = 0; i < Math.min(3, skipped.size()); i++) {
                line.append(i == 0 ? "" : "; ").append(skipped.get(i).reason());
            }
            return line.append(skipped.size() > 3 ? "; ..." : "").toString();
        }
    }

    /** Loads every class folder. */
    public Result load(List<ClassFolder> folders) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (ClassFolder folder : folders) {
            List<Path> found = files(folder);
            files.addAll(found);
            found.forEach(f -> labels.add(folder.label()));
        }
        int n = files.size();
        double[][] features = new double[n][];
        String[] failures = new String[n];
        int[] cached = new int[n];
        try (Progress bar = Progress.of("Loading images", n, progress)) {
            IntStream.range(0, n).parallel().forEach(i -> {
                try {
                    byte[] bytes = readFile(files.get(i));
                    byte[] key = cache == null ? null : FeatureCache.sha256(bytes);
                    double[] f = key == null ? null : cache.get(key);
                    if (f != null) {
                        cached[i] = 1;
                    } else {
                        f = extractor.extract(decoder.decode(bytes, files.get(i).getFileName().toString()));
                        if (key != null) {
                            cache.put(key, f);
                        }
                    }
                    features[i] = f;
                } catch (ImageDecodeException e) {
                    failures[i] = e.getMessage();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bar.step();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (cache != null) {
            cache.save();
        }

        List<String> names = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        List<Integer> keptLabels = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                if (strict) {
                    throw new DatasetException(failures[i] + " (and --strict stops at the first unreadable file)");
                }
                skipped.add(new Skipped(files.get(i), failures[i]));
            } else {
                names.add(files.get(i).toString());
                kept.add(features[i]);
                keptLabels.add(labels.get(i));
            }
        }
        for (ClassFolder folder : folders) {
            if (!keptLabels.contains(folder.label())) {
                throw new DatasetException("the " + folder.name() + " folder " + folder.folder()
                        + " has no readable images");
            }
        }
        Examples examples = new Examples(names, kept.toArray(new double[0][]),
                keptLabels.stream().mapToInt(Integer::intValue).toArray());
        return new Result(examples, skipped, IntStream.of(cached).sum());
    }

    /** The files of {@code folder} this loader reads, in name order: a sentence if there are none or no folder. */
    public List<Path> files(ClassFolder folder) throws IOException {
        Path dir = folder.folder();
        if (!Files.exists(dir)) {
            throw new DatasetException("the " + folder.name() + " folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("the " + folder.name() + " folder " + dir + " is a file, not a folder");
        }
        List<Path> files;
        try (Stream<Path> entries = recursive ? Files.walk(dir) : Files.list(dir)) {
            files = entries.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (AccessDeniedException e) {
            throw new DatasetException("the " + folder.name() + " folder " + dir + " cannot be read: permission denied", e);
        }
        if (files.isEmpty()) {
            throw new DatasetException("the " + folder.name() + " folder " + dir + " has no images"
                    + (recursive ? "" : " (subfolders are not read without --recursive)"));
        }
        return files;
    }

    /** The file's bytes: a regular file of at most {@link ImageDecoder#MAX_FILE_BYTES}, or an unreadable file. */
    private static byte[] readFile(Path file) throws IOException {
        try {
            return ImageDecoder.readRegularFile(file, file.getFileName().toString(), ImageDecoder.MAX_FILE_BYTES);
        } catch (AccessDeniedException e) {
            throw new ImageDecodeException(file.getFileName() + " cannot be read: permission denied", e);
        }
    }
}
