package dev.mlpkit.apps.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;


import dev.mlpkit.apps.circleline.CircleLineClassifier;
import dev.mlpkit.features.Drawing16;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.ImageDecodeException;
import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.features.PixelFeatures;
import dev.mlpkit.features.RgbImage;
import dev.mlpkit.features.UnusualInput;
import dev.mlpkit.nn.model.Model;

/**
 * A circle-line model ready to classify drawings: the image is read as a 16x16 drawing, both scores are computed, and
 * the larger wins, as the tutorial decides. Its networks are tiny and share buffers, so requests take turns.
 */
final class DrawingService {

    /** What the model says of one drawing, with a note when the image is unlike a drawing (or null). */
    record Verdict(String label, Map<String, Double> scores, byte[] seenPng, String note) {
    }

    private static final PixelFeatures SEEN = new PixelFeatures(16, 16);

    private final Path file;
    private final Model model;
    private final FeatureExtractor extractor;
    private final CircleLineClassifier classifier;
    private final ImageDecoder decoder;

    DrawingService(Path file, Model model, long maxPixels) throws IOException {
        this.file = file;
        this.model = model;
        this.extractor = dev.mlpkit.apps.AppModels.features(model, file);
        this.classifier = CircleLineClassifier.fromModel(model, file);
        this.decoder = new ImageDecoder(maxPixels);
    }

    /** Decodes {@code image} (a file called {@code name}) and says whether it is a circle or a line. */
    Verdict classify(byte[] image, String name) throws ImageDecodeException {
        RgbImage pixels = decoder.decode(image, name);
        double[] features = extractor.extract(pixels);
        double[] scores;
        synchronized (this) {
            scores = classifier.scores(features);
        }
        String[] names = classifier.scoreNames();
        Map<String, Double> named = new LinkedHashMap<>();
        named.put(names[0], scores[0]);
        named.put(names[1], scores[1]);
        return new Verdict(classifier.circleWins(scores) ? "CIRCLE" : "LINE", named, seen(pixels),
                UnusualInput.forDrawing(pixels).orElse(null));
    }

    /** The model file's name. */
    String name() {
        return file.getFileName().toString();
    }

    /** What {@code mlp model inspect} shows, as JSON-ready values. */
    Map<String, Object> describe() {
        return ServedModels.describe(file, model);
    }

    /** The drawing as the 16x16 grey picture the classifier read. */
    private static byte[] seen(RgbImage pixels) {
        return ServedModels.greyPng(SEEN.extract(Drawing16.of(pixels)), 16, 16);
    }
}
