package dev.mlpkit.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * More training images made from the ones there are, as the galaxy tutorial's loader does with {@code augment} and
 * {@code variations}: each training image is kept and joined by {@code variations} copies, each copy transformed by
 * every chosen transformation with its own random amount. It is applied to the training part only, after the split,
 * so no copy of a validation or test image is trained on.
 *
 * <p>The transformations work on pixels in [0, 1], row by row ({@code width x height}), one plane after another
 * for colour (all planes moved alike), resampled bilinearly; what moves in from outside the frame is the colour of
 * the frame's border.
 * <ul>
 * <li>{@code shift[:P]}: move by up to P pixels across and down (default 2);</li>
 * <li>{@code rotate[:D]}: turn about the centre by up to D degrees either way (default 15);</li>
 * <li>{@code flip-h}, {@code flip-v}: mirror left to right, top to bottom, each with probability 1/2;</li>
 * <li>{@code brightness[:A]}: scale the grey levels by a factor in [1 - A, 1 + A] and add up to 20 levels of 255
 * (default 0.2, the tutorial's alpha and beta, applied to grey levels as it meant);</li>
 * <li>{@code noise[:S]}: add Gaussian noise of standard deviation S (default 0.05), clipped to [0, 1].</li>
 * </ul>
 * Small shifts and rotations help digits and handwriting; flips do not (a mirrored 2 is no 2), but suit photos.
 *
 * @param amounts      each chosen transformation by name, with its amount
 * @param variations   how many transformed copies each training image gets
 * @param chance       the probability that a copy gets each of shift, rotate, brightness and noise (1: always; the
 *                     flips are always a coin toss)
 * @param wholeDegrees whether rotations are by whole degrees, as the galaxy tutorial's {@code randint} draws them
 */
public record Augmentation(Map<String, Double> amounts, int variations, double chance, boolean wholeDegrees) {

    private static final Map<String, Double> DEFAULTS = Map.of("shift", 2.0, "rotate", 15.0, "flip-h", 0.0,
            "flip-v", 0.0, "brightness", 0.2, "noise", 0.05);

    public Augmentation {
        amounts = Map.copyOf(amounts);
        if (variations < 0) {
            throw new IllegalArgumentException("the number of variations must be 0 or more, not " + variations);
        }
        if (!(chance >= 0 && chance <= 1)) {
            throw new IllegalArgumentException("a chance is between 0 and 1, not " + chance);
        }
    }

    /** Every chosen transformation on every copy, rotations by any angle. */
    public Augmentation(Map<String, Double> amounts, int variations) {
        this(amounts, variations, 1, false);
    }

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(Map.of(), 0);

    /**
     * The galaxy tutorial's {@code augment}: each copy gets, each with probability 1/2, a horizontal flip, a vertical
     * flip, a rotation by a whole number of degrees in [-30, 30], a brightness change (alpha in [0.8, 1.2], beta in
     * [-20, 20] grey levels) and Gaussian noise of sigma 0.05.
     */
    public static Augmentation galaxyTutorial(int variations) {
        return new Augmentation(Map.of("flip-h", 0.0, "flip-v", 0.0, "rotate", 30.0, "brightness", 0.2, "noise", 0.05),
                variations, 0.5, true);
    }

    /**
     * The augmentation written as {@code shift,rotate:10} (or {@code none}), with {@code variations} copies; a
     * sentence naming the known transformations when one is not.
     */
    public static Augmentation parse(String text, int variations) {
        Map<String, Double> amounts = new LinkedHashMap<>();
        if (!text.isBlank() && !text.trim().equals("none")) {
            for (String part : text.split(",")) {
                String[] nameAndAmount = part.trim().split(":", 2);
                String name = nameAndAmount[0].toLowerCase(Locale.ROOT);
                if (!DEFAULTS.containsKey(name)) {
                    throw new IllegalArgumentException("unknown transformation '" + name + "': known are shift, rotate,"
                            + " flip-h, flip-v, brightness and noise");
                }
                double amount = DEFAULTS.get(name);
                if (nameAndAmount.length == 2) {
                    try {
                        amount = Double.parseDouble(nameAndAmount[1]);
                    } catch (NumberFormatException e) {
                        amount = Double.NaN;
                    }
                    if (!(amount >= 0 && amount <= 1000) || name.startsWith("flip")) {
                        throw new IllegalArgumentException("'" + part.trim() + "': " + (name.startsWith("flip")
                                ? name + " takes no amount" : "the amount must be a number of at least 0"));
                    }
                }
                amounts.put(name, amount);
            }
        }
        return new Augmentation(amounts, amounts.isEmpty() ? 0 : variations);
    }

    /** Whether it adds anything. */
    public boolean isNone() {
        return amounts.isEmpty() || variations == 0;
    }

    /** {@code training} followed by its transformed copies, image {@code i}'s copies from {@code seed} and {@code i}. */
    public Examples apply(Examples training, int width, int height, long seed) {
        if (isNone()) {
            return training;
        }
        List<String> names = new ArrayList<>(training.names());
        int n = training.size();
        double[][] features = java.util.Arrays.copyOf(training.features(), n * (variations + 1));
        int[] labels = java.util.Arrays.copyOf(training.labels(), n * (variations + 1));
        java.util.stream.IntStream.range(0, n * variations).parallel().forEach(c -> {
            int i = c % n;
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + c);
            features[n + c] = transform(training.features()[i], width, height, random);
            labels[n + c] = training.labels()[i];
        });
        for (int c = 0; c < n * variations; c++) {
            names.add(training.names().get(c % n) + " (variation " + (c / n + 1) + ")");
        }
        return new Examples(names, features, labels);
    }

    /** One transformed copy of {@code pixels}. */
    double[] transform(double[] pixels, int width, int height, SplittableRandom random) {
        double shift = chosen("shift", random) ? amounts.get("shift") : 0;
        double dx = shift * (2 * random.nextDouble() - 1);
        double dy = shift * (2 * random.nextDouble() - 1);
        double degrees = chosen("rotate", random) ? amounts.get("rotate") : 0;
        double angle = Math.toRadians(wholeDegrees ? random.nextInt(-(int) degrees, (int) degrees + 1)
                : degrees * (2 * random.nextDouble() - 1));
        boolean flipH = amounts.containsKey("flip-h") && random.nextBoolean();
        boolean flipV = amounts.containsKey("flip-v") && random.nextBoolean();
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        int area = width * height;
        double[] out = new double[pixels.length];
        for (int plane = 0; plane < pixels.length / area; plane++) {
            double[] channel = java.util.Arrays.copyOfRange(pixels, plane * area, (plane + 1) * area);
            double background = border(channel, width, height);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    // Where this output pixel comes from: undo the shift, the rotation and the flips.
                    double u = x - cx - dx;
                    double v = y - cy - dy;
                    double sx = cos * u + sin * v + cx;
                    double sy = -sin * u + cos * v + cy;
                    sx = flipH ? width - 1 - sx : sx;
                    sy = flipV ? height - 1 - sy : sy;
                    out[plane * area + y * width + x] = bilinear(channel, width, height, sx, sy, background);
                }
            }
        }
        if (chosen("brightness", random)) {
            double a = amounts.get("brightness");
            double alpha = 1 - a + 2 * a * random.nextDouble();
            double beta = (20 * (2 * random.nextDouble() - 1)) / 255.0;
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.max(0, Math.min(1, alpha * out[k] + beta));
            }
        }
        if (chosen("noise", random)) {
            double sigma = amounts.get("noise");
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.max(0, Math.min(1, out[k] + sigma * random.nextGaussian()));
            }
        }
        return out;
    }

    /** Whether this copy gets transformation {@code name}: chosen, and drawn with the augmentation's chance. */
    private boolean chosen(String name, SplittableRandom random) {
        return amounts.containsKey(name) && (chance == 1 || random.nextDouble() < chance);
    }

    private static double bilinear(double[] p, int width, int height, double x, double y, double background) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fy) * ((1 - fx) * at(p, width, height, x0, y0, background) + fx * at(p, width, height, x0 + 1, y0, background))
                + fy * ((1 - fx) * at(p, width, height, x0, y0 + 1, background) + fx * at(p, width, height, x0 + 1, y0 + 1, background));
    }

    private static double at(double[] p, int width, int height, int x, int y, double background) {
        return x < 0 || y < 0 || x >= width || y >= height ? background : p[y * width + x];
    }

    /** The mean grey level of the frame's outermost pixels. */
    private static double border(double[] p, int width, int height) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                    sum += p[y * width + x];
                    count++;
                }
            }
        }
        return sum / count;
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        amounts.forEach((name, amount) -> parts.add(name.startsWith("flip") ? name
                : name + ":" + (amount == Math.rint(amount) ? Long.toString((long) (double) amount) : amount)));
        return String.join(",", parts.stream().sorted().toList()) + " x" + variations
                + (chance < 1 ? ", each with probability " + chance : "");
    }
}
