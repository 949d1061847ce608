package dev.mlpkit.datasets.generate;

import java.util.SplittableRandom;

/**
 * The degenerate pictures a classifier meets and must not call galaxies: one uniform colour (black, white, grey or
 * any other), linear and radial gradients, and noise (Gaussian, uniform or salt and pepper, grey or coloured, on any
 * mean brightness).
 */
final class PlainImages {

    private PlainImages() {
    }

    /**
     * Paints a plain picture on {@code c}. Four in ten are dark: black (exactly, for a sixth of all plain pictures) or
     * nearly, with at most faint noise or a faint gradient. The darkest pictures are the ones most like an empty night
     * sky, so they need many examples of their own.
     */
    static void paint(Canvas c, SplittableRandom random) {
        double share = random.nextDouble();
        if (share < 0.4) {
            boolean black = share < 0.16;
            double v = black ? 0 : 12 * random.nextDouble() * random.nextDouble();
            double faint = black || random.nextDouble() < 0.5 ? 0 : 4 * random.nextDouble();
            double slope = black || random.nextDouble() < 0.5 ? 0 : 15 * random.nextDouble() / c.height;
            for (int y = 0, i = 0; y < c.height; y++) {
                for (int x = 0; x < c.width; x++, i++) {
                    double n = v + slope * y + faint * random.nextGaussian();
                    c.add(i, n, n, n * (1 + 0.1 * random.nextDouble()));
                }
            }
            return;
        }
        double kind = random.nextDouble();
        if (kind < 0.25) {
            uniform(c, random);
        } else if (kind < 0.75) {
            gradient(c, random);
        } else {
            noise(c, random);
        }
    }

    private static void uniform(Canvas c, SplittableRandom random) {
        double[] colour = colour(random);
        c.fill(colour[0], colour[1], colour[2]);
    }

    private static void gradient(Canvas c, SplittableRandom random) {
        // Half of them run from near black to a light grey, the gradients most like a glow in the dark.
        boolean greys = random.nextBoolean();
        double dark = 30 * random.nextDouble();
        double light = 150 + 105 * random.nextDouble();
        double[] from = greys ? new double[] { dark, dark, dark } : colour(random);
        double[] to = greys ? new double[] { light, light, light } : colour(random);
        boolean radial = random.nextDouble() < 0.5;
        double angle = 2 * Math.PI * random.nextDouble();
        double cx = c.width * random.nextDouble();
        double cy = c.height * random.nextDouble();
        double reach = Math.hypot(c.width, c.height) * (0.3 + 0.7 * random.nextDouble());
        for (int y = 0, i = 0; y < c.height; y++) {
            for (int x = 0; x < c.width; x++, i++) {
                double t = radial ? Math.hypot(x - cx, y - cy) / reach
                        : 0.5 + ((x - c.width / 2.0) * Math.cos(angle) + (y - c.height / 2.0) * Math.sin(angle)) / reach;
                t = Math.max(0, Math.min(1, t));
                c.add(i, from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1]), from[2] + t * (to[2] - from[2]));
            }
        }
    }

    private static void noise(Canvas c, SplittableRandom random) {
        double[] mean = colour(random);
        double spread = 10 + 90 * random.nextDouble();
        boolean grey = random.nextBoolean();
        double kind = random.nextDouble();
        for (int i = 0; i < c.width * c.height; i++) {
            if (kind < 0.2) {
                double v = random.nextDouble() < 0.5 ? 0 : 255;
                c.add(i, random.nextDouble() < 0.3 ? v : mean[0], random.nextDouble() < 0.3 ? v : mean[1], mean[2]);
            } else {
                double n = kind < 0.6 ? spread * random.nextGaussian() : spread * 1.7 * (random.nextDouble() - 0.5);
                c.add(i, mean[0] + n, mean[1] + (grey ? n : spread * random.nextGaussian()),
                        mean[2] + (grey ? n : spread * random.nextGaussian()));
            }
        }
    }

    /** Black (most often: the darkest pictures are the ones most like a night sky), white, a grey or any colour. */
    private static double[] colour(SplittableRandom random) {
        double kind = random.nextDouble();
        if (kind < 0.35) {
            double v = 25 * random.nextDouble() * random.nextDouble();
            return new double[] { v, v, v };
        }
        if (kind < 0.47) {
            double v = 230 + 25 * random.nextDouble();
            return new double[] { v, v, v };
        }
        if (kind < 0.7) {
            double v = 255 * random.nextDouble();
            return new double[] { v, v, v };
        }
        return new double[] { 255 * random.nextDouble(), 255 * random.nextDouble(), 255 * random.nextDouble() };
    }
}
