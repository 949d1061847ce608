package dev.mlpkit.features;

/**
 * {@code cv2.resize(image, (width, height))} with its default {@code INTER_LINEAR}, reproduced bit for bit for 8-bit
 * 3-channel images (checked against OpenCV 4.6 on every image of the galaxy sample).
 *
 * <p>OpenCV maps destination pixel {@code d} to the source coordinate {@code (d + 0.5) * scale - 0.5}, computed in
 * double and rounded to float, clamped at the edges; its weights are 11-bit fixed point ({@code w * 2048} rounded half to even).
 * Rows are interpolated horizontally into ints, then vertically the way its SIMD kernel does it (which covers every
 * pixel when a row holds a multiple of 16 bytes, as 64x3 does): {@code ((((s0 >> 4) * b0) >> 16) + (((s1 >> 4) * b1)
 * >> 16) + 2) >> 2}. A downscale by exactly 2 in both directions is the mean of each 2x2 block instead, as in OpenCV.
 */
final class OpenCvResize {

    private static final int COEFFICIENT_SCALE = 2048;

    private OpenCvResize() {
    }

    static RgbImage resize(RgbImage source, int width, int height) {
        if (source.width() == 2 * width && source.height() == 2 * height) {
            return halve(source);
        }
        int[] xOffset = new int[width];
        int[] xWeights = new int[2 * width];
        coefficients(source.width(), width, xOffset, xWeights);
        int[] yOffset = new int[height];
        int[] yWeights = new int[2 * height];
        coefficients(source.height(), height, yOffset, yWeights);

        byte[] out = new byte[3 * width * height];
        int[] row0 = new int[3 * width];
        int[] row1 = new int[3 * width];
        for (int dy = 0; dy < height; dy++) {
            int sy = yOffset[dy];
            horizontal(source, sy, xOffset, xWeights, row0);
            horizontal(source, Math.min(sy + 1, source.height() - 1), xOffset, xWeights, row1);
            int b0 = yWeights[2 * dy];
            int b1 = yWeights[2 * dy + 1];
            int base = 3 * width * dy;
            for (int i = 0; i < row0.length; i++) {
                int v = ((((row0[i] >> 4) * b0) >> 16) + (((row1[i] >> 4) * b1) >> 16) + 2) >> 2;
                out[base + i] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return new RgbImage(width, height, out);
    }

    /** OpenCV's source offsets and fixed-point weights for {@code sourceSize} to {@code size}. */
    private static void coefficients(int sourceSize, int size, int[] offset, int[] weights) {
        double scale = 1.0 / ((double) size / sourceSize);
        for (int d = 0; d < size; d++) {
            float f = (float) ((d + 0.5) * scale - 0.5);
            int s = (int) Math.floor(f);
            f -= s;
            if (s < 0) {
                f = 0;
                s = 0;
            }
            if (s >= sourceSize - 1) {
                f = 0;
                s = sourceSize - 1;
            }
            offset[d] = s;
            // saturate_cast<short> rounds half to even, like Math.rint and unlike Math.round.
            weights[2 * d] = (int) Math.rint((1.0f - f) * COEFFICIENT_SCALE);
            weights[2 * d + 1] = (int) Math.rint(f * COEFFICIENT_SCALE);
        }
    }

    private static void horizontal(RgbImage source, int y, int[] offset, int[] weights, int[] row) {
        int last = source.width() - 1;
        for (int d = 0; d < offset.length; d++) {
            int s = offset[d];
            int s1 = Math.min(s + 1, last);
            for (int c = 0; c < 3; c++) {
                row[3 * d + c] = source.sample(s, y, c) * weights[2 * d] + source.sample(s1, y, c) * weights[2 * d + 1];
            }
        }
    }

    /** OpenCV's fast area path for an exact 2x downscale: the rounded mean of each 2x2 block. */
    private static RgbImage halve(RgbImage source) {
        int width = source.width() / 2;
        int height = source.height() / 2;
        byte[] out = new byte[3 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = source.sample(2 * x, 2 * y, c) + source.sample(2 * x + 1, 2 * y, c)
                            + source.sample(2 * x, 2 * y + 1, c) + source.sample(2 * x + 1, 2 * y + 1, c);
                    out[3 * (y * width + x) + c] = (byte) ((sum + 2) >> 2);
                }
            }
        }
        return new RgbImage(width, height, out);
    }
}
