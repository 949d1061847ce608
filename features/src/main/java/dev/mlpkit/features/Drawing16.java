package dev.mlpkit.features;

/**
 * A drawing in the circle/line tutorial's 16x16 frame. A larger image is shrunk by averaging the area each of the 16x16
 * pixels covers (OpenCV's {@code INTER_AREA}), so a thin stroke on a big canvas stays as a grey trace instead of falling
 * between the samples of a bilinear resize, and its levels are then stretched from its darkest grey to its lightest,
 * so that the trace is as dark as the stroke was: the tutorial's features count a pixel as drawn only when it is darker
 * than mid-grey. A smaller image is enlarged bilinearly. A 16x16 image is used as it is.
 */
public final class Drawing16 {

    public static final int SIZE = 16;
    /** Grey levels spread less than this (of 255) are a blank drawing, whose levels are not stretched. */
    static final double BLANK = 8;

    private Drawing16() {
    }

    /** {@code image} in the 16x16 frame. */
    public static RgbImage of(RgbImage image) {
        if (image.width() == SIZE && image.height() == SIZE) {
            return image;
        }
        if (image.width() < SIZE || image.height() < SIZE) {
            return OpenCvResize.resize(image, SIZE, SIZE);
        }
        double sx = (double) image.width() / SIZE;
        double sy = (double) image.height() / SIZE;
        double[] mean = new double[SIZE * SIZE * 3];
        for (int oy = 0; oy < SIZE; oy++) {
            for (int ox = 0; ox < SIZE; ox++) {
                double[] sum = new double[3];
                for (int y = (int) (oy * sy); y < Math.min(image.height(), Math.ceil((oy + 1) * sy)); y++) {
                    double wy = Math.min(y + 1, (oy + 1) * sy) - Math.max(y, oy * sy);
                    for (int x = (int) (ox * sx); x < Math.min(image.width(), Math.ceil((ox + 1) * sx)); x++) {
                        double w = wy * (Math.min(x + 1, (ox + 1) * sx) - Math.max(x, ox * sx));
                        for (int c = 0; c < 3; c++) {
                            sum[c] += w * image.sample(x, y, c);
                        }
                    }
                }
                for (int c = 0; c < 3; c++) {
                    mean[3 * (oy * SIZE + ox) + c] = sum[c] / (sx * sy);
                }
            }
        }
        return stretched(mean);
    }

    /** The averaged pixels with their grey levels stretched to 0-255, unless the image is blank. */
    private static RgbImage stretched(double[] mean) {
        double darkest = 255;
        double lightest = 0;
        for (int i = 0; i < mean.length; i += 3) {
            double grey = (mean[i] + mean[i + 1] + mean[i + 2]) / 3;
            darkest = Math.min(darkest, grey);
            lightest = Math.max(lightest, grey);
        }
        boolean blank = lightest - darkest < BLANK;
        byte[] rgb = new byte[mean.length];
        for (int i = 0; i < mean.length; i++) {
            double level = blank ? mean[i] : 255 * (mean[i] - darkest) / (lightest - darkest);
            rgb[i] = (byte) Math.round(Math.max(0, Math.min(255, level)));
        }
        return new RgbImage(SIZE, SIZE, rgb);
    }
}
