package dev.mlpkit.apps.circleline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mlpkit.apps.AppModels;
import dev.mlpkit.autodiff.NetworkGradients;
import dev.mlpkit.datasets.Examples;
import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFileException;
import dev.mlpkit.training.GradientMethod;
import dev.mlpkit.training.Samples;
import dev.mlpkit.training.Trainer;
import dev.mlpkit.training.TrainingResult;
import dev.mlpkit.training.TrainingSettings;
import dev.mlpkit.training.batching.Sgd;
import dev.mlpkit.training.optimizer.GradientDescent;

/**
 * Circle or line, decided the tutorial's way with two networks, MLP(circle) and MLP(line), whose larger output wins
 * (ties go to LINE), or the series' second way with one softmax network over {circle, line}.
 */
public final class CircleLineClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(CircleLineClassifier.class);

    /** How the decision is made. */
    enum Mode {
        /** The tutorial: two 3-3-1 networks (256-32-1 on pixels), sigmoid hidden layer, linear output, no biases, squared error. */
        TWO_NETWORKS("two-networks"),
        /**
         * The series' part 2 exactly: one 3-3-2 network without biases, U[0, 1) weights, a sigmoid hidden layer, a
         * softmax over {circle, line} and cross-entropy, trained per drawing in file order at 0.2 until an epoch's
         * summed loss (each drawing's before its update) is at most 2 (256-32-2 with Xavier weights on pixels).
         */
        SOFTMAX("softmax"),
        /** One softmax network with biases, trained by the tutorial's rules with the summed loss after each epoch. */
        SOFTMAX_BIASES("softmax-biases");

        final String text;

        Mode(String text) {
            this.text = text;
        }

        static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.text.equals(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown --mode '" + text + "': choose two-networks, softmax or"
                    + " softmax-biases");
        }

        /** Whether one softmax network decides (else the tutorial's two networks). */
        boolean isSoftmax() {
            return this != TWO_NETWORKS;
        }
    }

    private final Mode mode;
    private final Network first;
    private final Network line;
    private final Matrix input;

    private CircleLineClassifier(Mode mode, Network first, Network line) {
        this.mode = mode;
        this.first = first;
        this.line = line;
        this.input = first.factory().zeros(first.spec().inputs(), 1);
    }

    /**
     * Trains a classifier on {@code examples} (label 1 for a circle) as the tutorial trains: U[0, 1) weights (Xavier
     * for raw pixels, where U[0, 1) would saturate every hidden unit; and {@link #hidden} units), plain gradient descent at 0.2, one example per
     * update in file order, at most {@code epochs} passes or until the summed loss is at most 2.
     */
    static CircleLineClassifier train(Mode mode, Examples examples, long seed, int epochs, GradientMethod method) {
        int inputs = examples.features()[0].length;
        Initializer init = inputs == 3 ? Initializer.UNIFORM : Initializer.XAVIER;
        TrainingSettings settings = TrainingSettings.defaults().withOptimizer(new GradientDescent(0.2))
                .withBatching(new Sgd()).withShuffle(false).withSeed(seed).withEpochs(epochs).withTargetLoss(2.0);
        if (mode == Mode.SOFTMAX) {
            Network network = network(inputs + "-" + hidden(inputs) + ":sigmoid:nobias-2:softmax:nobias/ce", init, seed);
            partTwo(network, examples, epochs, method);
            return new CircleLineClassifier(mode, network, null);
        }
        if (mode == Mode.SOFTMAX_BIASES) {
            Network network = network(inputs + "-" + hidden(inputs) + ":sigmoid-2:softmax/ce", init, seed);
            fit(network, settings, new Samples(examples.features(), oneHot(examples)), method);
            return new CircleLineClassifier(mode, network, null);
        }
        String spec = inputs + "-" + hidden(inputs) + ":sigmoid:nobias-1:identity:nobias/squared";
        Network circle = network(spec, init, seed);
        Network line = network(spec, init, seed + 1);
        fit(circle, settings, samples(examples, true), method);
        fit(line, settings, samples(examples, false), method);
        return new CircleLineClassifier(mode, circle, line);
    }

    /** The scores of circle and of line for {@code features}: the two networks' outputs, or the softmax's. */
    public double[] scores(double[] features) {
        input.setColumn(0, features);
        Matrix out = first.feedforward(input);
        if (mode.isSoftmax()) {
            return new double[] { out.get(0, 0), out.get(1, 0) };
        }
        double circle = out.get(0, 0);
        return new double[] { circle, line.feedforward(input).get(0, 0) };
    }

    /**
     * A circle when its score is above the line's: the tutorial sends ties to LINE, the series' argmax over
     * [CIRCLE, LINE] to CIRCLE.
     */
    boolean isCircle(double[] features) {
        return circleWins(scores(features));
    }

    /** The verdict for the {@link #scores} {@code s}: whether CIRCLE wins. */
    public boolean circleWins(double[] s) {
        return mode.isSoftmax() ? s[0] >= s[1] : s[0] > s[1];
    }

    /** How many of {@code examples} it classifies right. */
    int countRight(Examples examples) {
        int right = 0;
        for (int i = 0; i < examples.size(); i++) {
            right += isCircle(examples.features()[i]) == (examples.labels()[i] == 1) ? 1 : 0;
        }
        return right;
    }

    Mode mode() {
        return mode;
    }

    /** Labels of the scores, for printing. */
    public String[] scoreNames() {
        return mode.isSoftmax() ? new String[] { "P(circle)", "P(line)" } : new String[] { "MLP(circle)", "MLP(line)" };
    }

    /** A model file of this classifier: MLP(circle) (or the softmax network) as parameters, MLP(line) as state. */
    Model toModel(FeatureExtractor extractor) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(AppModels.APP, "circle-line");
        metadata.put(AppModels.FEATURES, extractor.describe());
        metadata.put(AppModels.CLASSES, List.of("line", "circle"));
        metadata.put("mode", mode.text);
        Map<String, Matrix> state = new LinkedHashMap<>();
        if (line != null) {
            metadata.put("lineSpec", line.spec().toString());
            Parameters p = line.parameters();
            for (int k = 0; k < p.matrices().size(); k++) {
                state.put("line." + p.names().get(k), p.matrices().get(k));
            }
        }
        return Model.of(first.parameters(), state, metadata);
    }

    /** The classifier in a model file made by {@link #toModel}. */
    public static CircleLineClassifier fromModel(Model model, Path file) throws ModelFileException {
        try {
            Mode mode = Mode.parse(String.valueOf(model.metadata().get("mode")));
            Network first = new Network(model.parameters());
            if (mode.isSoftmax()) {
                return new CircleLineClassifier(mode, first, null);
            }
            Parameters line = Parameters.zeros(NetworkSpec.parse(String.valueOf(model.metadata().get("lineSpec"))),
                    first.factory());
            for (int k = 0; k < line.matrices().size(); k++) {
                Matrix saved = model.state().get("line." + line.names().get(k));
                if (saved == null) {
                    throw new ModelFileException(file.getFileName() + " has no MLP(line) array " + line.names().get(k));
                }
                saved.copyInto(line.matrices().get(k));
            }
            return new CircleLineClassifier(mode, first, new Network(line));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file.getFileName() + " is not a valid circle-line model: " + e.getMessage(), e);
        }
    }

    /**
     * Hidden units: the tutorial's 3 for its three features; 32 for the 256 pixels, where three units cannot tell a
     * small circle in a corner from a short line somewhere else.
     */
    static int hidden(int inputs) {
        return inputs == 3 ? 3 : 32;
    }

    private static Network network(String spec, Initializer init, long seed) {
        Network network = new Network(NetworkSpec.parse(spec));
        init.initialize(network.parameters(), seed);
        return network;
    }

    private static TrainingResult fit(Network network, TrainingSettings settings, Samples samples, GradientMethod method) {
        return new Trainer(settings, List.of(), method).train(network, samples, Samples.none());
    }

    /**
     * The series' part 2 loop, as its code runs it: for each drawing in file order, its loss is added to the epoch's
     * total before its gradients (all of them, then the step) move the weights by 0.2 times the gradient; the epoch's
     * total is printed, and training stops once it is at most 2, or after {@code epochs}.
     */
    private static void partTwo(Network network, Examples examples, int epochs, GradientMethod method) {
        double[][] targets = oneHot(examples);
        Matrix x = network.factory().zeros(network.spec().inputs(), 1);
        Matrix t = network.factory().zeros(2, 1);
        Gradients gradients = Gradients.like(network.parameters());
        NetworkGradients autodiff = method == GradientMethod.AUTODIFF ? new NetworkGradients() : null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double total = 0;
            for (int i = 0; i < examples.size(); i++) {
                x.setColumn(0, examples.features()[i]);
                t.setColumn(0, targets[i]);
                total += network.spec().loss().total(network.feedforward(x), t);
                if (autodiff != null) {
                    autodiff.gradientsInto(network, x, t, gradients);
                } else {
                    network.backpropInto(x, t, gradients);
                }
                network.parameters().subtractScaledInPlace(0.2, gradients);
            }
            LOG.info("Epoch {}: total loss = {}", epoch, String.format(java.util.Locale.ROOT, "%.4f", total));
            if (total <= 2) {
                return;
            }
        }
    }

    /** One-hot targets over {circle, line}. */
    private static double[][] oneHot(Examples examples) {
        double[][] targets = new double[examples.size()][];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = examples.labels()[i] == 1 ? new double[] { 1, 0 } : new double[] { 0, 1 };
        }
        return targets;
    }

    /** Targets for MLP(circle) (1 for circles) or MLP(line) (1 for lines). */
    private static Samples samples(Examples examples, boolean circle) {
        double[][] targets = new double[examples.size()][1];
        for (int i = 0; i < targets.length; i++) {
            targets[i][0] = (examples.labels()[i] == 1) == circle ? 1 : 0;
        }
        return new Samples(examples.features(), targets);
    }
}
