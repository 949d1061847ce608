package dev.mlpkit.apps.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beust.jcommander.Parameter;

import dev.mlpkit.apps.Console;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.datasets.ClassFolder;
import dev.mlpkit.datasets.FeatureCache;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.datasets.ImageFolderLoader;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecoder;

/** How folders of images are read: subfolders or not, unreadable files skipped or not, the cache, the pixel limit. */
public final class ImageFlags {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFlags.class);

    @Parameter(names = "--recursive", description = "Read subfolders too")
    public boolean recursive;

    @Parameter(names = "--strict", description = "Stop at the first file that is not a readable image, instead of skipping it")
    public boolean strict;

    @Parameter(names = "--cache", description = "Folder for generated data and cached features (default: $MLPKIT_CACHE,"
            + " $XDG_CACHE_HOME/mlpkit or ~/.cache/mlpkit)", validateWith = Validators.FileName.class)
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

    /** A loader of images into {@code extractor}'s features, as these flags ask. */
    public ImageFolderLoader loader(FeatureExtractor extractor, Console console) throws IOException {
        FeatureCache featureCache = noCache ? null : FeatureCache.open(cacheRoot(), extractor);
        return new ImageFolderLoader(extractor, new ImageDecoder(maxPixels), featureCache, recursive, strict,
                console.progress());
    }

    /** A loader that only lists the files these flags read, for a look at them before the real load. */
    public ImageFolderLoader lister() {
        return new ImageFolderLoader(new dev.mlpkit.features.PixelFeatures(1, 1), new ImageDecoder(maxPixels), null,
                recursive, strict, false);
    }

    /** Loads {@code folders} with {@code extractor}, logging what was skipped. */
    public ImageFolderLoader.Result load(List<ClassFolder> folders, FeatureExtractor extractor, Console console)
            throws IOException {
        ImageFolderLoader.Result result = loader(extractor, console).load(folders);
        if (!result.skipped().isEmpty()) {
            LOG.warn(result.skippedSummary());
        }
        return result;
    }
}
