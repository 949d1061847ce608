package dev.mlpkit.features;

import java.util.Map;

/**
 * A circle/line drawing as 256 inputs, to compare with the three hand-made features: the 16x16 image (resized as
 * {@link PixelFeatures} does when it is another size), each pixel's ink {@code 1 - grey / 255}, so strokes are near 1
 * and paper is 0.
 */
public record CircleLinePixels() implements FeatureExtractor {

    /** The registry name. */
    public static final String NAME = "circle-line-pixels";
    private static final PixelFeatures GREY = new PixelFeatures(16, 16);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return GREY.dimension();
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of();
    }

    @Override
    public double[] extract(RgbImage image) {
        double[] ink = GREY.extract(image);
        for (int i = 0; i < ink.length; i++) {
            ink[i] = 1.0 - ink[i];
        }
        return ink;
    }
}
