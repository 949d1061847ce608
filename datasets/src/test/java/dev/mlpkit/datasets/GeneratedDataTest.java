package dev.mlpkit.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.features.CircleLineFeatures;
import dev.mlpkit.features.ImageDecoder;

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
    }

    @Test
    void generatedDrawingsLookLikeTheTutorials() throws IOException {
        ImageDecoder decoder = new ImageDecoder();
        double circleInk = 0;
        double lineInk = 0;
        double circleCentre = 0;
        double lineCentre = 0;
        for (int i = 0; i < 100; i++) {
            double[] circle = new CircleLineFeatures().extract(decoder.decode(png(dev.mlpkit.datasets.generate.CircleLineDrawings.draw(true, i)), "c.png"));
            double[] line = new CircleLineFeatures().extract(decoder.decode(png(dev.mlpkit.datasets.generate.CircleLineDrawings.draw(false, i)), "l.png"));
            circleInk += circle[0] / 100;
            lineInk += line[0] / 100;
            circleCentre += circle[1] / 100;
            lineCentre += line[1] / 100;
        }
        // The tutorial's 40 drawings: circles' ink 0.14-0.23 with an empty centre, lines' ink 0.06-0.10 through it.
        assertTrue(circleInk > 0.15 && circleInk < 0.23, "circle ink " + circleInk);
        assertTrue(lineInk > 0.06 && lineInk < 0.10, "line ink " + lineInk);
        assertTrue(circleCentre < 0.02, "circle centre " + circleCentre);
        assertTrue(lineCentre > 0.2, "line centre " + lineCentre);
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

    private static byte[] png(BufferedImage image) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
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
