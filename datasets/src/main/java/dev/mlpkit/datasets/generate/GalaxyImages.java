package dev.mlpkit.datasets.generate;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * 424x424 colour images that look like the Galaxy Zoo's SDSS cut-outs: one galaxy in the middle on a dark, noisy sky
 * with foreground stars and small background galaxies, in an asinh stretch (bright cores, faint extended light).
 *
 * <p>Galaxies are ellipticals (Sersic profiles of index 2 to 5), spirals (a bulge, an exponential disk and two to four
 * logarithmic arms, at any inclination and rotation), edge-on disks (some with a dust lane), irregulars (clumps of
 * young blue light) and mergers (two galaxies, sometimes with a tidal tail). Their sizes, colours and brightness vary
 * as in the survey: reddish-yellow old populations, bluish star-forming disks.
 */
public final class GalaxyImages {

    /** Galaxy Zoo cut-outs are 424x424. */
    public static final int SIZE = 424;
    private static final double[] OLD_STARS = { 1.0, 0.82, 0.62 };
    private static final double[] YOUNG_STARS = { 0.75, 0.82, 1.0 };
    private static final double[] DISK_STARS = { 0.95, 0.88, 0.8 };

    private GalaxyImages() {
    }

    /** One galaxy image, from {@code seed}. */
    public static BufferedImage draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] flux = new double[3][SIZE * SIZE];
        double cx = SIZE / 2.0 + random.nextGaussian() * 4;
        double cy = SIZE / 2.0 + random.nextGaussian() * 4;
        double scale = 10 + 28 * random.nextDouble();  // effective radius in pixels
        double brightness = 0.6 + 1.8 * random.nextDouble();
        double kind = random.nextDouble();
        if (kind < 0.30) {
            elliptical(flux, random, cx, cy, scale, brightness);
        } else if (kind < 0.68) {
            spiral(flux, random, cx, cy, scale * 1.3, brightness);
        } else if (kind < 0.80) {
            edgeOn(flux, random, cx, cy, scale * 1.6, brightness);
        } else if (kind < 0.90) {
            irregular(flux, random, cx, cy, scale, brightness);
        } else {
            double angle = 2 * Math.PI * random.nextDouble();
            double separation = scale * (1.2 + 1.5 * random.nextDouble());
            double dx = Math.cos(angle) * separation / 2;
            double dy = Math.sin(angle) * separation / 2;
            elliptical(flux, random, cx + dx, cy + dy, scale * 0.8, brightness);
            if (random.nextBoolean()) {
                spiral(flux, random, cx - dx, cy - dy, scale, brightness * 0.7);
            } else {
                elliptical(flux, random, cx - dx, cy - dy, scale * 0.6, brightness * 0.6);
            }
            if (random.nextBoolean()) {
                tidalTail(flux, random, cx, cy, separation, brightness * 0.15);
            }
        }
        int stars = poisson(random, 7);
        for (int s = 0; s < stars; s++) {
            star(flux, random);
        }
        int backgroundGalaxies = poisson(random, 4);
        for (int s = 0; s < backgroundGalaxies; s++) {
            double bx = SIZE * random.nextDouble();
            double by = SIZE * random.nextDouble();
            sersic(flux, bx, by, 1.5 + 3 * random.nextDouble(), 0.4 + 0.6 * random.nextDouble(), Math.PI * random.nextDouble(),
                    1 + 2 * random.nextDouble(), 0.05 + 0.25 * random.nextDouble(), random.nextBoolean() ? OLD_STARS : YOUNG_STARS);
        }
        return render(flux, random);
    }

    private static void elliptical(double[][] flux, SplittableRandom random, double cx, double cy, double re, double peak) {
        double n = 2 + 3 * random.nextDouble();
        double q = 0.45 + 0.55 * random.nextDouble();
        sersic(flux, cx, cy, re, q, Math.PI * random.nextDouble(), n, peak, tint(random, OLD_STARS, 0.08));
    }

    private static void spiral(double[][] flux, SplittableRandom random, double cx, double cy, double rd, double peak) {
        double q = 0.3 + 0.7 * random.nextDouble();                 // inclination as an axis ratio
        double angle = Math.PI * random.nextDouble();
        int arms = 2 + (random.nextDouble() < 0.2 ? 1 + random.nextInt(2) : 0);
        double pitch = Math.toRadians(12 + 18 * random.nextDouble());
        double phase = 2 * Math.PI * random.nextDouble();
        double armStrength = 0.5 + 0.5 * random.nextDouble();
        int chirality = random.nextBoolean() ? 1 : -1;
        double[] disk = tint(random, random.nextDouble() < 0.35 ? YOUNG_STARS : DISK_STARS, 0.1);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        int reach = (int) Math.min(SIZE, 6 * rd);
        for (int y = Math.max(0, (int) cy - reach); y < Math.min(SIZE, (int) cy + reach); y++) {
            for (int x = Math.max(0, (int) cx - reach); x < Math.min(SIZE, (int) cx + reach); x++) {
                double u = (x - cx) * cos + (y - cy) * sin;
                double v = (-(x - cx) * sin + (y - cy) * cos) / q;
                double r = Math.hypot(u, v) + 1e-9;
                double theta = Math.atan2(v, u);
                double spiralPhase = arms * (theta - chirality * Math.log(r / rd + 0.1) / Math.tan(pitch)) + phase;
                double arm = 1 + armStrength * (Math.pow(0.5 + 0.5 * Math.cos(spiralPhase), 3) * 2 - 0.6);
                double value = 0.6 * peak * Math.exp(-r / rd) * Math.max(0.1, arm);
                int i = y * SIZE + x;
                for (int c = 0; c < 3; c++) {
                    flux[c][i] += value * disk[c];
                }
            }
        }
        sersic(flux, cx, cy, rd * (0.2 + 0.2 * random.nextDouble()), Math.max(q, 0.6), angle, 3, peak * 1.2,
                tint(random, OLD_STARS, 0.06));
    }

    private static void edgeOn(double[][] flux, SplittableRandom random, double cx, double cy, double rd, double peak) {
        double angle = Math.PI * random.nextDouble();
        double thickness = 0.07 + 0.12 * random.nextDouble();
        boolean dust = random.nextDouble() < 0.5;
        double[] colour = tint(random, new double[] { 0.95, 0.85, 0.8 }, 0.08);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        int reach = (int) Math.min(SIZE, 6 * rd);
        for (int y = Math.max(0, (int) cy - reach); y < Math.min(SIZE, (int) cy + reach); y++) {
            for (int x = Math.max(0, (int) cx - reach); x < Math.min(SIZE, (int) cx + reach); x++) {
                double u = (x - cx) * cos + (y - cy) * sin;
                double v = -(x - cx) * sin + (y - cy) * cos;
                double value = 0.5 * peak * Math.exp(-Math.abs(u) / rd - Math.abs(v) / (thickness * rd));
                if (dust) {
                    value *= 1 - 0.6 * Math.exp(-Math.pow(v / (0.3 * thickness * rd), 2));
                }
                int i = y * SIZE + x;
                for (int c = 0; c < 3; c++) {
                    flux[c][i] += value * colour[c];
                }
            }
        }
        sersic(flux, cx, cy, rd * 0.25, 0.7, angle, 2.5, peak * 0.8, tint(random, OLD_STARS, 0.05));
    }

    private static void irregular(double[][] flux, SplittableRandom random, double cx, double cy, double size, double peak) {
        int clumps = 4 + random.nextInt(8);
        for (int k = 0; k < clumps; k++) {
            double x = cx + random.nextGaussian() * size * 0.7;
            double y = cy + random.nextGaussian() * size * 0.7;
            sersic(flux, x, y, size * (0.15 + 0.35 * random.nextDouble()), 0.5 + 0.5 * random.nextDouble(),
                    Math.PI * random.nextDouble(), 1, peak * (0.2 + 0.5 * random.nextDouble()), tint(random, YOUNG_STARS, 0.1));
        }
    }

    private static void tidalTail(double[][] flux, SplittableRandom random, double cx, double cy, double length, double peak) {
        double start = 2 * Math.PI * random.nextDouble();
        double curl = (random.nextBoolean() ? 1 : -1) * (0.8 + random.nextDouble());
        for (int k = 0; k < 40; k++) {
            double t = k / 40.0;
            double r = length * (0.5 + 1.5 * t);
            double a = start + curl * t;
            sersic(flux, cx + r * Math.cos(a), cy + r * Math.sin(a), 3 + 4 * random.nextDouble(), 0.8, 0, 1,
                    peak * (1 - t), YOUNG_STARS);
        }
    }

    /** A foreground star: a point blurred by the seeing, now and then a bright one with a wide halo. */
    private static void star(double[][] flux, SplittableRandom random) {
        double x = SIZE * random.nextDouble();
        double y = SIZE * random.nextDouble();
        double sigma = 1.1 + 0.8 * random.nextDouble();
        double peak = Math.pow(random.nextDouble(), 3) * 6 + 0.1;
        double[] colour = random.nextDouble() < 0.5 ? tint(random, new double[] { 1, 0.9, 0.8 }, 0.15)
                : tint(random, new double[] { 0.85, 0.9, 1 }, 0.15);
        gaussian(flux, x, y, sigma, peak, colour);
        if (peak > 3) {
            gaussian(flux, x, y, sigma * 4, peak * 0.03, colour);
        }
    }

    private static void gaussian(double[][] flux, double cx, double cy, double sigma, double peak, double[] colour) {
        int reach = (int) Math.ceil(4 * sigma);
        for (int y = Math.max(0, (int) cy - reach); y <= Math.min(SIZE - 1, (int) cy + reach); y++) {
            for (int x = Math.max(0, (int) cx - reach); x <= Math.min(SIZE - 1, (int) cx + reach); x++) {
                double value = peak * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma));
                for (int c = 0; c < 3; c++) {
                    flux[c][y * SIZE + x] += value * colour[c];
                }
            }
        }
    }

    /**
     * A Sersic profile {@code I(r) = Ie exp(-b_n ((r / re)^(1/n) - 1))} with {@code b_n ~ 2n - 1/3}; {@code Ie}, the
     * brightness at the effective radius, is a fraction of {@code peak}, and the cusp is capped, since the stretch
     * saturates there anyway.
     */
    private static void sersic(double[][] flux, double cx, double cy, double re, double q, double angle, double n,
            double peak, double[] colour) {
        double bn = 2 * n - 1.0 / 3;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        int reach = (int) Math.min(SIZE, Math.max(4, 8 * re));
        for (int y = Math.max(0, (int) cy - reach); y < Math.min(SIZE, (int) cy + reach); y++) {
            for (int x = Math.max(0, (int) cx - reach); x < Math.min(SIZE, (int) cx + reach); x++) {
                double u = (x - cx) * cos + (y - cy) * sin;
                double v = (-(x - cx) * sin + (y - cy) * cos) / q;
                double r = Math.hypot(u, v);
                double value = Math.min(peak * 0.25 * Math.exp(-bn * (Math.pow(r / re, 1 / n) - 1)), peak * 1.2);
                int i = y * SIZE + x;
                for (int c = 0; c < 3; c++) {
                    flux[c][i] += value * colour[c];
                }
            }
        }
    }

    /** Sky, noise and the survey's asinh stretch, into 8-bit colour. */
    private static BufferedImage render(double[][] flux, SplittableRandom random) {
        double level = 0.008 + 0.02 * random.nextDouble();
        double[] sky = { level * (1 + 0.15 * random.nextGaussian()), level * (1 + 0.15 * random.nextGaussian()),
            level * (1 + 0.15 * random.nextGaussian()) };
        double noise = 0.006 + 0.012 * random.nextDouble();
        double softening = 0.25 + 0.35 * random.nextDouble();
        double norm = Math.log(1 / softening + Math.sqrt(1 + 1 / (softening * softening)));
        Canvas canvas = new Canvas(SIZE, SIZE);
        for (int i = 0; i < SIZE * SIZE; i++) {
            double[] rgb = new double[3];
            for (int c = 0; c < 3; c++) {
                double f = Math.max(0, flux[c][i] + sky[c] + noise * random.nextGaussian());
                double stretched = Math.log(f / softening + Math.sqrt(1 + (f / softening) * (f / softening))) / norm;
                rgb[c] = 255 * Math.min(1, stretched * 0.75);
            }
            canvas.add(i, rgb[0], rgb[1], rgb[2]);
        }
        return canvas.toImage();
    }

    private static double[] tint(SplittableRandom random, double[] colour, double spread) {
        return new double[] { colour[0] * (1 + spread * random.nextGaussian()), colour[1] * (1 + spread * random.nextGaussian()),
            colour[2] * (1 + spread * random.nextGaussian()) };
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
