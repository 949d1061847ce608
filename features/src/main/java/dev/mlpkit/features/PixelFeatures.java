package dev.mlpkit.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The galaxy tutorial's preprocessing, with OpenCV's exact semantics: resize to {@code width x height} with
 * {@code INTER_LINEAR} on all three channels, convert to grey with BT.601 in fixed point as
 * {@code cv2.cvtColor(..., COLOR_BGR2GRAY)} does, divide by 255, and flatten row by row: {@code width * height}
 * values in [0, 1].
 *
 * <p>OpenCV 4 converts 8-bit pixels with 15-bit weights, {@code (3735 B + 19235 G + 9798 R + 16384) >> 15}; the
 * 14-bit {@code (1868 B + 9617 G + 4899 R + 8192) >> 14} of older write-ups differs by one level on about 0.3% of
 * random pixels, so the 15-bit form is used (checked against OpenCV 4.6 on every pixel of the galaxy sample).
 *
 * <p>In colour the grey step is left out: red, green and blue follow one another, each row by row, so there are
 * {@code 3 * width * height} values.
 *
 * @param width  the resized width (the tutorial's 64)
 * @param height the resized height (the tutorial's 64)
 * @param colour whether to keep the three channels instead of grey
 */
public record PixelFeatures(int width, int height, boolean colour) implements FeatureExtractor {

    /** The registry name. */
    public static final String NAME = "pixels";

    public PixelFeatures {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("pixel features need a size of at least 1x1, not " + width + "x" + height);
        }
    }

    /** Grey pixels, as the tutorial has them. */
    public PixelFeatures(int width, int height) {
        this(width, height, false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return (colour ? 3 : 1) * width * height;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("width", width);
        settings.put("height", height);
        if (colour) {
            settings.put("colour", true);
        }
        return settings;
    }

    @Override
    public double[] extract(RgbImage image) {
        RgbImage small = image.width() == width && image.height() == height ? image
                : OpenCvResize.resize(image, width, height);
        int plane = width * height;
        double[] features = new double[dimension()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!colour) {
                    features[y * width + x] = grey(small, x, y) / 255.0;
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    features[c * plane + y * width + x] = small.sample(x, y, c) / 255.0;
                }
            }
        }
        return features;
    }

    /** OpenCV 4's BGR-to-grey conversion for 8-bit pixels. */
    static int grey(RgbImage image, int x, int y) {
        return (3735 * image.sample(x, y, 2) + 19235 * image.sample(x, y, 1) + 9798 * image.sample(x, y, 0) + 16384) >> 15;
    }
}
