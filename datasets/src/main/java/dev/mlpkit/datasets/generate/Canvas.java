package dev.mlpkit.datasets.generate;

import java.awt.image.BufferedImage;

/**
 * A floating-point RGB picture to paint on (values 0 to 255, stored row by row), turned into an 8-bit image at the
 * end. Painting adds light or blends colours; nothing is clamped until {@link #toImage()}.
 */
final class Canvas {

    final int width;
    final int height;
    final float[] r;
    final float[] g;
    final float[] b;

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.r = new float[width * height];
        this.g = new float[width * height];
        this.b = new float[width * height];
    }

    /** Paints every pixel with one colour. */
    void fill(double red, double green, double blue) {
        java.util.Arrays.fill(r, (float) red);
        java.util.Arrays.fill(g, (float) green);
        java.util.Arrays.fill(b, (float) blue);
    }

    /** Adds light of the given colour at pixel {@code i}. */
    void add(int i, double red, double green, double blue) {
        r[i] += (float) red;
        g[i] += (float) green;
        b[i] += (float) blue;
    }

    /** Blends pixel {@code i} towards a colour by {@code alpha} (0 keeps it, 1 replaces it). */
    void blend(int i, double red, double green, double blue, double alpha) {
        r[i] += (float) (alpha * (red - r[i]));
        g[i] += (float) (alpha * (green - g[i]));
        b[i] += (float) (alpha * (blue - b[i]));
    }

    /** Multiplies pixel {@code i} by {@code factor}. */
    void scale(int i, double factor) {
        r[i] *= (float) factor;
        g[i] *= (float) factor;
        b[i] *= (float) factor;
    }

    /** The picture as 8-bit RGB, each value rounded and clamped. */
    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        int[] pixel = new int[3];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                pixel[0] = clamp(r[i]);
                pixel[1] = clamp(g[i]);
                pixel[2] = clamp(b[i]);
                image.getRaster().setPixel(x, y, pixel);
            }
        }
        return image;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
