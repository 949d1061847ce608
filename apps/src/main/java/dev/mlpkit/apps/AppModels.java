package dev.mlpkit.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.nn.model.ModelFileException;

/**
 * What the apps write into a model file's metadata, beyond the training settings: which app made it ({@value #APP}),
 * its feature extractor ({@value #FEATURES}: name, dimension, settings), its class names ({@value #CLASSES}), the
 * data it saw ({@value #DATA}) and a summary of the run ({@value #SUMMARY}).
 */
public final class AppModels {

    public static final String APP = "app";
    public static final String FEATURES = "features";
    public static final String CLASSES = "classes";
    public static final String DATA = "data";
    public static final String SUMMARY = "summary";

    private AppModels() {
    }

    /** Reads {@code file} and checks it was made by {@code app}; names the file and the app it belongs to otherwise. */
    public static Model read(Path file, String app) throws IOException {
        requireExists(file, app);
        Model model = ModelFile.read(file);
        Object made = model.metadata().get(APP);
        if (!app.equals(made)) {
            throw new ModelFileException(file.getFileName() + " is " + (made == null ? "not a model of an mlp app"
                    : "a " + made + " model") + ", not a " + app + " model");
        }
        return model;
    }

    /**
     * Throws, naming the file as given and the command that trains one, when there is no {@code file}: a model of
     * {@code app} ({@code galaxy}, {@code circle-line}, {@code train}, or null for any classifier).
     */
    public static void requireExists(Path file, String app) throws ModelFileException {
        if (!Files.exists(file)) {
            String train = switch (app == null ? "train" : app) {
                case "galaxy" -> "mlp galaxy train --model ";
                case "circle-line" -> "mlp circle-line --save ";
                default -> "mlp train --model ";
            };
            throw new ModelFileException(Printable.of(file) + " does not exist; train one with " + train
                    + Printable.of(file));
        }
    }

    /** The feature extractor {@code model} was trained with. */
    @SuppressWarnings("unchecked")
    public static FeatureExtractor features(Model model, Path file) throws ModelFileException {
        try {
            Map<String, Object> features = (Map<String, Object>) model.metadata().get(FEATURES);
            return FeatureExtractor.fromSettings((String) features.get("name"), (Map<String, Object>) features.get("settings"));
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new ModelFileException(file.getFileName() + " does not say which features it was trained on", e);
        }
    }

    /** The class names of {@code model}, label 0 first. */
    @SuppressWarnings("unchecked")
    public static List<String> classes(Model model) {
        Object classes = model.metadata().get(CLASSES);
        return classes instanceof List<?> list ? (List<String>) list : List.of();
    }
}
