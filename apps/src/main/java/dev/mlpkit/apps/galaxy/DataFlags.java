package dev.mlpkit.apps.galaxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;

import dev.mlpkit.apps.AppModels;
import dev.mlpkit.apps.Console;
import dev.mlpkit.apps.Printable;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.train.ImageFlags;
import dev.mlpkit.datasets.ClassFolder;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.datasets.ImageFolderLoader;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.nn.model.Model;

/** Where the galaxy app's images come from, and how they are read. */
public final class DataFlags {

    private static final Logger LOG = LoggerFactory.getLogger(DataFlags.class);

    @Parameter(names = "--galaxies", description = "Folder of galaxy images (default: the built-in generated set)",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
    public Path galaxies;

    @Parameter(names = "--non-galaxies", description = "Folder of other images (default: the built-in generated set)",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
    public Path nonGalaxies;

    @ParametersDelegate
    public ImageFlags images = new ImageFlags();

    /**
     * Makes a resumed run continue on the folders {@code model} (the file {@code name}) was trained on: they are used
     * when no folders are given, and other folders given are refused, as folders that are gone are; a model that
     * records no folders leaves the flags as they are.
     */
    public void resumeOn(Model model, Path name) {
        if (!(model.metadata().get(AppModels.DATA) instanceof Map<?, ?> data)
                || !(data.get("galaxies") instanceof String g) || !(data.get("nonGalaxies") instanceof String n)) {
            return;
        }
        Path recordedGalaxies = Path.of(g);
        Path recordedOthers = Path.of(n);
        String recorded = Printable.of(recordedGalaxies) + " and " + Printable.of(recordedOthers);
        if (galaxies != null || nonGalaxies != null) {
            if (!same(galaxies, recordedGalaxies) || !same(nonGalaxies, recordedOthers)) {
                throw new UsageException("--resume continues on the images " + Printable.of(name.getFileName())
                        + " was trained on (" + recorded + "); leave out --galaxies and --non-galaxies, or train a"
                        + " new model without --resume");
            }
            return;
        }
        if (!Files.isDirectory(recordedGalaxies) || !Files.isDirectory(recordedOthers)) {
            throw new UsageException(Printable.of(name.getFileName()) + " was trained on " + recorded + ", which are"
                    + " not there any more; --resume continues only on the images a model was trained on");
        }
        galaxies = recordedGalaxies;
        nonGalaxies = recordedOthers;
        LOG.info("Resuming on the images {} was trained on: {}.", Printable.of(name.getFileName()), recorded);
    }

    private static boolean same(Path given, Path recorded) {
        return given != null && given.toAbsolutePath().normalize().equals(recorded.toAbsolutePath().normalize());
    }

    /** The galaxies (label 1) and other images (label 0): the given folders, or the built-in set, made on first use. */
    public List<ClassFolder> folders(Console console) throws IOException {
        if ((galaxies == null) != (nonGalaxies == null)) {
            throw new UsageException("give both --galaxies and --non-galaxies, or neither for the built-in data");
        }
        Path g = galaxies;
        Path n = nonGalaxies;
        if (g == null) {
            LOG.info("Using the built-in generated images ({} galaxies, {} others; made once under {}).",
                    GeneratedData.DEFAULT_GALAXIES, GeneratedData.DEFAULT_OTHERS, images.cacheRoot().resolve("generated"));
            Path set = GeneratedData.galaxy(images.cacheRoot(), 42, console.progress());
            g = set.resolve("galaxies");
            n = set.resolve("non-galaxies");
        }
        if (Files.isDirectory(g) && Files.isDirectory(n) && Files.isSameFile(g, n)) {
            throw new UsageException("--galaxies and --non-galaxies are the same folder (" + g + "): give a folder of"
                    + " each class");
        }
        return List.of(new ClassFolder("galaxies", g, 1), new ClassFolder("non-galaxies", n, 0));
    }

    /** Loads {@code folders} with {@code extractor}, logging what was skipped. */
    public ImageFolderLoader.Result load(List<ClassFolder> folders, FeatureExtractor extractor, Console console)
            throws IOException {
        return images.load(folders, extractor, console);
    }
}
