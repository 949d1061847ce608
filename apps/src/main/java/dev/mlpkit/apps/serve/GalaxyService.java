package dev.mlpkit.apps.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;


import dev.mlpkit.apps.AppModels;
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

/**
 * A galaxy model ready to classify uploads from many threads at once: the parameters are shared and only read, and
 * each thread has its own {@link Network} (its own buffers) over them.
 */
final class GalaxyService {

    /** What the model says of one image, with a note when the image is unlike what it was trained on (or null). */
    record Verdict(String label, double probability, byte[] seenPng, String note) {
    }

    private final Path file;
    private final Model model;
    private final FeatureExtractor extractor;
    private final ImageDecoder decoder;
    private final ThreadLocal<Network> networks;
    private final ThreadLocal<Matrix> inputs;

    GalaxyService(Path file, Model model, long maxPixels) throws IOException {
        this.file = file;
        this.model = model;
        this.extractor = AppModels.features(model, file);
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
        double p = networks.get().feedforward(input).get(0, 0);
        return new Verdict(p >= 0.5 ? "galaxy" : "not a galaxy", p, seen(features),
                UnusualInput.forGalaxy(pixels).orElse(null));
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
        return extractor instanceof PixelFeatures pixels ? ServedModels.greyPng(features, pixels.width(), pixels.height())
                : new byte[0];
    }

    /** The class names, label 0 first. */
    List<String> classes() {
        return AppModels.classes(model);
    }
}
