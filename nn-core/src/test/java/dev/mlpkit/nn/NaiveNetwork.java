package dev.mlpkit.nn;

/**
 * A reference MLP written straight from the equations (Nielsen, chapter 2: BP1-BP4), one example at a time with
 * {@code double[][]} loops and no mlpkit maths, to check the batched {@link Network} against.
 */
final class NaiveNetwork {

    private final NetworkSpec spec;
    /** weights[l][i][j]: from input j to unit i of layer l. */
    private final double[][][] weights;
    /** biases[l][i], all 0 for a layer without biases. */
    private final double[][] biases;

    NaiveNetwork(Parameters parameters) {
        this.spec = parameters.spec();
        int depth = spec.depth();
        weights = new double[depth][][];
        biases = new double[depth][];
        for (int l = 0; l < depth; l++) {
            weights[l] = parameters.weights(l).toRows();
            biases[l] = new double[spec.layer(l).size()];
            if (parameters.hasBiases(l)) {
                for (int i = 0; i < biases[l].length; i++) {
                    biases[l][i] = parameters.biases(l).get(i, 0);
                }
            }
        }
    }

    /** The gradient of one example's cost: {@code [l][i][j]} for weights, then {@code [l][i][fanIn]} for the bias. */
    double[][][] gradient(double[] x, double[] y) {
        int depth = spec.depth();
        double[][] zs = new double[depth][];
        double[][] activations = new double[depth + 1][];
        activations[0] = x;
        for (int l = 0; l < depth; l++) {
            double[] z = new double[weights[l].length];
            for (int i = 0; i < z.length; i++) {
                z[i] = biases[l][i];
                for (int j = 0; j < weights[l][i].length; j++) {
                    z[i] += weights[l][i][j] * activations[l][j];
                }
            }
            zs[l] = z;
            activations[l + 1] = activate(spec.layer(l).activation().name(), z);
        }

        double[] a = activations[depth];
        String outputActivation = spec.layer(depth - 1).activation().name();
        String loss = spec.loss().name();
        double[] delta;
        if (loss.equals("bce") && outputActivation.equals("sigmoid")
                || loss.equals("ce") && outputActivation.equals("softmax")) {
            delta = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                delta[i] = a[i] - y[i];
            }
        } else {
            delta = chain(outputActivation, zs[depth - 1], a, lossGradient(loss, a, y));
        }

        double[][][] gradient = new double[depth][][];
        for (int l = depth - 1; l >= 0; l--) {
            double[] previous = activations[l];
            gradient[l] = new double[delta.length][previous.length + 1];
            for (int i = 0; i < delta.length; i++) {
                for (int j = 0; j < previous.length; j++) {
                    gradient[l][i][j] = delta[i] * previous[j];
                }
                gradient[l][i][previous.length] = delta[i];
            }
            if (l > 0) {
                double[] back = new double[previous.length];
                for (int j = 0; j < previous.length; j++) {
                    for (int i = 0; i < delta.length; i++) {
                        back[j] += weights[l][i][j] * delta[i];
                    }
                }
                delta = chain(spec.layer(l - 1).activation().name(), zs[l - 1], previous, back);
            }
        }
        return gradient;
    }

    private static double[] activate(String name, double[] z) {
        double[] a = new double[z.length];
        if (name.equals("softmax")) {
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            for (int i = 0; i < z.length; i++) {
                a[i] = Math.exp(z[i] - max);
                sum += a[i];
            }
            for (int i = 0; i < z.length; i++) {
                a[i] /= sum;
            }
            return a;
        }
        for (int i = 0; i < z.length; i++) {
            switch (name) {
                case "sigmoid" -> a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
                case "tanh" -> a[i] = Math.tanh(z[i]);
                case "relu" -> a[i] = Math.max(0.0, z[i]);
                case "identity" -> a[i] = z[i];
                default -> throw new IllegalArgumentException(name);
            }
        }
        return a;
    }

    /** dC/dz from dC/da = g through the activation's Jacobian at z (output a). */
    private static double[] chain(String name, double[] z, double[] a, double[] g) {
        double[] out = new double[z.length];
        if (name.equals("softmax")) {
            for (int k = 0; k < z.length; k++) {
                for (int i = 0; i < z.length; i++) {
                    double jacobian = a[i] * ((i == k ? 1.0 : 0.0) - a[k]);
                    out[k] += jacobian * g[i];
                }
            }
            return out;
        }
        for (int i = 0; i < z.length; i++) {
            double derivative = switch (name) {
                case "sigmoid" -> {
                    double s = 1.0 / (1.0 + Math.exp(-z[i]));
                    yield s * (1.0 - s);
                }
                case "tanh" -> 1.0 - Math.tanh(z[i]) * Math.tanh(z[i]);
                case "relu" -> z[i] > 0 ? 1.0 : 0.0;
                case "identity" -> 1.0;
                default -> throw new IllegalArgumentException(name);
            };
            out[i] = g[i] * derivative;
        }
        return out;
    }

    private static double[] lossGradient(String loss, double[] a, double[] y) {
        double[] g = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            g[i] = switch (loss) {
                case "squared" -> 2.0 * (a[i] - y[i]);
                case "bce" -> -y[i] / (a[i] + 1e-8) + (1.0 - y[i]) / (1.0 - a[i] + 1e-8);
                case "ce" -> -y[i] / (a[i] + 1e-8);
                default -> throw new IllegalArgumentException(loss);
            };
        }
        return g;
    }
}
