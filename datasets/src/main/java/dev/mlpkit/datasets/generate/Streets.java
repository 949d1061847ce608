package dev.mlpkit.datasets.generate;

import static dev.mlpkit.datasets.generate.NonGalaxyImages.mix;
import static dev.mlpkit.datasets.generate.NonGalaxyImages.vary;

import java.util.SplittableRandom;

/**
 * Scenes with depth and light in the dark, the photographs most easily taken for galaxies: forests of vertical
 * trunks, streets in one-point perspective with the sky or a setting sun at their end, and lamps, headlights or a
 * low sun glowing in a dark scene, in the middle of the picture as often as not.
 */
final class Streets {

    private Streets() {
    }

    /** Trunks of many widths and shades before a bright or misty background, on a darker floor. */
    static void forest(Canvas c, SplittableRandom random, ValueNoise noise) {
        int size = c.width;
        double[] light = vary(random, new double[] { 190, 200, 190 }, 40);
        double[] floor = vary(random, new double[] { 70, 65, 45 }, 25);
        double horizon = size * (0.5 + 0.3 * random.nextDouble());
        for (int y = 0, i = 0; y < size; y++) {
            for (int x = 0; x < size; x++, i++) {
                double[] base = y < horizon ? mix(light, floor, 0.6 * y / horizon) : floor;
                double grain = 0.8 + 0.4 * noise.fractal(x, y, 25, 4, 0.5);
                c.add(i, base[0] * grain, base[1] * grain, base[2] * grain);
            }
        }
        int trunks = 4 + random.nextInt(25);
        for (int k = 0; k < trunks; k++) {
            double depth = random.nextDouble();
            double width = 3 + 40 * depth * depth;
            double x0 = size * random.nextDouble() - width / 2;
            double[] bark = mix(vary(random, new double[] { 50, 40, 30 }, 15), light, 0.7 * (1 - depth));
            for (int y = 0; y < size; y++) {
                for (int x = (int) Math.max(0, x0); x < Math.min(size, x0 + width); x++) {
                    double shade = 0.7 + 0.5 * (x - x0) / width;
                    c.blend(y * size + x, bark[0] * shade, bark[1] * shade, bark[2] * shade, 1);
                }
            }
        }
    }

    /** Walls closing in on a vanishing point near the middle, with a bright sky or sun where they meet. */
    static void street(Canvas c, SplittableRandom random, ValueNoise noise) {
        int size = c.width;
        double vx = size * (0.35 + 0.3 * random.nextDouble());
        double vy = size * (0.3 + 0.4 * random.nextDouble());
        double[] sky = vary(random, random.nextBoolean() ? new double[] { 250, 200, 120 } : new double[] { 200, 215, 235 }, 20);
        double[] wall = vary(random, new double[] { 90, 80, 75 }, 35);
        double[] road = vary(random, new double[] { 70, 70, 75 }, 20);
        double gap = 10 + 50 * random.nextDouble();  // half the width of the sky at the vanishing point
        double glow = 20 + 60 * random.nextDouble();
        for (int y = 0, i = 0; y < size; y++) {
            for (int x = 0; x < size; x++, i++) {
                double dx = x - vx;
                double dy = y - vy;
                double open = gap + Math.abs(dy) * 0.2;  // the sky narrows towards the vanishing point
                double[] base;
                if (dy > 0 && Math.abs(dx) < dy * 1.2) {
                    base = road;
                } else if (Math.abs(dx) < open && dy < 0) {
                    base = sky;
                } else {
                    base = mix(wall, new double[] { 20, 20, 25 }, Math.min(1, Math.abs(dx) / size));
                    double windows = noise.fractal(x * 0.5, y * 3, 12, 2, 0.5) > 0.62 ? 1.6 : 1;
                    base = new double[] { base[0] * windows, base[1] * windows, base[2] * windows };
                }
                double sun = 200 * Math.exp(-Math.hypot(dx, dy) / glow);
                double grain = 0.85 + 0.3 * noise.fractal(x, y, 8, 3, 0.5);
                c.add(i, base[0] * grain + sun, base[1] * grain + sun * 0.8, base[2] * grain + sun * 0.5);
            }
        }
    }

    /** A dark scene lit by a few glowing lights (lamps, headlights, a low sun), above silhouetted land or buildings. */
    static void lights(Canvas c, SplittableRandom random, ValueNoise noise) {
        int size = c.width;
        double[] dark = vary(random, new double[] { 20, 20, 28 }, 10);
        double horizon = size * (0.4 + 0.5 * random.nextDouble());
        for (int y = 0, i = 0; y < size; y++) {
            for (int x = 0; x < size; x++, i++) {
                double ridge = horizon - 80 * noise.fractal(x, 0, 50, 4, 0.5);
                double v = y < ridge ? 1.2 + 0.8 * (double) y / size : 0.4 + 0.3 * noise.fractal(x, y, 15, 3, 0.5);
                c.add(i, dark[0] * v, dark[1] * v, dark[2] * v);
            }
        }
        int lamps = 1 + random.nextInt(6);
        for (int k = 0; k < lamps; k++) {
            boolean middle = k == 0 && random.nextBoolean();
            double lx = middle ? size * (0.4 + 0.2 * random.nextDouble()) : size * random.nextDouble();
            double ly = middle ? size * (0.4 + 0.2 * random.nextDouble()) : size * random.nextDouble();
            double radius = 3 + 25 * random.nextDouble();
            double halo = radius * (1.5 + 4 * random.nextDouble());
            double[] colour = vary(random, new double[] { 255, 210, 140 }, 30);
            for (int y = (int) Math.max(0, ly - 4 * halo); y < Math.min(size, ly + 4 * halo); y++) {
                for (int x = (int) Math.max(0, lx - 4 * halo); x < Math.min(size, lx + 4 * halo); x++) {
                    double d = Math.hypot(x - lx, y - ly);
                    double v = d < radius ? 1 : 0.6 * Math.exp(-(d - radius) / halo);
                    c.add(y * size + x, colour[0] * v, colour[1] * v, colour[2] * v);
                }
            }
        }
    }
}
