package dev.mlpkit.datasets.generate;

import java.util.SplittableRandom;

/**
 * What a camera and its owner do to a scene: contrast and exposure, muted or faded colours, a vignette, focus blur
 * (a shallow depth of field or a shaken hand) and sensor noise.
 */
final class Camera {

    private Camera() {
    }

    /** Finishes a painted scene as a photograph. */
    static void finish(Canvas c, SplittableRandom random) {
        int n = c.width * c.height;
        double contrast = 0.6 + 0.9 * random.nextDouble();
        double saturation = random.nextDouble() < 0.4 ? 0.2 + 0.6 * random.nextDouble() : 1;
        for (int i = 0; i < n; i++) {
            double grey = (c.r[i] + c.g[i] + c.b[i]) / 3;
            c.r[i] = (float) (128 + contrast * (grey + saturation * (c.r[i] - grey) - 128));
            c.g[i] = (float) (128 + contrast * (grey + saturation * (c.g[i] - grey) - 128));
            c.b[i] = (float) (128 + contrast * (grey + saturation * (c.b[i] - grey) - 128));
        }
        if (random.nextDouble() < 0.3) {
            blur(c, 1 + random.nextInt(6));
        }
        double exposure = Math.exp(0.4 * random.nextGaussian());
        double vignette = 0.5 * random.nextDouble();
        double sensor = 1 + 5 * random.nextDouble();
        for (int y = 0, i = 0; y < c.height; y++) {
            for (int x = 0; x < c.width; x++, i++) {
                double edge = Math.hypot(x - c.width / 2.0, y - c.height / 2.0) / (c.width / Math.sqrt(2));
                c.scale(i, exposure * (1 - vignette * edge * edge));
                double grain = sensor * random.nextGaussian();
                c.add(i, grain, grain, grain);
            }
        }
    }

    /** A box blur of the given radius, run twice (close to a Gaussian), along rows and then columns. */
    static void blur(Canvas c, int radius) {
        for (float[] channel : new float[][] { c.r, c.g, c.b }) {
            for (int pass = 0; pass < 2; pass++) {
                boxes(channel, c.width, c.height, 1, c.width, radius);
                boxes(channel, c.height, c.width, c.width, 1, radius);
            }
        }
    }

    /** Averages each of {@code lines} runs of {@code length} values ({@code step} apart) over a sliding window. */
    private static void boxes(float[] v, int length, int lines, int step, int lineStep, int radius) {
        float[] run = new float[length];
        for (int line = 0; line < lines; line++) {
            int base = line * lineStep;
            double sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += v[base + Math.max(0, Math.min(length - 1, k)) * step];
            }
            for (int k = 0; k < length; k++) {
                run[k] = (float) (sum / (2 * radius + 1));
                sum += v[base + Math.min(length - 1, k + radius + 1) * step] - v[base + Math.max(0, k - radius) * step];
            }
            for (int k = 0; k < length; k++) {
                v[base + k * step] = run[k];
            }
        }
    }
}
