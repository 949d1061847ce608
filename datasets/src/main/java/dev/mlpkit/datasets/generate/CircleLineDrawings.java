package dev.mlpkit.datasets.generate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

/**
 * Hand-drawn-looking 16x16 drawings of circles and lines, black one-pixel pencil strokes on white like the circle/line
 * tutorial's: circles and ellipses that wobble, sometimes overlap or leave a small gap, and vary in size and position;
 * lines at any angle, of varying length, with a slight curve. Strokes are drawn as a pencil tool draws them, with
 * Bresenham segments between the points of the curve, so they are one pixel wide and 8-connected.
 */
public final class CircleLineDrawings {

    /** Drawings are 16x16 pixels. */
    public static final int SIZE = 16;
    private static final int INK = 0;
    private static final int PAPER = 255;
    /** The tutorial's one other colour: a light grey some drawings are filled with. */
    private static final int FILL = 242;

    private CircleLineDrawings() {
    }

    /** One drawing of a circle or of a line, from {@code seed}. */
    public static BufferedImage draw(boolean circle, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] pixels = new int[SIZE * SIZE];
        java.util.Arrays.fill(pixels, PAPER);
        if (circle) {
            drawCircle(pixels, random);
        } else {
            drawLine(pixels, random);
        }
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < pixels.length; i++) {
            int v = pixels[i];
            image.setRGB(i % SIZE, i / SIZE, (v << 16) | (v << 8) | v);
        }
        return image;
    }

    /**
     * Writes a data set in the tutorial's folder layout: {@code images/1.png ... N.png} (a little under half of them
     * circles, as in the tutorial), {@code csv/correct-outputs-circle.txt} and {@code csv/correct-outputs-line.txt}
     * (header {@code file_name,correct_answer}, no trailing newline), and {@code test-images/tc-1.png ...} (circles)
     * and {@code tl-1.png ...} (lines).
     */
    public static void writeTutorialLayout(Path folder, int count, int testsPerClass, long seed) throws IOException {
        Path images = Files.createDirectories(folder.resolve("images"));
        Path tests = Files.createDirectories(folder.resolve("test-images"));
        Path csv = Files.createDirectories(folder.resolve("csv"));
        SplittableRandom labels = new SplittableRandom(seed);
        StringBuilder circles = new StringBuilder("file_name,correct_answer");
        StringBuilder lines = new StringBuilder("file_name,correct_answer");
        for (int i = 1; i <= count; i++) {
            boolean circle = labels.nextDouble() < 0.45;
            ImageIO.write(draw(circle, Seeds.of(seed, 1, i)), "png", images.resolve(i + ".png").toFile());
            circles.append('\n').append(i).append(".png,").append(circle ? 1 : 0);
            lines.append('\n').append(i).append(".png,").append(circle ? 0 : 1);
        }
        for (int i = 1; i <= testsPerClass; i++) {
            ImageIO.write(draw(true, Seeds.of(seed, 2, i)), "png", tests.resolve("tc-" + i + ".png").toFile());
            ImageIO.write(draw(false, Seeds.of(seed, 3, i)), "png", tests.resolve("tl-" + i + ".png").toFile());
        }
        Files.writeString(csv.resolve("correct-outputs-circle.txt"), circles, StandardCharsets.UTF_8);
        Files.writeString(csv.resolve("correct-outputs-line.txt"), lines, StandardCharsets.UTF_8);
    }

    private static void drawCircle(int[] pixels, SplittableRandom random) {
        double cx = 7.4 + gaussian(random, 0.5);
        double cy = 7.4 + gaussian(random, 0.5);
        double rx = 5.8 + 1.9 * random.nextDouble();
        double ry = rx * (0.82 + 0.3 * random.nextDouble());
        double tilt = Math.PI * random.nextDouble();
        double wobble2 = 0.05 * random.nextDouble();
        double wobble3 = 0.04 * random.nextDouble();
        double phase2 = 2 * Math.PI * random.nextDouble();
        double phase3 = 2 * Math.PI * random.nextDouble();
        double start = 2 * Math.PI * random.nextDouble();
        // Mostly closed, sometimes overshooting the start, now and then a small gap.
        double sweep = 2 * Math.PI + (random.nextDouble() < 0.15 ? -0.5 * random.nextDouble() : 0.4 * random.nextDouble());
        int points = 36;
        int[] xs = new int[points + 1];
        int[] ys = new int[points + 1];
        for (int k = 0; k <= points; k++) {
            double t = start + sweep * k / points;
            double wobble = 1 + wobble2 * Math.sin(2 * t + phase2) + wobble3 * Math.sin(3 * t + phase3);
            double ex = rx * wobble * Math.cos(t);
            double ey = ry * wobble * Math.sin(t);
            xs[k] = clampToImage(cx + ex * Math.cos(tilt) - ey * Math.sin(tilt) + gaussian(random, 0.3));
            ys[k] = clampToImage(cy + ex * Math.sin(tilt) + ey * Math.cos(tilt) + gaussian(random, 0.3));
        }
        if (random.nextDouble() < 0.05) {
            fillInside(pixels, cx, cy, Math.min(rx, ry) - 1.2);
        }
        polyline(pixels, xs, ys, random);
    }

    private static void drawLine(int[] pixels, SplittableRandom random) {
        double angle = Math.PI * random.nextDouble();
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        // Mostly through the middle; some pass beside it.
        double offset = random.nextDouble() < 0.12 ? (random.nextBoolean() ? 1 : -1) * (3 + 2 * random.nextDouble())
                : gaussian(random, 1.0);
        double mx = 7.4 - dy * offset + gaussian(random, 0.8);
        double my = 7.4 + dx * offset + gaussian(random, 0.8);
        double half = (6.5 + 2.5 * random.nextDouble()) / Math.max(Math.abs(dx), Math.abs(dy));
        half = Math.min(half, 12);
        double bend = gaussian(random, 0.8);
        int points = 12;
        int[] xs = new int[points + 1];
        int[] ys = new int[points + 1];
        for (int k = 0; k <= points; k++) {
            double t = -1 + 2.0 * k / points;
            double curve = bend * (1 - t * t);
            xs[k] = clampToImage(mx + dx * half * t - dy * curve + gaussian(random, 0.35));
            ys[k] = clampToImage(my + dy * half * t + dx * curve + gaussian(random, 0.35));
        }
        polyline(pixels, xs, ys, random);
    }

    private static void fillInside(int[] pixels, double cx, double cy, double radius) {
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (Math.hypot(x - cx, y - cy) < radius) {
                    pixels[y * SIZE + x] = FILL;
                }
            }
        }
    }

    /** Segments through the points; a shaky hand now and then inks a pixel beside the stroke as well. */
    private static void polyline(int[] pixels, int[] xs, int[] ys, SplittableRandom random) {
        double shake = 0.05 + 0.35 * random.nextDouble();
        for (int k = 1; k < xs.length; k++) {
            bresenham(pixels, xs[k - 1], ys[k - 1], xs[k], ys[k], shake, random);
        }
    }

    /** An 8-connected one-pixel segment, as a pencil tool draws it, thickened at random with probability {@code shake}. */
    private static void bresenham(int[] pixels, int x0, int y0, int x1, int y1, double shake, SplittableRandom random) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        while (true) {
            pixels[y0 * SIZE + x0] = INK;
            if (random.nextDouble() < shake) {
                boolean steep = Math.abs(y1 - y0) > Math.abs(x1 - x0);
                int side = random.nextBoolean() ? 1 : -1;
                int x = clampToImage(x0 + (steep ? side : 0));
                int y = clampToImage(y0 + (steep ? 0 : side));
                pixels[y * SIZE + x] = INK;
            }
            if (x0 == x1 && y0 == y1) {
                return;
            }
            int e2 = 2 * error;
            if (e2 >= dy) {
                error += dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                error += dx;
                y0 += sy;
            }
        }
    }

    private static int clampToImage(double v) {
        return (int) Math.max(0, Math.min(SIZE - 1, Math.round(v)));
    }

    private static double gaussian(SplittableRandom random, double sigma) {
        return sigma * random.nextGaussian();
    }
}
