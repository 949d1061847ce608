package dev.mlpkit.apps.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import dev.mlpkit.apps.AppModels;
import dev.mlpkit.apps.train.Classifier;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecodeException;
import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.features.PixelFeatures;
import dev.mlpkit.features.RgbImage;
import dev.mlpkit.features.UnusualInput;
import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFileException;

/**
 * An image classifier ready to classify uploads from many threads at once (a galaxy model, or one {@code mlp train}
 * made from class folders): the parameters are shared and only read, and each thread has its own {@link Network}
 * (its own buffers) over them.
 */
final class ImageService {

    /** How many classes an answer lists, most probable first. */
    static final int TOP = 5;

    /**
     * What the model says of one image: the most probable class and its probability (for a galaxy model, the
     * probability of a galaxy, which the page names so), the most probable classes, and a note when the image is
     * unlike what a galaxy model was trained on (or null).
     */
    record Verdict(String label, double probability, List<Map<String, Object>> top, byte[] seenPng, String note) {
    }

    private final Path file;
    private final Model model;
    private final boolean galaxy;
    private final double threshold;
    private final List<String> classes;
    private final FeatureExtractor extractor;
    private final ImageDecoder decoder;
    private final ThreadLocal<Network> networks;
    private final ThreadLocal<Matrix> inputs;

    /** The tutorial's threshold: a galaxy at a probability of 0.5 or more. */
    ImageService(Path file, Model model, long maxPixels) throws IOException {
        this(file, model, maxPixels, 0.5);
    }

    /** A service that calls an image a galaxy at a probability of {@code threshold} or more (galaxy models only). */
    ImageService(Path file, Model model, long maxPixels, double threshold) throws IOException {
        this.file = file;
        this.threshold = threshold;
        this.model = model;
        this.galaxy = "galaxy".equals(model.metadata().get(AppModels.APP));
        this.classes = AppModels.classes(model);
        this.extractor = AppModels.features(model, file);
        if (extractor.dimension() != model.spec().inputs() || classes.size() != Math.max(2, model.spec().outputs())) {
            throw new ModelFileException(file.getFileName() + " does not say properly which images and classes its"
                    + " network reads and tells");
        }
        this.decoder = new ImageDecoder(maxPixels);
        Parameters parameters = model.parameters();
        this.networks = ThreadLocal.withInitial(() -> new Network(parameters));
        this.inputs = ThreadLocal.withInitial(() -> networks.get().factory().zeros(extractor.dimension(), 1));
    }

    /** Decodes {@code image} (a file called {@code name}) and classifies it. */
    Verdict classify(byte[] image, String name) throws ImageDecodeException {
        RgbImage pixels = decoder.decode(image, name);
        double[] features = extractor.extract(pixels);
        Matrix input = inputs.get();
        input.setColumn(0, features);
        Matrix output = networks.get().feedforward(input);
        double[] p = Classifier.probabilities(output, 0);
        Integer[] order = new Integer[p.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        List<Map<String, Object>> top = new ArrayList<>();
        for (int k = 0; k < Math.min(TOP, order.length); k++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("class", classes.get(order[k]));
            entry.put("probability", p[order[k]]);
            top.add(entry);
        }
        if (galaxy) {
            double g = output.get(0, 0);
            return new Verdict(g >= threshold ? "galaxy" : "not a galaxy", g, top, seen(features),
                    UnusualInput.forGalaxy(pixels).orElse(null));
        }
        return new Verdict(classes.get(order[0]), p[order[0]], top, seen(features), null);
    }

    /** Whether this is the galaxy tutorial's model. */
    boolean isGalaxy() {
        return galaxy;
    }
    /** The model file's name. */
    String name() {
        return file.getFileName().toString();
    }

    /** What {@code mlp model inspect} shows, as JSON-ready values. */
    Map<String, Object> describe() {
        return ServedModels.describe(file, model);
    }

    /** The features as the grey picture the network saw, when they are pixels; an empty array otherwise. */
    private byte[] seen(double[] features) {
        if (!(extractor instanceof PixelFeatures pixels)) {
            return new byte[0];
        }
        return pixels.colour() ? ServedModels.colourPng(features, pixels.width(), pixels.height())
                : ServedModels.greyPng(features, pixels.width(), pixels.height());
    }

    /** The class names, label 0 first. */
    List<String> classes() {
        return AppModels.classes(model);
    }
}
