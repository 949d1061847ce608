package dev.mlpkit.datasets.generate;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * 300x300 photo-like scenes, the kinds of picture a random-photo service returns (the galaxy tutorial's non-galaxy
 * class came from Lorem Picsum): landscapes under day, sunset or overcast skies, close-up textures (foliage, rock,
 * sand, water, wood), objects on a table or against a wall, interiors, city blocks, forests and streets in
 * perspective, lamps and sunsets in the dark, night skies over dark land, dim scenes lit from one side, and the
 * degenerate pictures of {@link PlainImages}. Bright and dark, busy and plain, sharp and blurred, in colour and
 * nearly grey.
 */
public final class NonGalaxyImages {

    /** Lorem Picsum's images in the tutorial's set are 300x300. */
    public static final int SIZE = 300;
    /** The share of {@link PlainImages}: enough for the tutorial's slow training to learn that blank is no galaxy. */
    private static final double PLAIN = 0.35;

    private NonGalaxyImages() {
    }

    /** One scene, from {@code seed}. */
    public static BufferedImage draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ValueNoise noise = new ValueNoise(random);
        Canvas c = new Canvas(SIZE, SIZE);
        if (random.nextDouble() < PLAIN) {
            PlainImages.paint(c, random);
            if (random.nextDouble() < 0.3) {
                Camera.blur(c, 1 + random.nextInt(8));
            }
            return c.toImage();
        }
        double kind = random.nextDouble();
        if (kind < 0.10) {
            landscape(c, random, noise);
        } else if (kind < 0.19) {
            texture(c, random, noise);
        } else if (kind < 0.27) {
            objects(c, random, noise);
        } else if (kind < 0.34) {
            interior(c, random, noise);
        } else if (kind < 0.42) {
            city(c, random, noise);
        } else if (kind < 0.53) {
            Streets.forest(c, random, noise);
        } else if (kind < 0.64) {
            Streets.street(c, random, noise);
        } else if (kind < 0.75) {
            Streets.lights(c, random, noise);
        } else if (kind < 0.80) {
            night(c, random, noise);
        } else if (kind < 0.86) {
            dimScene(c, random, noise);
        } else {
            texture(c, random, noise);
            deadLeaves(c, random, noise, 0, 40 + 100 * random.nextDouble());
        }
        if (kind < 0.42 && random.nextDouble() < 0.4) {
            deadLeaves(c, random, noise, SIZE * (0.4 + 0.5 * random.nextDouble()), 60);  // foreground clutter
        }
        Camera.finish(c, random);
        return c.toImage();
    }

    private static void landscape(Canvas c, SplittableRandom random, ValueNoise noise) {
        double[][] skies = { { 90, 150, 230 }, { 170, 200, 235 }, { 250, 170, 90 }, { 190, 190, 195 }, { 120, 110, 160 } };
        double[] top = vary(random, skies[random.nextInt(skies.length)], 20);
        double[] bottom = mix(top, new double[] { 245, 240, 230 }, 0.5);
        double horizon = SIZE * (0.35 + 0.35 * random.nextDouble());
        double[][] grounds = { { 70, 120, 50 }, { 120, 100, 60 }, { 200, 180, 140 }, { 230, 235, 240 }, { 60, 80, 90 } };
        double[] ground = vary(random, grounds[random.nextInt(grounds.length)], 20);
        double[] mountain = mix(vary(random, new double[] { 70, 80, 100 }, 20), top, 0.3);
        boolean mountains = random.nextBoolean();
        boolean water = random.nextDouble() < 0.3;
        double cloudiness = random.nextDouble();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int i = y * SIZE + x;
                double ridge = horizon - (mountains ? 60 * noise.fractal(x, 0, 80, 5, 0.5) : 0);
                if (y < ridge) {
                    double t = y / Math.max(1, ridge);
                    double[] sky = mix(top, bottom, t);
                    double cloud = Math.max(0, noise.fractal(x, y * 2.5, 90, 5, 0.55) - (1 - 0.5 * cloudiness)) * 3;
                    sky = mix(sky, new double[] { 250, 250, 250 }, Math.min(1, cloud));
                    c.add(i, sky[0], sky[1], sky[2]);
                } else if (y < horizon && mountains) {
                    double shade = 0.7 + 0.5 * noise.fractal(x * 2, y * 2, 30, 4, 0.5);
                    c.add(i, mountain[0] * shade, mountain[1] * shade, mountain[2] * shade);
                } else if (water && y > horizon) {
                    double mirror = 2 * horizon - y;
                    double[] sky = mix(top, bottom, Math.max(0, mirror / horizon));
                    double ripple = 0.75 + 0.3 * noise.fractal(x * 0.3, y * 4, 20, 3, 0.5);
                    c.add(i, sky[0] * ripple * 0.8, sky[1] * ripple * 0.85, sky[2] * ripple * 0.9);
                } else {
                    double depth = (y - horizon) / (SIZE - horizon + 1);
                    double detail = 0.6 + 0.7 * noise.fractal(x * (1 + 2 * depth), y * 2, 25, 5, 0.6);
                    double light = 0.75 + 0.35 * depth;
                    c.add(i, ground[0] * detail * light, ground[1] * detail * light, ground[2] * detail * light);
                }
            }
        }
        if (random.nextDouble() < 0.4) {
            trees(c, random, horizon);
        }
    }

    private static void trees(Canvas c, SplittableRandom random, double horizon) {
        int count = 1 + random.nextInt(8);
        double[] leaf = vary(random, new double[] { 40, 70, 35 }, 15);
        for (int k = 0; k < count; k++) {
            double x = SIZE * random.nextDouble();
            double height = 40 + 120 * random.nextDouble();
            double base = horizon + 10 + 80 * random.nextDouble();
            double width = height * (0.25 + 0.2 * random.nextDouble());
            for (int y = (int) Math.max(0, base - height); y < Math.min(SIZE, base); y++) {
                double half = width * (y - (base - height)) / height / 2;
                for (int xx = (int) Math.max(0, x - half); xx < Math.min(SIZE, x + half); xx++) {
                    c.blend(y * SIZE + xx, leaf[0], leaf[1], leaf[2], 0.9);
                }
            }
        }
    }

    private static void texture(Canvas c, SplittableRandom random, ValueNoise noise) {
        double[][] palettes = { { 50, 110, 40 }, { 130, 120, 110 }, { 210, 190, 150 }, { 60, 120, 160 }, { 140, 90, 50 },
            { 200, 60, 60 }, { 230, 225, 215 } };
        double[] a = vary(random, palettes[random.nextInt(palettes.length)], 25);
        double[] b = mix(a, random.nextBoolean() ? new double[] { 255, 255, 240 } : new double[] { 10, 10, 10 }, 0.6);
        double scale = 8 + 60 * random.nextDouble();
        boolean grain = random.nextDouble() < 0.3;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double t = grain ? 0.5 + 0.5 * Math.sin(x / scale * 6 + 8 * noise.fractal(x, y * 0.2, 60, 3, 0.5))
                        : noise.fractal(x, y, scale, 6, 0.6);
                double[] colour = mix(a, b, Math.max(0, Math.min(1, (t - 0.3) * 2)));
                c.add(y * SIZE + x, colour[0], colour[1], colour[2]);
            }
        }
    }

    private static void objects(Canvas c, SplittableRandom random, ValueNoise noise) {
        double[] back = vary(random, new double[] { 180, 170, 160 }, 60);
        double[] table = vary(random, new double[] { 150, 110, 70 }, 40);
        double edge = SIZE * (0.3 + 0.4 * random.nextDouble());
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double[] base = y < edge ? back : table;
                double grain = 0.85 + 0.25 * noise.fractal(x * 3, y, 40, 4, 0.5);
                c.add(y * SIZE + x, base[0] * grain, base[1] * grain, base[2] * grain);
            }
        }
        int count = 1 + random.nextInt(4);
        for (int k = 0; k < count; k++) {
            double cx = SIZE * (0.15 + 0.7 * random.nextDouble());
            double cy = edge + (SIZE - edge) * 0.4 * random.nextDouble();
            double rx = 20 + 60 * random.nextDouble();
            double ry = rx * (0.4 + 0.8 * random.nextDouble());
            double[] colour = vary(random, new double[] { 140, 120, 100 }, 55);
            boolean box = random.nextBoolean();
            for (int y = (int) Math.max(0, cy - ry - 10); y < Math.min(SIZE, cy + ry + 10); y++) {
                for (int x = (int) Math.max(0, cx - rx - 10); x < Math.min(SIZE, cx + rx + 10); x++) {
                    double u = (x - cx) / rx;
                    double v = (y - cy) / ry;
                    double inside = box ? Math.max(Math.abs(u), Math.abs(v)) : Math.hypot(u, v);
                    int i = y * SIZE + x;
                    if (inside < 1) {
                        double light = 1.15 - 0.5 * (u + v + 1) / 2;
                        c.blend(i, colour[0] * light, colour[1] * light, colour[2] * light, 1);
                    } else if (Math.hypot(u - 0.3, v - 0.2) < 1.1) {
                        c.scale(i, 0.8);
                    }
                }
            }
        }
    }

    private static void interior(Canvas c, SplittableRandom random, ValueNoise noise) {
        double[] wall = vary(random, new double[] { 200, 190, 170 }, 50);
        double[] floor = vary(random, new double[] { 120, 90, 60 }, 40);
        double floorLine = SIZE * (0.55 + 0.25 * random.nextDouble());
        double lamp = 0.5 + 0.7 * random.nextDouble();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double[] base = y < floorLine ? wall : floor;
                double falloff = lamp * (1.1 - 0.5 * Math.hypot(x - SIZE / 2.0, y - SIZE / 3.0) / SIZE);
                double grain = 0.9 + 0.15 * noise.fractal(x, y, 15, 3, 0.5);
                c.add(y * SIZE + x, base[0] * falloff * grain, base[1] * falloff * grain, base[2] * falloff * grain);
            }
        }
        if (random.nextBoolean()) {
            rectangle(c, SIZE * random.nextDouble() * 0.6, SIZE * 0.1, 60 + 60 * random.nextDouble(),
                    80 + 60 * random.nextDouble(), vary(random, new double[] { 235, 240, 250 }, 15));
        }
        int furniture = random.nextInt(4);
        for (int k = 0; k < furniture; k++) {
            rectangle(c, SIZE * random.nextDouble() * 0.8, floorLine - 60 * random.nextDouble(), 40 + 100 * random.nextDouble(),
                    40 + 80 * random.nextDouble(), vary(random, new double[] { 80, 60, 50 }, 40));
        }
    }

    private static void city(Canvas c, SplittableRandom random, ValueNoise noise) {
        double[] sky = vary(random, new double[] { 160, 185, 215 }, 30);
        for (int i = 0; i < SIZE * SIZE; i++) {
            c.add(i, sky[0], sky[1], sky[2]);
        }
        double x = -20 * random.nextDouble();
        while (x < SIZE) {
            double w = 30 + 60 * random.nextDouble();
            double top = SIZE * (0.1 + 0.5 * random.nextDouble());
            double[] facade = vary(random, new double[] { 140, 135, 130 }, 50);
            rectangle(c, x, top, w, SIZE - top, facade);
            double[] window = random.nextBoolean() ? mix(facade, new double[] { 30, 40, 60 }, 0.7) : vary(random, new double[] { 210, 220, 230 }, 20);
            for (double wy = top + 6; wy < SIZE - 8; wy += 14) {
                for (double wx = x + 5; wx < x + w - 8; wx += 12) {
                    rectangle(c, wx, wy, 6, 8, window);
                }
            }
            x += w + 4 * random.nextDouble();
        }
    }

    private static void night(Canvas c, SplittableRandom random, ValueNoise noise) {
        double[] zenith = vary(random, new double[] { 5, 10, 30 }, 6);
        double[] glow = vary(random, new double[] { 30, 40, 80 }, 15);
        double horizon = SIZE * (0.55 + 0.35 * random.nextDouble());
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int i = y * SIZE + x;
                double ridge = horizon - 50 * noise.fractal(x, 0, 60, 5, 0.5);
                if (y < ridge) {
                    double[] sky = mix(zenith, glow, Math.pow(y / horizon, 2));
                    c.add(i, sky[0], sky[1], sky[2]);
                } else {
                    double dark = 3 + 8 * noise.fractal(x, y, 20, 3, 0.5);
                    c.add(i, dark, dark, dark * 1.2);
                }
            }
        }
        int stars = 30 + random.nextInt(400);
        for (int k = 0; k < stars; k++) {
            int sx = random.nextInt(SIZE);
            int sy = random.nextInt((int) horizon);
            double v = 60 + 195 * Math.pow(random.nextDouble(), 2);
            c.add(sy * SIZE + sx, v, v, v);
        }
        if (random.nextDouble() < 0.4) {
            int lights = 3 + random.nextInt(20);
            for (int k = 0; k < lights; k++) {
                disc(c, SIZE * random.nextDouble(), horizon + (SIZE - horizon) * random.nextDouble(), 1 + 3 * random.nextDouble(),
                        vary(random, new double[] { 250, 200, 120 }, 20));
            }
        }
    }

    private static void dimScene(Canvas c, SplittableRandom random, ValueNoise noise) {
        double[] back = vary(random, new double[] { 25, 22, 20 }, 12);
        double lx = SIZE * random.nextDouble();
        double ly = SIZE * random.nextDouble();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double light = 0.6 + 2.5 * Math.exp(-Math.hypot(x - lx, y - ly) / 90);
                double grain = 0.8 + 0.4 * noise.fractal(x, y, 30, 4, 0.5);
                c.add(y * SIZE + x, back[0] * light * grain, back[1] * light * grain, back[2] * light * grain);
            }
        }
        double[] subject = vary(random, new double[] { 200, 150, 120 }, 50);
        double sx = SIZE * (0.3 + 0.4 * random.nextDouble());
        double sy = SIZE * (0.3 + 0.5 * random.nextDouble());
        double r = 30 + 60 * random.nextDouble();
        for (int y = (int) Math.max(0, sy - r); y < Math.min(SIZE, sy + 2.5 * r); y++) {
            for (int x = (int) Math.max(0, sx - r); x < Math.min(SIZE, sx + r); x++) {
                double d = y < sy ? Math.hypot(x - sx, y - sy) / r : Math.abs(x - sx) / r;
                if (d < 1) {
                    double light = 0.4 + 0.6 * Math.max(0, 1 - Math.hypot(x - lx, y - ly) / SIZE);
                    c.blend(y * SIZE + x, subject[0] * light, subject[1] * light, subject[2] * light, 1);
                }
            }
        }
    }

    /**
     * The "dead leaves" model of natural images (Matheron; Lee, Mumford and Huang 2001): opaque shapes of random
     * colour, with sizes drawn from a power law, fall on top of one another until they cover the picture. It has the
     * sharp edges and scale-invariant statistics of photographs of cluttered scenes. {@code top} limits the shapes to
     * the picture below that row; {@code maxRadius} caps their size.
     */
    private static void deadLeaves(Canvas c, SplittableRandom random, ValueNoise noise, double top, double maxRadius) {
        double[] base = vary(random, new double[] { 130, 120, 100 }, 50);
        int shapes = 200 + random.nextInt(600);
        double smallest = 3;
        double spread = 1 - Math.pow(smallest / maxRadius, 2);
        for (int k = 0; k < shapes; k++) {
            double r = smallest / Math.sqrt(1 - random.nextDouble() * spread);  // sizes with density ~ r^-3
            double cx = SIZE * random.nextDouble();
            double cy = top + (SIZE - top) * random.nextDouble();
            double[] colour = mix(vary(random, base, 55), new double[] { 128, 128, 128 }, 0.25);
            double light = 0.5 + random.nextDouble();
            boolean box = random.nextDouble() < 0.4;
            double aspect = 0.4 + 1.2 * random.nextDouble();
            for (int y = (int) Math.max(top, cy - r * aspect); y < Math.min(SIZE, cy + r * aspect); y++) {
                for (int x = (int) Math.max(0, cx - r); x < Math.min(SIZE, cx + r); x++) {
                    double u = (x - cx) / r;
                    double v = (y - cy) / (r * aspect);
                    if (box ? Math.max(Math.abs(u), Math.abs(v)) < 1 : u * u + v * v < 1) {
                        double shade = light * (0.85 + 0.3 * noise.fractal(x * 3, y * 3, 6, 2, 0.5)) * (1 - 0.25 * (u + v));
                        c.blend(y * SIZE + x, colour[0] * shade, colour[1] * shade, colour[2] * shade, 1);
                    }
                }
            }
        }
    }

    private static void rectangle(Canvas c, double x0, double y0, double w, double h, double[] colour) {
        for (int y = (int) Math.max(0, y0); y < Math.min(SIZE, y0 + h); y++) {
            for (int x = (int) Math.max(0, x0); x < Math.min(SIZE, x0 + w); x++) {
                c.blend(y * SIZE + x, colour[0], colour[1], colour[2], 1);
            }
        }
    }

    private static void disc(Canvas c, double cx, double cy, double r, double[] colour) {
        for (int y = (int) Math.max(0, cy - r); y <= Math.min(SIZE - 1, cy + r); y++) {
            for (int x = (int) Math.max(0, cx - r); x <= Math.min(SIZE - 1, cx + r); x++) {
                if (Math.hypot(x - cx, y - cy) <= r) {
                    c.blend(y * SIZE + x, colour[0], colour[1], colour[2], 1);
                }
            }
        }
    }

    static double[] vary(SplittableRandom random, double[] colour, double spread) {
        return new double[] { colour[0] + spread * random.nextGaussian(), colour[1] + spread * random.nextGaussian(),
            colour[2] + spread * random.nextGaussian() };
    }

    static double[] mix(double[] a, double[] b, double t) {
        return new double[] { a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t };
    }
}
