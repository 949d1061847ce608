package dev.mlpkit.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The galaxy tutorial's preprocessing without the grey: resize to {@code width x height} with OpenCV's
 * {@code INTER_LINEAR} on all three channels, divide by 255, and lay the channels out one after the other (red,
 * green, blue), each row by row: {@code 3 * width * height} values in [0, 1].
 *
 * @param width  the resized width
 * @param height the resized height
 */
public record ColourPixels(int width, int height) implements FeatureExtractor {

    /** The registry name. */
    public static final String NAME = "colour-pixels";

    public ColourPixels {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("colour pixels need a size of at least 1x1, not " + width + "x" + height);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return 3 * width * height;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("width", width);
        settings.put("height", height);
        return settings;
    }

    @Override
    public double[] extract(RgbImage image) {
        RgbImage small = image.width() == width && image.height() == height ? image
                : OpenCvResize.resize(image, width, height);
        int plane = width * height;
        double[] features = new double[3 * plane];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    features[c * plane + y * width + x] = small.sample(x, y, c) / 255.0;
                }
            }
        }
        return features;
    }
}
