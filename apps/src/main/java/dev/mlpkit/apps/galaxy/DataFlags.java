package dev.mlpkit.apps.galaxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beust.jcommander.Parameter;

import dev.mlpkit.apps.Console;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.datasets.ClassFolder;
import dev.mlpkit.datasets.FeatureCache;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.datasets.ImageFolderLoader;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecoder;

/** Where the galaxy app's images come from, and how they are read. */
public final class DataFlags {

    private static final Logger LOG = LoggerFactory.getLogger(DataFlags.class);

    @Parameter(names = "--galaxies", description = "Folder of galaxy images (default: the built-in generated set)",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
    public Path galaxies;

    @Parameter(names = "--non-galaxies", description = "Folder of other images (default: the built-in generated set)",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
    public Path nonGalaxies;

    @Parameter(names = "--recursive", description = "Read subfolders too")
    public boolean recursive;

    @Parameter(names = "--strict", description = "Stop at the first file that is not a readable image, instead of skipping it")
    public boolean strict;

    @Parameter(names = "--cache", description = "Folder for generated data and cached features (default: $MLPKIT_CACHE,"
            + " $XDG_CACHE_HOME/mlpkit or ~/.cache/mlpkit)",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
    public Path cache;

    @Parameter(names = "--no-cache", description = "Decode every image again instead of using cached features")
    public boolean noCache;

    @Parameter(names = "--max-pixels", description = "Refuse images of more pixels than this (a guard against"
            + " decompression bombs)", validateWith = Validators.PositiveInteger.class)
    public int maxPixels = (int) ImageDecoder.DEFAULT_MAX_PIXELS;

    /** The cache folder in use. */
    public Path cacheRoot() {
        return cache != null ? cache : GeneratedData.defaultCacheRoot();
    }

    /** The galaxies (label 1) and other images (label 0): the given folders, or the built-in set, made on first use. */
    public List<ClassFolder> folders(long seed, Console console) throws IOException {
        if ((galaxies == null) != (nonGalaxies == null)) {
            throw new UsageException("give both --galaxies and --non-galaxies, or neither for the built-in data");
        }
        Path g = galaxies;
        Path n = nonGalaxies;
        if (g == null) {
            LOG.info("Using the built-in generated images ({} galaxies, {} others; made once under {}).",
                    GeneratedData.DEFAULT_GALAXIES, GeneratedData.DEFAULT_OTHERS, cacheRoot().resolve("generated"));
            Path set = GeneratedData.galaxy(cacheRoot(), 42, console.progress());
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
        FeatureCache featureCache = noCache ? null : FeatureCache.open(cacheRoot(), extractor);
        ImageFolderLoader loader = new ImageFolderLoader(extractor, new ImageDecoder(maxPixels), featureCache, recursive,
                strict, console.progress());
        ImageFolderLoader.Result result = loader.load(folders);
        if (!result.skipped().isEmpty()) {
            LOG.warn(result.skippedSummary());
        }
        return result;
    }
}
