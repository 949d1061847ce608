package dev.mlpkit.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


@Tag("slow")
class GeneratedDataTest {

    @TempDir
    Path temp;

    @Test
    void theCircleLineSetHasTheTutorialsLayoutAndIsDeterministic() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        GeneratedData.writeCircleLine(a, 30, 2, 42);
        GeneratedData.writeCircleLine(b, 30, 2, 42);
        assertEquals(30, count(a.resolve("images")));
        assertEquals(List.of("tc-1.png", "tc-2.png", "tl-1.png", "tl-2.png"), names(a.resolve("test-images")));
        String circles = Files.readString(a.resolve("csv/correct-outputs-circle.txt"));
        assertTrue(circles.startsWith("file_name,correct_answer\n1.png,"));
        assertTrue(!circles.endsWith("\n"), "no trailing newline, as the tutorial's");
        assertEquals(circles, Files.readString(b.resolve("csv/correct-outputs-circle.txt")));
        for (String name : names(a.resolve("images"))) {
            assertArrayEquals(Files.readAllBytes(a.resolve("images").resolve(name)),
                    Files.readAllBytes(b.resolve("images").resolve(name)), name);
        }
        Examples labels = CircleLineCsv.join(new CircleLineCsv.Features(names(a.resolve("images")),
                new double[30][0]), CircleLineCsv.readCorrectOutputs(a.resolve("csv/correct-outputs-line.txt")));
        assertEquals(30, labels.size());
        // The tutorial trains in file-name order (1, 10, 11, ..., 2, 20, ...): there circles and lines take turns.
        Map<String, Integer> circle = CircleLineCsv.readCorrectOutputs(a.resolve("csv/correct-outputs-circle.txt"));
        List<String> order = new ArrayList<>(circle.keySet());
        order.sort(null);
        for (int place = 0; place < order.size(); place++) {
            assertEquals(place % 2 == 0 ? 1 : 0, circle.get(order.get(place)), order.get(place));
        }
    }

    @Test
    void generatedDrawingsVaryAsPeoplesDrawingsDo() {
        int n = 400;
        int small = 0;
        int large = 0;
        int left = 0;
        int right = 0;
        int grey = 0;
        int binary = 0;
        int roundCircles = 0;
        int thinLines = 0;
        int squareLines = 0;
        for (int i = 0; i < n; i++) {
            for (boolean circle : new boolean[] { true, false }) {
                Ink ink = Ink.of(dev.mlpkit.datasets.generate.CircleLineDrawings.draw(circle, i));
                small += ink.extent() <= 7 ? 1 : 0;
                large += ink.extent() >= 14 ? 1 : 0;
                left += ink.centreX() < 5 ? 1 : 0;
                right += ink.centreX() > 10 ? 1 : 0;
                grey += ink.greyLevels() ? 1 : 0;
                binary += ink.greyLevels() ? 0 : 1;
                if (circle) {
                    roundCircles += ink.spread() > 0.15 ? 1 : 0;
                } else {
                    thinLines += ink.spread() < 0.15 ? 1 : 0;
                    squareLines += Math.abs(ink.axis()) < 5 || Math.abs(ink.axis()) > 85 ? 1 : 0;
                }
            }
        }
        // A third of the frame to all of it, anywhere in it; anti-aliased pens and one-pixel pencils.
        assertTrue(small > 0.1 * 2 * n && large > 0.1 * 2 * n, small + " small and " + large + " large figures");
        assertTrue(left > 0.05 * 2 * n && right > 0.05 * 2 * n, left + " figures on the left, " + right + " on the right");
        assertTrue(grey > 0.5 * 2 * n && binary > 0.15 * 2 * n, grey + " anti-aliased drawings, " + binary + " binary");
        // Ovals are at most 2:1, lines at most slightly curved: the ink's second axis tells them apart.
        assertTrue(roundCircles > 0.97 * n, roundCircles + " of " + n + " circles spread in two directions");
        assertTrue(thinLines > 0.9 * n, thinLines + " of " + n + " lines spread in one direction");
        // Any angle, but more level and upright lines than at any other angle: uniform angles would give 1 in 9.
        assertTrue(squareLines > 0.15 * n, squareLines + " of " + n + " lines within 5 degrees of level or upright");
    }

    /**
     * The ink of a drawing: its extent, centre, whether it has grey levels, how far it spreads across its axis, and
     * the angle of that axis in degrees from level (-90 to 90).
     */
    private record Ink(double extent, double centreX, boolean greyLevels, double spread, double axis) {

        static Ink of(BufferedImage image) {
            double total = 0;
            double sx = 0;
            double sy = 0;
            int minX = 16;
            int maxX = -1;
            int minY = 16;
            int maxY = -1;
            boolean greys = false;
            double[] ink = new double[256];
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    int v = image.getRaster().getSample(x, y, 0);
                    greys |= v > 70 && v < 200;
                    ink[y * 16 + x] = Math.max(0, 1 - v / 200.0);
                    total += ink[y * 16 + x];
                    sx += x * ink[y * 16 + x];
                    sy += y * ink[y * 16 + x];
                    if (v < 128) {
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            double mx = sx / total;
            double my = sy / total;
            double xx = 0;
            double yy = 0;
            double xy = 0;
            for (int i = 0; i < 256; i++) {
                double dx = i % 16 - mx;
                double dy = i / 16 - my;
                xx += ink[i] * dx * dx / total;
                yy += ink[i] * dy * dy / total;
                xy += ink[i] * dx * dy / total;
            }
            double root = Math.sqrt((xx - yy) * (xx - yy) / 4 + xy * xy);
            double major = (xx + yy) / 2 + root;
            double minor = (xx + yy) / 2 - root;
            return new Ink(Math.max(maxX - minX, maxY - minY) + 1, mx, greys, minor / major,
                    Math.toDegrees(Math.atan2(2 * xy, xx - yy) / 2));
        }
    }

    @Test
    void theGalaxySetIsRealJpegsOfTheSurveysSizesAndDeterministic() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        GeneratedData.writeGalaxy(a, 3, 2, 7, false);
        GeneratedData.writeGalaxy(b, 3, 2, 7, false);
        assertEquals(List.of("galaxy-1.jpg", "galaxy-2.jpg", "galaxy-3.jpg"), names(a.resolve("galaxies")));
        assertEquals(List.of("photo-1.jpg", "photo-2.jpg"), names(a.resolve("non-galaxies")));
        BufferedImage galaxy = ImageIO.read(a.resolve("galaxies/galaxy-1.jpg").toFile());
        assertEquals(424, galaxy.getWidth());
        BufferedImage photo = ImageIO.read(a.resolve("non-galaxies/photo-1.jpg").toFile());
        assertEquals(300, photo.getHeight());
        assertArrayEquals(Files.readAllBytes(a.resolve("galaxies/galaxy-3.jpg")), Files.readAllBytes(b.resolve("galaxies/galaxy-3.jpg")));
        double centre = 0;
        double corner = 0;
        for (int c = 0; c < 3; c++) {
            centre += galaxy.getRaster().getSample(212, 212, c);
            corner += galaxy.getRaster().getSample(5, 5, c);
        }
        assertTrue(centre > corner + 60, "a bright galaxy in the middle of a dark sky: " + centre + " vs " + corner);
    }

    @Test
    void defaultSetsAreMadeOnceAndReused() throws IOException {
        Path first = GeneratedData.circleLine(temp, 3);
        long modified = Files.getLastModifiedTime(first.resolve("images/1.png")).toMillis();
        Path second = GeneratedData.circleLine(temp, 3);
        assertEquals(first, second);
        assertEquals(modified, Files.getLastModifiedTime(second.resolve("images/1.png")).toMillis());
        try (Stream<Path> left = Files.list(temp.resolve("generated"))) {
            assertEquals(1, left.count(), "no temporary folder left behind");
        }
    }

    @Test
    void aContactSheetIsAGridOfThumbnails() throws IOException {
        Path set = temp.resolve("set");
        GeneratedData.writeGalaxy(set, 3, 2, 1, false);
        Path png = temp.resolve("sheet.png");
        List<Path> images;
        try (Stream<Path> files = Stream.concat(Files.list(set.resolve("galaxies")), Files.list(set.resolve("non-galaxies")))) {
            images = files.sorted().toList();
        }
        ContactSheet.write(images, 64, 3, png);
        BufferedImage sheet = ImageIO.read(png.toFile());
        assertEquals(192, sheet.getWidth());
        assertEquals(128, sheet.getHeight());
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted((x, y) -> {
                int c = Integer.compare(x.length(), y.length());
                return c != 0 ? c : x.compareTo(y);
            }).toList();
        }
    }
}
