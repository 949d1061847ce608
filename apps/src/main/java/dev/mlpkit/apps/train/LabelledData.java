package dev.mlpkit.apps.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mlpkit.apps.Console;
import dev.mlpkit.apps.Printable;
import dev.mlpkit.datasets.ClassFolder;
import dev.mlpkit.datasets.ClassFolders;
import dev.mlpkit.datasets.DatasetException;
import dev.mlpkit.datasets.Examples;
import dev.mlpkit.datasets.ImageFolderLoader;
import dev.mlpkit.datasets.Table;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.features.ImageSize;

/**
 * Labelled data for a classifier from the command line: a folder of class folders, or a CSV table with a label
 * column. Data to test or evaluate a model on is read the model's way, with its class names.
 */
final class LabelledData {

    private static final Logger LOG = LoggerFactory.getLogger(LabelledData.class);
    /** Images that share a size larger than this many pixels are shrunk to the galaxy tutorial's 64x64. */
    static final int LARGEST_OWN_SIZE = 64 * 64;

    private LabelledData() {
    }

    /** Whether {@code data} names a table (a file) rather than a folder of class folders. */
    static boolean isTable(Path data) {
        return Files.isRegularFile(data);
    }

    /**
     * The size, {@code {width, height}}, every image of {@code folders} becomes when no size is given: the images' own
     * size when they all share one of at most {@link #LARGEST_OWN_SIZE} pixels, 64x64 (the galaxy tutorial's) when
     * they share a larger one; a sentence naming two images of different sizes otherwise.
     */
    static int[] ownSize(List<ClassFolder> folders, ImageFolderLoader loader) throws IOException {
        List<Path> files = new ArrayList<>();
        for (ClassFolder folder : folders) {
            files.addAll(loader.files(folder));
        }
        int[][] sizes = new int[files.size()][];
        IntStream.range(0, files.size()).parallel().forEach(i -> sizes[i] = header(files.get(i)));
        int first = -1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i][0] == 0) {
                continue; // not an image: the load skips it and says so
            }
            if (first < 0) {
                first = i;
            } else if (sizes[i][0] != sizes[first][0] || sizes[i][1] != sizes[first][1]) {
                throw new DatasetException("the images differ in size (" + Printable.of(files.get(first)) + " is "
                        + sizes[first][0] + "x" + sizes[first][1] + ", " + Printable.of(files.get(i)) + " is "
                        + sizes[i][0] + "x" + sizes[i][1] + "): give --size WxH to resize them all, for example"
                        + " --size 64x64 as the galaxy tutorial does");
            }
        }
        if (first < 0) {
            return new int[] { 64, 64 }; // no readable image: the load reports each class's
        }
        int width = sizes[first][0];
        int height = sizes[first][1];
        if ((long) width * height > LARGEST_OWN_SIZE) {
            LOG.info("The images are {}x{}: resized to 64x64 pixels, as the galaxy tutorial does (--size sets"
                    + " another size).", width, height);
            return new int[] { 64, 64 };
        }
        return new int[] { width, height };
    }

    private static int[] header(Path file) {
        try {
            return ImageSize.of(ImageDecoder.readRegularFile(file, file.getFileName().toString(),
                    ImageDecoder.MAX_FILE_BYTES));
        } catch (IOException e) {
            return new int[] { 0, 0 };
        }
    }

    /**
     * The images of the class folders in {@code root}, labelled by their place in {@code classes} (a class folder not
     * among them is a sentence), turned into {@code extractor}'s features.
     */
    static Examples images(Path root, List<String> classes, FeatureExtractor extractor, ImageFlags flags,
            Console console) throws IOException {
        List<ClassFolder> folders = new ArrayList<>();
        for (ClassFolder folder : ClassFolders.of(root, 1)) {
            int label = classes.indexOf(folder.name());
            if (label < 0) {
                throw new DatasetException("the folder " + Printable.of(folder.folder()) + " is a class the model does"
                        + " not know; its classes are " + String.join(", ", classes.stream().map(Printable::of).toList()));
            }
            folders.add(new ClassFolder(folder.name(), folder.folder(), label));
        }
        return flags.load(folders, extractor, console).examples();
    }

    /** The rows of the table {@code file}, read as {@code inputs} say, labelled by their place in {@code classes}. */
    static Examples table(Path file, Inputs.Columns inputs, List<String> classes) throws IOException {
        Table table = Table.read(file, inputs.label(), inputs.columns());
        Examples raw = table.examples(classes);
        return new Examples(raw.names(), inputs.inputs(table), raw.labels());
    }
}
