package dev.mlpkit.apps.serve;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.mlpkit.apps.AppModels;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecodeException;
import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.features.PixelFeatures;
import dev.mlpkit.features.RgbImage;
import dev.mlpkit.features.UnusualInput;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.nn.linalg.Matrix;
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

    GalaxyService(Path file, long maxPixels) throws IOException {
        this.file = file;
        this.model = AppModels.read(file, "galaxy");
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
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("model", name());
        info.put("network", model.spec().toString());
        info.put("parameters", model.parameters().count());
        info.put("mlpkitVersion", model.mlpkitVersion());
        info.put("created", model.created().toString());
        info.putAll(model.metadata());
        info.remove(AppModels.DATA);    // local folder names are the owner's business, not the web's
        return info;
    }

    /** The features as the grey picture the network saw, when they are pixels; an empty array otherwise. */
    private byte[] seen(double[] features) {
        if (!(extractor instanceof PixelFeatures pixels)) {
            return new byte[0];
        }
        BufferedImage grey = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < pixels.height(); y++) {
            for (int x = 0; x < pixels.width(); x++) {
                grey.getRaster().setSample(x, y, 0, (int) Math.round(features[y * pixels.width() + x] * 255));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(grey, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The class names, label 0 first. */
    List<String> classes() {
        return AppModels.classes(model);
    }
}
