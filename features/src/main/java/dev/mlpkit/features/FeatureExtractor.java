package dev.mlpkit.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a decoded image into the numbers a network reads. Its {@link #name()} and {@link #settings()} are written
 * into model files, and {@link #fromSettings} makes the same extractor back from them, so classifying an image later
 * preprocesses it exactly as training did.
 */
public interface FeatureExtractor {

    /** The lowercase name used on the command line and in model files. */
    String name();

    /** How many numbers {@link #extract} returns. */
    int dimension();

    /** The settings that, with the name, make this extractor again (numbers and text only). */
    Map<String, Object> settings();

    /** The features of {@code image}. */
    double[] extract(RgbImage image);

    /** The names of the built-in extractors. */
    static List<String> names() {
        return List.of(PixelFeatures.NAME, CircleLineFeatures.NAME, CircleLinePixels.NAME);
    }

    /** The extractor {@code name} with {@code settings}, as {@link #name()} and {@link #settings()} described it. */
    static FeatureExtractor fromSettings(String name, Map<String, ?> settings) {
        switch (name) {
            case PixelFeatures.NAME:
                return new PixelFeatures(intSetting(settings, "width", name), intSetting(settings, "height", name),
                        Boolean.TRUE.equals(settings.get("colour")));
            case CircleLineFeatures.NAME:
                return new CircleLineFeatures();
            case CircleLinePixels.NAME:
                return new CircleLinePixels("stretched".equals(settings.get(CircleLinePixels.INK)));
            default:
                throw new IllegalArgumentException("unknown feature extractor '" + name + "': known are "
                        + String.join(", ", names()));
        }
    }

    /** Name and settings together, as one JSON-ready map for a model file. */
    default Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", name());
        description.put("dimension", dimension());
        description.put("settings", settings());
        return description;
    }

    private static int intSetting(Map<String, ?> settings, String key, String name) {
        Object value = settings.get(key);
        if (!(value instanceof Number n) || n.intValue() < 1) {
            throw new IllegalArgumentException("feature extractor '" + name + "' needs a positive whole '" + key
                    + "', not " + value);
        }
        return n.intValue();
    }
}
