package dev.mlpkit.features;

import java.util.Optional;

/**
 * Says when an image is clearly unlike what a model was trained on, so that an application can print its verdict
 * with a one-line note instead of letting it pass for a confident answer. The checks are simple and stated:
 * a blank image (one colour throughout), and for circle/line drawings, another size than 16x16 or not dark ink on
 * light paper.
 */
public final class UnusualInput {

    /** A picture whose grey levels spread less than this (standard deviation, 0-255) is blank. */
    private static final double BLANK_SPREAD = 2.0;

    private UnusualInput() {
    }

    /** Why a galaxy model should not be trusted on {@code image}, if it should not. */
    public static Optional<String> forGalaxy(RgbImage image) {
        if (isBlank(image)) {
            return Optional.of("the image is blank (one colour throughout); the model only knows sky survey images and"
                    + " photos");
        }
        return Optional.empty();
    }

    /** Why a circle/line model should not be trusted on {@code image}, if it should not. */
    public static Optional<String> forDrawing(RgbImage image) {
        if (isBlank(image)) {
            return Optional.of("the image is blank: there is no drawing in it");
        }
        if (image.width() != 16 || image.height() != 16) {
            return Optional.of("the image is " + image.width() + "x" + image.height() + ", not a 16x16 drawing; it was"
                    + " resized to 16x16, so the verdict may mean little");
        }
        if (inkShare(image) > 0.5) {
            return Optional.of("more than half of the image is dark: the model knows dark ink on light paper");
        }
        return Optional.empty();
    }

    static boolean isBlank(RgbImage image) {
        double sum = 0;
        double squares = 0;
        int n = image.width() * image.height();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                double g = PixelFeatures.grey(image, x, y);
                sum += g;
                squares += g * g;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean)) < BLANK_SPREAD;
    }

    private static double inkShare(RgbImage image) {
        int dark = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                dark += PixelFeatures.grey(image, x, y) < 128 ? 1 : 0;
            }
        }
        return (double) dark / (image.width() * image.height());
    }
}
