package dev.mlpkit.datasets.generate;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 28x28 grey handwritten-looking digits, as MNIST has them (white ink on black): each digit is a few pen strokes in a
 * unit box (with the variants people write: a 1 with or without its flag or foot, a 7 with or without a bar, an open
 * or a closed 4), every control point nudged, then slanted, rotated, stretched, sized and placed at random, and drawn
 * with an anti-aliased pen of random width and pressure. No fonts are used, so the same seed makes the same images on
 * every machine.
 */
public final class Digits {

    /** Images are 28x28 pixels. */
    public static final int SIZE = 28;

    private Digits() {
    }

    /** One image of {@code digit} (0 to 9), from {@code seed}. */
    public static BufferedImage draw(int digit, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[][]> strokes = strokes(digit, random.nextInt(3));
        double jitter = 0.03 + 0.05 * random.nextDouble();
        double angle = Math.toRadians(-20 + 40 * random.nextDouble());
        double slant = -0.45 + 0.8 * random.nextDouble();
        double height = 13 + 10 * random.nextDouble();
        double width = height * (0.6 + 0.5 * random.nextDouble());
        double cx = SIZE / 2.0 + (random.nextDouble() - 0.5) * 6;
        double cy = SIZE / 2.0 + (random.nextDouble() - 0.5) * 6;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        List<double[][]> placed = new ArrayList<>();
        for (double[][] stroke : strokes) {
            double dx = random.nextGaussian() * jitter;
            double dy = random.nextGaussian() * jitter;
            // A pen starts late or lifts early now and then: up to a tenth of the stroke is left out at each end.
            int from = (int) (stroke.length * 0.1 * random.nextDouble() * random.nextDouble());
            int to = stroke.length - (int) (stroke.length * 0.1 * random.nextDouble() * random.nextDouble());
            stroke = java.util.Arrays.copyOfRange(stroke, from, Math.max(from + 2, to));
            double[][] points = new double[stroke.length][];
            for (int k = 0; k < stroke.length; k++) {
                // Neighbouring points move together, so a stroke bends instead of shaking.
                dx = 0.85 * dx + 0.35 * random.nextGaussian() * jitter;
                dy = 0.85 * dy + 0.35 * random.nextGaussian() * jitter;
                double u = stroke[k][0] - 0.5 + dx;
                double v = stroke[k][1] - 0.5 + dy;
                double x = (u - slant * v) * width;
                double y = v * height;
                points[k] = new double[] { cx + cos * x - sin * y, cy + sin * x + cos * y };
            }
            placed.add(points);
        }
        double radius = 0.7 + 1.5 * random.nextDouble();
        double ink = 0.6 + 0.4 * random.nextDouble();
        return render(inFrame(placed, radius + 1), radius, ink, random);
    }

    /** The strokes moved, and shrunk if need be, so that all of them lie at least {@code margin} inside the frame. */
    private static List<double[][]> inFrame(List<double[][]> strokes, double margin) {
        double[] low = { Double.MAX_VALUE, Double.MAX_VALUE };
        double[] high = { -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (double[][] stroke : strokes) {
            for (double[] p : stroke) {
                for (int c = 0; c < 2; c++) {
                    low[c] = Math.min(low[c], p[c]);
                    high[c] = Math.max(high[c], p[c]);
                }
            }
        }
        double room = SIZE - 2 * margin;
        double scale = Math.min(1, room / Math.max(high[0] - low[0], high[1] - low[1]));
        double[] move = new double[2];
        for (int c = 0; c < 2; c++) {
            double centre = (low[c] + high[c]) / 2;
            double half = (high[c] - low[c]) * scale / 2;
            double fitted = Math.max(margin + half, Math.min(SIZE - margin - half, centre));
            move[c] = fitted - centre;
        }
        List<double[][]> fitted = new ArrayList<>();
        for (double[][] stroke : strokes) {
            double[][] points = new double[stroke.length][];
            for (int k = 0; k < stroke.length; k++) {
                points[k] = new double[2];
                for (int c = 0; c < 2; c++) {
                    double centre = (low[c] + high[c]) / 2;
                    points[k][c] = centre + (stroke[k][c] - centre) * scale + move[c];
                }
            }
            fitted.add(points);
        }
        return fitted;
    }

    /**
     * The strokes of {@code digit} in a unit box (x right, y down), in one of its written variants (0 to 2: a 1 plain,
     * with a flag, or with a flag and a foot as print has it; the other digits have two, 2 meaning 0).
     */
    static List<double[][]> strokes(int digit, int variant) {
        if (digit == 1 && variant == 2) {
            return of(poly(0.28, 0.25, 0.55, 0.05, 0.52, 0.95), line(0.25, 0.95, 0.78, 0.95));
        }
        variant %= 2;
        return switch (digit) {
            case 0 -> of(arc(0.5, 0.5, 0.3, 0.45, 0, 370));
            case 1 -> variant == 0 ? of(line(0.52, 0.05, 0.48, 0.95))
                    : of(poly(0.28, 0.28, 0.55, 0.05, 0.5, 0.95));
            case 2 -> of(join(arc(0.5, 0.3, 0.3, 0.25, 190, 380), poly(0.78, 0.42, 0.18, 0.95, 0.85, 0.93)));
            case 3 -> of(join(arc(0.5, 0.28, 0.28, 0.23, 200, 450), arc(0.5, 0.73, 0.32, 0.23, 270, 520)));
            case 4 -> variant == 0 ? of(poly(0.62, 0.05, 0.12, 0.65, 0.88, 0.65), line(0.65, 0.3, 0.65, 0.95))
                    : of(poly(0.22, 0.05, 0.18, 0.58, 0.85, 0.58), line(0.7, 0.1, 0.68, 0.95));
            case 5 -> of(join(poly(0.8, 0.05, 0.3, 0.05, 0.25, 0.45), arc(0.5, 0.68, 0.3, 0.27, 225, 500)));
            case 6 -> of(join(poly(0.72, 0.05, 0.45, 0.22, 0.28, 0.5), arc(0.5, 0.7, 0.24, 0.24, 180, 540)));
            case 7 -> variant == 0 ? of(poly(0.15, 0.05, 0.85, 0.05, 0.4, 0.95))
                    : of(poly(0.15, 0.08, 0.85, 0.05, 0.4, 0.95), line(0.35, 0.5, 0.75, 0.5));
            case 8 -> of(arc(0.5, 0.27, 0.24, 0.22, 90, 450), arc(0.5, 0.72, 0.29, 0.24, 270, 630));
            case 9 -> variant == 0 ? of(join(arc(0.5, 0.3, 0.27, 0.25, 0, 360), line(0.77, 0.3, 0.7, 0.95)))
                    : of(join(arc(0.48, 0.3, 0.27, 0.25, 10, 370), arc(0.25, 0.3, 0.52, 0.65, 0, 80)));
            default -> throw new IllegalArgumentException("a digit is 0 to 9, not " + digit);
        };
    }

    private static List<double[][]> of(double[][]... strokes) {
        return List.of(strokes);
    }

    /** Points along an elliptical arc from {@code from} to {@code to} degrees (0 is right, 90 is down). */
    private static double[][] arc(double cx, double cy, double rx, double ry, double from, double to) {
        int n = (int) Math.ceil(Math.abs(to - from) / 10) + 1;
        double[][] points = new double[n][];
        for (int k = 0; k < n; k++) {
            double t = Math.toRadians(from + (to - from) * k / (n - 1));
            points[k] = new double[] { cx + rx * Math.cos(t), cy + ry * Math.sin(t) };
        }
        return points;
    }

    private static double[][] line(double x0, double y0, double x1, double y1) {
        return poly(x0, y0, x1, y1);
    }

    /** A polyline through the points {@code (xy[0], xy[1]), (xy[2], xy[3]), ...}, with points every tenth. */
    private static double[][] poly(double... xy) {
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k + 3 < xy.length; k += 2) {
            for (int s = 0; s < 8; s++) {
                double t = s / 8.0;
                points.add(new double[] { xy[k] + t * (xy[k + 2] - xy[k]), xy[k + 1] + t * (xy[k + 3] - xy[k + 1]) });
            }
        }
        points.add(new double[] { xy[xy.length - 2], xy[xy.length - 1] });
        return points.toArray(new double[0][]);
    }

    private static double[][] join(double[][] first, double[][] second) {
        double[][] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /**
     * Draws the strokes as a round pen of {@code radius} pixels: each pixel's ink is how far inside the pen it lies
     * (one pixel of anti-aliased edge), times the pen's pressure, with a little sensor noise.
     */
    private static BufferedImage render(List<double[][]> strokes, double radius, double ink, SplittableRandom random) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double d = Double.MAX_VALUE;
                for (double[][] stroke : strokes) {
                    for (int k = 0; k + 1 < stroke.length; k++) {
                        d = Math.min(d, distance(x + 0.5, y + 0.5, stroke[k], stroke[k + 1]));
                    }
                }
                double coverage = Math.max(0, Math.min(1, radius + 0.5 - d));
                double value = 255 * ink * coverage + 6 * random.nextGaussian();
                image.getRaster().setSample(x, y, 0, (int) Math.round(Math.max(0, Math.min(255, value))));
            }
        }
        return image;
    }

    /** The distance from ({@code px}, {@code py}) to the segment from {@code a} to {@code b}. */
    private static double distance(double px, double py, double[] a, double[] b) {
        double vx = b[0] - a[0];
        double vy = b[1] - a[1];
        double length2 = vx * vx + vy * vy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * vx + (py - a[1]) * vy) / length2));
        return Math.hypot(px - a[0] - t * vx, py - a[1] - t * vy);
    }
}
