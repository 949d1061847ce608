package dev.mlpkit.apps.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.mlpkit.apps.Main;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.nn.model.ModelFile;

/**
 * A small galaxy model trained once per test run by {@code mlp galaxy train} on generated images, and a few
 * generated images it has never seen, for the server's tests.
 */
final class ServedModel {

    static final Path FOLDER;
    static final Path MODEL;
    static final Path UNSEEN;

    static {
        try {
            FOLDER = Files.createTempDirectory("mlpkit-serve");
            Path set = FOLDER.resolve("set");
            GeneratedData.writeGalaxy(set, 60, 60, 11, false);
            UNSEEN = FOLDER.resolve("unseen");
            GeneratedData.writeGalaxy(UNSEEN, 3, 3, 12, false);
            MODEL = FOLDER.resolve("galaxy.mlp");
            int code = Main.run("galaxy", "train", "-q", "--galaxies", set.resolve("galaxies").toString(),
                    "--non-galaxies", set.resolve("non-galaxies").toString(), "--cache", FOLDER.resolve("cache").toString(),
                    "--layers", "4096-16-1", "--init", "xavier", "--optimizer", "adam", "--learning-rate", "0.003",
                    "--epochs", "30", "--batch-size", "16", "--model", MODEL.toString(), "--metrics",
                    FOLDER.resolve("metrics.csv").toString(), "--curves", FOLDER.resolve("curves.png").toString());
            if (code != 0) {
                throw new IllegalStateException("training the served model failed with exit code " + code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServedModel() {
    }

    /** A circle-line model (softmax over pixels) trained by {@code mlp circle-line} on the built-in drawings, made once. */
    static synchronized Path drawingModel() {
        Path model = FOLDER.resolve("cl.mlp");
        if (!Files.exists(model)) {
            int code = Main.run("-q", "circle-line", "--mode", "softmax", "--features", "pixels", "--cache",
                    FOLDER.resolve("cache").toString(), "--save", model.toString());
            if (code != 0) {
                throw new IllegalStateException("training the circle-line model failed with exit code " + code);
            }
        }
        return model;
    }

    /** A server of the galaxy model and the circle-line model on a free port of 127.0.0.1, not yet started. */
    static ModelServer bothServer() throws IOException {
        Path drawing = drawingModel();
        return new ModelServer(new ImageService(MODEL, ModelFile.read(MODEL), 50_000_000),
                new DrawingService(drawing, ModelFile.read(drawing), 50_000_000), "127.0.0.1", 0, 1 << 20, 4);
    }

    /** A server of the model on a free port of 127.0.0.1, not yet started. */
    static ModelServer server(long maxUpload) throws IOException {
        return new ModelServer(new ImageService(MODEL, ModelFile.read(MODEL), 50_000_000), null, "127.0.0.1", 0,
                maxUpload, 4);
    }
}
