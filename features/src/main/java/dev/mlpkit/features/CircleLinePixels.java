package dev.mlpkit.features;

import java.util.Map;

/**
 * A circle/line drawing as 256 inputs, to compare with the three hand-made features: the 16x16 image (brought to that
 * size by {@link Drawing16} when it is another), each pixel's ink, so strokes are near 1 and paper is 0.
 *
 * <p>With {@code stretched} ink (what new models use), the ink is measured from the drawing's own paper and darkest
 * stroke, {@code (paper - grey) / (paper - darkest)}, with the lightest grey as the paper: a faint pencil on grey
 * paper then reads as a black pen on white does. Without it (models made before), the ink is {@code 1 - grey / 255}.
 *
 * @param stretched whether the ink is measured against the drawing's own paper and darkest stroke
 */
public record CircleLinePixels(boolean stretched) implements FeatureExtractor {

    /** The registry name. */
    public static final String NAME = "circle-line-pixels";
    /** The setting that says how the ink is measured. */
    static final String INK = "ink";
    private static final PixelFeatures GREY = new PixelFeatures(16, 16);
    /** Below this contrast (on 0-1) a drawing is blank, and its ink is 0 everywhere: {@link Drawing16}'s. */
    private static final double BLANK = Drawing16.BLANK / 255;

    /** The extractor new models use: stretched ink. */
    public CircleLinePixels() {
        this(true);
    }

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
        return stretched ? Map.of(INK, "stretched") : Map.of();
    }

    @Override
    public double[] extract(RgbImage image) {
        double[] grey = GREY.extract(Drawing16.of(image));
        double paper = 0;
        double darkest = 1;
        for (double g : grey) {
            paper = Math.max(paper, g);
            darkest = Math.min(darkest, g);
        }
        double[] ink = new double[grey.length];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = !stretched ? 1.0 - grey[i] : paper - darkest < BLANK ? 0 : (paper - grey[i]) / (paper - darkest);
        }
        return ink;
    }
}
