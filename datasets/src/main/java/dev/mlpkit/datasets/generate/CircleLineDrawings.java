package dev.mlpkit.datasets.generate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

/**
 * 16x16 drawings of circles and lines in the circle/line tutorial's frame (RGB, dark ink on white), drawn the many ways
 * people draw them:
 * <ul>
 * <li>circles from about a third of the frame to all of it, anywhere in it, round or oval up to 2:1 at any tilt,
 * wobbly, closed, overshooting their start or left open by a small gap;</li>
 * <li>lines at any angle (a tenth of them level or upright), from a third of the frame to its full span, anywhere,
 * straight or slightly curved, a quarter with a hook where the pen landed or lifted;</li>
 * <li>strokes as a pencil tool draws them (one pixel, black, like the tutorial's own drawings) or as a pen drawn
 * larger and resampled to 16x16 (1 to 3 pixels wide with anti-aliased grey edges), in inks from black to dark blue
 * on paper from white to light grey, sometimes with a scanner's noise.</li>
 * </ul>
 * A figure is a list of points along its curve; {@link Ink} renders them.
 */
public final class CircleLineDrawings {

    /** Drawings are 16x16 pixels. */
    public static final int SIZE = 16;
    /** The smallest figure: about a third of the frame. */
    private static final double SMALLEST = SIZE / 3.0;

    private CircleLineDrawings() {
    }

    /** One drawing of a circle or of a line, from {@code seed}. */
    public static BufferedImage draw(boolean circle, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Ink ink = Ink.random(random);
        double[][] curve = circle ? circle(random, ink.width()) : line(random, ink.width());
        return ink.render(curve, circle && random.nextDouble() < 0.04, random);
    }

    /**
     * Writes a data set in the tutorial's folder layout: {@code images/1.png ... N.png}, {@code
     * csv/correct-outputs-circle.txt} and {@code csv/correct-outputs-line.txt} (header {@code
     * file_name,correct_answer}, no trailing newline), and {@code test-images/tc-1.png ...} (circles) and {@code
     * tl-1.png ...} (lines). Circles and lines take turns in file-name order, the order the tutorial trains in, one
     * drawing per update: so every stretch of the file, the last one too, has as many of each.
     */
    public static void writeTutorialLayout(Path folder, int count, int testsPerClass, long seed) throws IOException {
        Path images = Files.createDirectories(folder.resolve("images"));
        Path tests = Files.createDirectories(folder.resolve("test-images"));
        Path csv = Files.createDirectories(folder.resolve("csv"));
        boolean[] circle = takingTurns(count);
        StringBuilder circles = new StringBuilder("file_name,correct_answer");
        StringBuilder lines = new StringBuilder("file_name,correct_answer");
        for (int i = 1; i <= count; i++) {
            ImageIO.write(draw(circle[i], Seeds.of(seed, 1, i)), "png", images.resolve(i + ".png").toFile());
            circles.append('\n').append(i).append(".png,").append(circle[i] ? 1 : 0);
            lines.append('\n').append(i).append(".png,").append(circle[i] ? 0 : 1);
        }
        for (int i = 1; i <= testsPerClass; i++) {
            ImageIO.write(draw(true, Seeds.of(seed, 2, i)), "png", tests.resolve("tc-" + i + ".png").toFile());
            ImageIO.write(draw(false, Seeds.of(seed, 3, i)), "png", tests.resolve("tl-" + i + ".png").toFile());
        }
        Files.writeString(csv.resolve("correct-outputs-circle.txt"), circles, StandardCharsets.UTF_8);
        Files.writeString(csv.resolve("correct-outputs-line.txt"), lines, StandardCharsets.UTF_8);
    }

    /** {@code circle[i]} for the drawings {@code 1.png ... count.png}: circles at the even places of name order. */
    private static boolean[] takingTurns(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(i + ".png");
        }
        names.sort(null);
        boolean[] circle = new boolean[count + 1];
        for (int place = 0; place < count; place++) {
            String name = names.get(place);
            circle[Integer.parseInt(name.substring(0, name.length() - 4))] = place % 2 == 0;
        }
        return circle;
    }

    /** Points along a hand-drawn ellipse, in pixel coordinates (pixel centres at 0 to 15). */
    private static double[][] circle(SplittableRandom random, double width) {
        double diameter = SMALLEST + (SIZE - SMALLEST) * random.nextDouble();
        double rx = diameter / 2 - width / 2;
        double ry = rx * (random.nextDouble() < 0.5 ? 0.85 + 0.15 * random.nextDouble() : 0.5 + 0.5 * random.nextDouble());
        double tilt = Math.PI * random.nextDouble();
        // Half extents of the tilted ellipse, so that the figure can be placed inside the frame (some touch its edge).
        double over = random.nextDouble() < 0.3 ? 1.2 * random.nextDouble() : 0;
        double hx = Math.hypot(rx * Math.cos(tilt), ry * Math.sin(tilt)) + width / 2 - over;
        double hy = Math.hypot(rx * Math.sin(tilt), ry * Math.cos(tilt)) + width / 2 - over;
        double cx = place(random, hx);
        double cy = place(random, hy);
        double start = 2 * Math.PI * random.nextDouble();
        double kind = random.nextDouble();
        double sweep = 2 * Math.PI + (kind < 0.3 ? -(0.25 + 0.6 * random.nextDouble()) : kind < 0.55 ? 0.5 * random.nextDouble() : 0);
        double drift = 0.12 * random.nextGaussian();  // the end misses the start: the radius changes along the way
        double[] wobble = { 0.06 * random.nextDouble(), 0.05 * random.nextDouble(), 0.03 * random.nextDouble() };
        double[] phase = { 2 * Math.PI * random.nextDouble(), 2 * Math.PI * random.nextDouble(), 2 * Math.PI * random.nextDouble() };
        int points = 64;
        double[][] curve = new double[points + 1][];
        for (int k = 0; k <= points; k++) {
            double t = start + sweep * k / points;
            double r = 1 + drift * k / points;
            for (int h = 0; h < wobble.length; h++) {
                r += wobble[h] * Math.sin((h + 2) * t + phase[h]);
            }
            double ex = rx * r * Math.cos(t);
            double ey = ry * r * Math.sin(t);
            curve[k] = new double[] { cx + ex * Math.cos(tilt) - ey * Math.sin(tilt), cy + ex * Math.sin(tilt) + ey * Math.cos(tilt) };
        }
        return curve;
    }

    /** Points along a hand-drawn line: any angle, any length from a third of the frame, straight or slightly bent. */
    private static double[][] line(SplittableRandom random, double width) {
        // Any angle, but people draw level and upright lines more often than any other.
        double angle = random.nextDouble() < 0.1 ? Math.PI / 2 * random.nextInt(2) + 0.05 * random.nextGaussian()
                : Math.PI * random.nextDouble();
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        double span = (SIZE - width) / Math.max(Math.abs(dx), Math.abs(dy));  // the longest line at this angle
        // A third of the lines run off the frame at one end or both, as lines drawn from edge to edge do.
        double over = random.nextDouble() < 0.35 ? 4 * random.nextDouble() : 0;
        double length = SMALLEST + (span + 2 * over - SMALLEST) * random.nextDouble();
        double bend = random.nextDouble() < 0.4 ? 0 : 0.1 * length * random.nextGaussian();
        boolean wave = random.nextDouble() < 0.15;
        double cx = place(random, Math.abs(dx) * (length / 2 - over) + Math.abs(dy * bend) + width / 2);
        double cy = place(random, Math.abs(dy) * (length / 2 - over) + Math.abs(dx * bend) + width / 2);
        double jitter = 0.15 * random.nextDouble();
        int points = 24;
        double[][] curve = new double[points + 1][];
        for (int k = 0; k <= points; k++) {
            double t = -1 + 2.0 * k / points;
            double off = bend * (wave ? Math.sin(Math.PI * t) : 1 - t * t) + jitter * random.nextGaussian();
            curve[k] = new double[] { cx + dx * length / 2 * t - dy * off, cy + dy * length / 2 * t + dx * off };
        }
        return random.nextDouble() < 0.25 ? hooked(curve, length, random) : curve;
    }

    /**
     * The line with a pen's hook at one end or both: a tail of a tenth to a fifth of its length, turned sharply away
     * from the line, as a stroke gets where the pen lands or lifts.
     */
    private static double[][] hooked(double[][] curve, double length, SplittableRandom random) {
        double[][] start = random.nextDouble() < 0.6 ? new double[0][] : tail(curve[0], curve[2], length, random);
        double[][] end = start.length > 0 && random.nextDouble() < 0.5 ? new double[0][]
                : tail(curve[curve.length - 1], curve[curve.length - 3], length, random);
        double[][] hooked = new double[start.length + curve.length + end.length][];
        for (int k = 0; k < start.length; k++) {
            hooked[k] = start[start.length - 1 - k];
        }
        System.arraycopy(curve, 0, hooked, start.length, curve.length);
        System.arraycopy(end, 0, hooked, start.length + curve.length, end.length);
        return hooked;
    }

    /** Points of a tail leaving {@code tip} (reached from {@code before}) at a turn of 60 to 150 degrees. */
    private static double[][] tail(double[] tip, double[] before, double lineLength, SplittableRandom random) {
        double heading = Math.atan2(tip[1] - before[1], tip[0] - before[0]);
        double turn = Math.toRadians(60 + 90 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
        double length = lineLength * (0.1 + 0.1 * random.nextDouble());
        double[][] points = new double[4][];
        for (int k = 1; k <= points.length; k++) {
            double r = length * k / points.length;
            double direction = heading + turn;
            points[k - 1] = new double[] { tip[0] + r * Math.cos(direction), tip[1] + r * Math.sin(direction) };
        }
        return points;
    }

    /** A centre coordinate for a figure reaching {@code half} either side of it, inside the frame where it fits. */
    private static double place(SplittableRandom random, double half) {
        double low = half - 0.5;
        double high = SIZE - 0.5 - half;
        return low >= high ? (SIZE - 1) / 2.0 + 0.3 * random.nextGaussian() : low + (high - low) * random.nextDouble();
    }

    /** How a drawing is inked: the tool, the stroke's width, the colours of ink and paper, the scanner's noise. */
    private record Ink(boolean pencil, double width, double[] ink, double[] paper, double noise) {

        /** Supersampling factor for pen strokes: they are drawn at 64x64 and averaged down to 16x16. */
        private static final int FINE = 4;
        /** The tutorial's one other colour: a light grey some drawings are filled with. */
        private static final double FILL = 242;

        static Ink random(SplittableRandom random) {
            boolean pencil = random.nextDouble() < 0.3;
            double width = pencil ? 1 : 0.6 + 2.4 * random.nextDouble();
            double dark = pencil ? 0 : 70 * random.nextDouble() * random.nextDouble();
            double blue = random.nextDouble() < 0.25 ? 60 * random.nextDouble() : 0;
            double[] ink = { dark, dark + blue / 3, dark + blue };
            double white = pencil ? 255 : 255 - 25 * random.nextDouble() * random.nextDouble();
            double[] paper = { white, white, white - (random.nextDouble() < 0.2 ? 12 * random.nextDouble() : 0) };
            double noise = !pencil && random.nextDouble() < 0.3 ? 4 * random.nextDouble() : 0;
            return new Ink(pencil, width, ink, paper, noise);
        }

        BufferedImage render(double[][] curve, boolean filled, SplittableRandom random) {
            double[] coverage = pencil ? pencil(curve) : pen(curve);
            BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_3BYTE_BGR);
            int[] rgb = new int[3];
            for (int i = 0; i < SIZE * SIZE; i++) {
                double grain = noise * random.nextGaussian();
                for (int c = 0; c < 3; c++) {
                    double base = filled && inside(curve, i % SIZE, i / SIZE) ? FILL : paper[c];
                    rgb[c] = (int) Math.max(0, Math.min(255, Math.round(base + coverage[i] * (ink[c] - base) + grain)));
                }
                image.getRaster().setPixel(i % SIZE, i / SIZE, rgb);
            }
            return image;
        }

        /** A one-pixel 8-connected stroke through the rounded points, as a paint program's pencil draws it. */
        private static double[] pencil(double[][] curve) {
            double[] coverage = new double[SIZE * SIZE];
            for (int k = 1; k < curve.length; k++) {
                segment(coverage, (int) Math.round(curve[k - 1][0]), (int) Math.round(curve[k - 1][1]),
                        (int) Math.round(curve[k][0]), (int) Math.round(curve[k][1]));
            }
            return coverage;
        }

        private static void segment(double[] coverage, int x0, int y0, int x1, int y1) {
            int dx = Math.abs(x1 - x0);
            int dy = -Math.abs(y1 - y0);
            int sx = x0 < x1 ? 1 : -1;
            int sy = y0 < y1 ? 1 : -1;
            int error = dx + dy;
            while (true) {
                if (x0 >= 0 && x0 < SIZE && y0 >= 0 && y0 < SIZE) {
                    coverage[y0 * SIZE + x0] = 1;   // the frame clips what runs off it
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

        /** The share of each pixel a round pen of {@link #width} covers as it follows the curve. */
        private double[] pen(double[][] curve) {
            double[] coverage = new double[SIZE * SIZE];
            double radius = width / 2;
            for (int fy = 0; fy < SIZE * FINE; fy++) {
                for (int fx = 0; fx < SIZE * FINE; fx++) {
                    double x = (fx + 0.5) / FINE - 0.5;
                    double y = (fy + 0.5) / FINE - 0.5;
                    if (distance(curve, x, y) <= radius) {
                        coverage[(fy / FINE) * SIZE + fx / FINE] += 1.0 / (FINE * FINE);
                    }
                }
            }
            return coverage;
        }

        /** The distance from (x, y) to the polyline through the curve's points. */
        private static double distance(double[][] curve, double x, double y) {
            double best = Double.MAX_VALUE;
            for (int k = 1; k < curve.length; k++) {
                double ax = curve[k - 1][0];
                double ay = curve[k - 1][1];
                double vx = curve[k][0] - ax;
                double vy = curve[k][1] - ay;
                double length2 = vx * vx + vy * vy;
                double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / length2));
                best = Math.min(best, Math.hypot(x - ax - t * vx, y - ay - t * vy));
            }
            return best;
        }

        /** Whether a pixel lies inside the closed curve (an even number of crossings to its right means outside). */
        private static boolean inside(double[][] curve, double x, double y) {
            boolean in = false;
            for (int k = 1; k < curve.length; k++) {
                double[] a = curve[k - 1];
                double[] b = curve[k];
                if ((a[1] > y) != (b[1] > y) && x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1])) {
                    in = !in;
                }
            }
            return in;
        }
    }
}
