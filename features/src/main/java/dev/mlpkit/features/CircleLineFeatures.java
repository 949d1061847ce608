package dev.mlpkit.features;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The circle/line tutorial's three hand-made features, exactly as its extractor computes them:
 * <ul>
 * <li>a pixel is coloured when the mean of its red, green and blue is below 128;</li>
 * <li>x (column) and y (row) both run over 0 to 14 only, so the last row and column are never read;</li>
 * <li>feature 1: coloured pixels / 256;</li>
 * <li>feature 2, the centre: coloured pixels with 6 <= x <= 10 and 6 <= y <= 10, each counting 1/16 (so it can
 * exceed 1);</li>
 * <li>feature 3, the corners: coloured pixels with (x <= 3 or x >= 13) and (y <= 3 or y >= 13), each counting
 * 1/156;</li>
 * <li>each value rounded to 2 decimals, half to even on its exact binary value, as Python's {@code round}.</li>
 * </ul>
 * An image of another size than 16x16 is first brought to 16x16 ({@link Drawing16}).
 */
public record CircleLineFeatures() implements FeatureExtractor {

    /** The registry name. */
    public static final String NAME = "circle-line";
    /** The tutorial scans 15 of the 16 rows and columns. */
    private static final int SCANNED = 15;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of();
    }

    @Override
    public double[] extract(RgbImage image) {
        image = Drawing16.of(image);
        int coloured = 0;
        int centre = 0;
        int corners = 0;
        for (int x = 0; x < SCANNED; x++) {
            for (int y = 0; y < SCANNED; y++) {
                double mean = (image.sample(x, y, 0) + image.sample(x, y, 1) + image.sample(x, y, 2)) / 3.0;
                if (mean < 128) {
                    coloured++;
                    if (x >= 6 && x <= 10 && y >= 6 && y <= 10) {
                        centre++;
                    }
                    if ((x <= 3 || x >= 13) && (y <= 3 || y >= 13)) {
                        corners++;
                    }
                }
            }
        }
        return new double[] { round2(coloured / 256.0), round2(centre / 16.0), round2(corners / 156.0) };
    }

    /** Python's {@code round(value, 2)}: half to even on the exact binary value (2/16 = 0.125 becomes 0.12). */
    static double round2(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
