package dev.mlpkit.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.features.PixelFeatures;

class ImageFolderLoaderTest {

    private static final PixelFeatures PIXELS = new PixelFeatures(64, 64);

    @TempDir
    Path temp;

    @Test
    void theGalaxySampleLoadsAndTheSecondLoadComesFromTheCache() throws IOException {
        Path sample = SharedData.folder("galaxy-sample");
        List<ClassFolder> folders = List.of(new ClassFolder("galaxies", sample.resolve("galaxies"), 1),
                new ClassFolder("non-galaxies", sample.resolve("non-galaxies"), 0));
        long start = System.nanoTime();
        ImageFolderLoader.Result first = loader(FeatureCache.open(temp, PIXELS)).load(folders);
        double decodeSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        ImageFolderLoader.Result second = loader(FeatureCache.open(temp, PIXELS)).load(folders);
        double cacheSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("galaxy sample: %d images, first load (decode) %.2f s, second load (cache) %.2f s%n",
                second.examples().size(), decodeSeconds, cacheSeconds);

        assertEquals(352, first.examples().size());
        assertEquals(250, first.examples().count(1));
        assertEquals(102, first.examples().count(0));
        assertEquals(0, first.fromCache());
        assertEquals(352, second.fromCache());
        assertEquals(List.of(), first.skipped());
        for (int i = 0; i < 352; i++) {
            assertArrayEquals(first.examples().features()[i], second.examples().features()[i]);
        }
        assertTrue(first.examples().names().get(0).endsWith("galaxies/101654.jpg"), "galaxies first, in name order");
    }

    /** A 3 GB (sparse) file in a training folder is skipped and reported like any unreadable file, never read. */
    @Test
    void aHugeFileInAFolderIsSkippedNotRead() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("huge"));
        image(folder.resolve("a.png"), 8, 8);
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(folder.resolve("b.png").toFile(), "rw")) {
            file.setLength(3L << 30);
        }
        ImageFolderLoader.Result result = loader(null).load(List.of(new ClassFolder("huge", folder, 0)));
        assertEquals(1, result.examples().size());
        assertEquals("Skipped 1 file that is not a readable image: b.png is 3221225472 bytes, more than the limit of"
                + " 268435456 bytes", result.skippedSummary());
    }

    @Test
    void unreadableFilesAreSkippedAndReportedOrStopAStrictLoad() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("mixed"));
        image(folder.resolve("a.png"), 8, 8);
        image(folder.resolve("dot.png"), 1, 1);
        Files.writeString(folder.resolve("notes.jpg"), "not a picture");
        Files.write(folder.resolve("empty.png"), new byte[0]);
        Files.createDirectories(folder.resolve("sub"));
        image(folder.resolve("sub/deep.png"), 4, 4);

        ImageFolderLoader.Result result = loader(null).load(List.of(new ClassFolder("mixed", folder, 0)));
        assertEquals(2, result.examples().size(), "a.png and the 1x1 dot.png; not the subfolder");
        assertEquals(2, result.skipped().size());
        assertEquals("Skipped 2 files that are not readable images: empty.png is empty (0 bytes), not an image;"
                + " notes.jpg is not an image mlpkit can read (PNG, JPEG, BMP or GIF)", result.skippedSummary());

        ImageFolderLoader recursive = new ImageFolderLoader(PIXELS, new ImageDecoder(), null, true, false, false);
        assertEquals(3, recursive.load(List.of(new ClassFolder("mixed", folder, 0))).examples().size());

        ImageFolderLoader strict = new ImageFolderLoader(PIXELS, new ImageDecoder(), null, false, true, false);
        DatasetException e = assertThrows(DatasetException.class, () -> strict.load(List.of(new ClassFolder("mixed", folder, 0))));
        assertEquals("empty.png is empty (0 bytes), not an image (and --strict stops at the first unreadable file)",
                e.getMessage());
    }

    @Test
    void missingAndEmptyFoldersAreNamed() throws IOException {
        Path missing = temp.resolve("nowhere");
        assertEquals("the galaxies folder " + missing + " does not exist", message(new ClassFolder("galaxies", missing, 1)));
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertEquals("the galaxies folder " + empty + " has no images (subfolders are not read without --recursive)",
                message(new ClassFolder("galaxies", empty, 1)));
        Path texts = Files.createDirectories(temp.resolve("texts"));
        Files.writeString(texts.resolve("readme.txt"), "hello");
        assertEquals("the galaxies folder " + texts + " has no readable images", message(new ClassFolder("galaxies", texts, 1)));
        Path file = Files.writeString(temp.resolve("file.png"), "x");
        assertEquals("the galaxies folder " + file + " is a file, not a folder", message(new ClassFolder("galaxies", file, 1)));
    }

    @Test
    void aDamagedCacheFileIsRebuiltNotTrusted() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("few"));
        image(folder.resolve("a.png"), 8, 8);
        FeatureCache cache = FeatureCache.open(temp, PIXELS);
        loader(cache).load(List.of(new ClassFolder("few", folder, 0)));
        Files.write(cache.file(), new byte[] { 'M', 'L', 'P', 'K', 'F', 'C', '0', '1', 0, 0, 16, 0, 0, 0, 0, 9, 1, 2 });
        ImageFolderLoader.Result again = loader(FeatureCache.open(temp, PIXELS)).load(List.of(new ClassFolder("few", folder, 0)));
        assertEquals(0, again.fromCache());
        assertEquals(1, again.examples().size());
    }

    private String message(ClassFolder folder) {
        return assertThrows(DatasetException.class, () -> loader(null).load(List.of(folder))).getMessage();
    }

    private static ImageFolderLoader loader(FeatureCache cache) {
        return new ImageFolderLoader(PIXELS, new ImageDecoder(), cache, false, false, false);
    }

    private static void image(Path file, int w, int h) throws IOException {
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }
}
