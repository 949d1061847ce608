package dev.mlpkit.datasets.generate;

import java.util.SplittableRandom;

/**
 * Smooth random fields for textures, clouds, terrain and sky noise: octaves of value noise (random values on a grid,
 * smoothly interpolated), each twice as fine and {@code persistence} times as strong as the last. Seeded, so the same
 * seed gives the same field.
 */
final class ValueNoise {

    private static final int GRID = 256;
    private final float[] values = new float[GRID * GRID];

    ValueNoise(SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
    }

    /** Fractal noise at (x, y), roughly in [0, 1]: {@code octaves} layers starting at {@code scale} pixels per cell. */
    double fractal(double x, double y, double scale, int octaves, double persistence) {
        double sum = 0;
        double amplitude = 1;
        double total = 0;
        double frequency = 1 / scale;
        for (int o = 0; o < octaves; o++) {
            sum += amplitude * smooth(x * frequency + 17.3 * o, y * frequency + 31.7 * o);
            total += amplitude;
            amplitude *= persistence;
            frequency *= 2;
        }
        return sum / total;
    }

    /** One octave: bilinear interpolation with smoothstep weights between grid values. */
    double smooth(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        fx = fx * fx * (3 - 2 * fx);
        fy = fy * fy * (3 - 2 * fy);
        double a = at(x0, y0);
        double b = at(x0 + 1, y0);
        double c = at(x0, y0 + 1);
        double d = at(x0 + 1, y0 + 1);
        return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
    }

    private double at(int x, int y) {
        return values[Math.floorMod(y, GRID) * GRID + Math.floorMod(x, GRID)];
    }
}
