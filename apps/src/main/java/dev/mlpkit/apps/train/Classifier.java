package dev.mlpkit.apps.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.mlpkit.apps.AppModels;
import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.nn.model.ModelFileException;

/**
 * A trained classifier read from its model file: its class names, the inputs it reads and its network, which gives
 * each input a probability per class (a single sigmoid output {@code p} is the second class's probability, the
 * first's is {@code 1 - p}: the galaxy app's "galaxy" and "not a galaxy").
 */
public final class Classifier {

    /** Inputs go through the network this many at a time, to bound its buffers. */
    private static final int CHUNK = 1024;

    private final List<String> classes;
    private final Inputs inputs;
    private final Network network;

    private Classifier(List<String> classes, Inputs inputs, Network network) {
        this.classes = classes;
        this.inputs = inputs;
        this.network = network;
    }

    /** The classifier in {@code file}, which {@code app} made (null: any app's classifier). */
    public static Classifier read(Path file, String app) throws IOException {
        AppModels.requireExists(file, app);
        Model model = app == null ? ModelFile.read(file) : AppModels.read(file, app);
        List<String> classes = AppModels.classes(model);
        int outputs = model.spec().outputs();
        if (classes.size() < 2 || classes.size() != (outputs == 1 ? 2 : outputs)) {
            throw new ModelFileException(file.getFileName() + " is not a classifier that names its classes"
                    + (model.metadata().containsKey(AppModels.APP) ? " (it is a " + model.metadata().get(AppModels.APP)
                    + " model)" : ""));
        }
        return new Classifier(classes, Inputs.of(model, file), new Network(model.parameters()));
    }

    /** The class names, label 0 first. */
    public List<String> classes() {
        return classes;
    }

    public Inputs inputs() {
        return inputs;
    }

    /** {@code probabilities[i][k]}: the probability that input {@code i} is of class {@code k}. */
    public double[][] probabilities(double[][] features) {
        double[][] probabilities = new double[features.length][];
        Matrix input = null;
        for (int from = 0; from < features.length; from += CHUNK) {
            int size = Math.min(CHUNK, features.length - from);
            if (input == null || input.cols() != size) {
                input = network.factory().zeros(inputs.dimension(), size);
            }
            for (int j = 0; j < size; j++) {
                input.setColumn(j, features[from + j]);
            }
            Matrix output = network.feedforward(input);
            for (int j = 0; j < size; j++) {
                probabilities[from + j] = probabilities(output, j);
            }
        }
        return probabilities;
    }

    /**
     * The class probabilities in column {@code j} of a network's {@code output}: its softmax, or {@code [1 - p, p]}
     * for a single sigmoid output {@code p}.
     */
    public static double[] probabilities(Matrix output, int j) {
        if (output.rows() == 1) {
            return new double[] { 1 - output.get(0, j), output.get(0, j) };
        }
        double[] p = new double[output.rows()];
        for (int k = 0; k < p.length; k++) {
            p[k] = output.get(k, j);
        }
        return p;
    }

    /**
     * The most probable class of each row of {@code probabilities}, as training counts it right: the first of
     * equals, but a single sigmoid output of exactly 0.5 calls the second class (the galaxy tutorial's {@code >=}).
     */
    public int[] predictions(double[][] probabilities) {
        int[] predicted = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            if (network.spec().outputs() == 1) {
                predicted[i] = probabilities[i][1] >= 0.5 ? 1 : 0;
                continue;
            }
            for (int k = 1; k < probabilities[i].length; k++) {
                predicted[i] = probabilities[i][k] > probabilities[i][predicted[i]] ? k : predicted[i];
            }
        }
        return predicted;
    }
}
