package dev.mlpkit.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A network's architecture: the number of inputs, the dense layers after them, and the loss.
 *
 * <p>Its text form, which {@link #parse} reads and {@link #toString} writes, lists the sizes from input to output
 * separated by {@code -}, each layer with its activation, then the loss after a {@code /}:
 *
 * <pre>
 * 4096-256:sigmoid-128:sigmoid-1:sigmoid/bce        the galaxy tutorial's network
 * 3-3:sigmoid:nobias-1:identity:nobias/squared      the circle/line tutorial's MLP(circle)
 * 3-3:sigmoid-2:softmax/ce                          the circle/line series' softmax network
 * </pre>
 *
 * A layer without an activation is {@code sigmoid}; {@code :nobias} removes a layer's biases; without {@code /loss}
 * the loss follows the output activation ({@code bce} after sigmoid, {@code ce} after softmax, {@code squared}
 * otherwise). Activations: sigmoid, tanh, relu, identity, softmax. Losses: bce, squared, ce.
 *
 * @param inputs the number of inputs (features), at least 1
 * @param layers the layers after the input, at least one; the last is the output layer
 * @param loss   the loss, which must suit the output layer's activation
 */
public record NetworkSpec(int inputs, List<LayerSpec> layers, Loss loss) {

    static final String NO_BIAS = "nobias";

    public NetworkSpec {
        Objects.requireNonNull(loss, "loss");
        layers = List.copyOf(layers);
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input, not " + inputs);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer after its " + inputs + " inputs");
        }
        loss.checkOutputActivation(layers.get(layers.size() - 1).activation());
    }

    /** The spec written in {@code text} (see the class comment for the form). */
    public static NetworkSpec parse(String text) {
        String[] lossSplit = text.trim().split("/", -1);
        if (lossSplit.length > 2) {
            throw new IllegalArgumentException("network spec '" + text + "' has more than one '/'");
        }
        String[] parts = lossSplit[0].split("-", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("network spec '" + text
                    + "' needs the input size and at least one layer, like 4096-256:sigmoid-1:sigmoid");
        }
        int inputs = parseSize(parts[0], text);
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            layers.add(parseLayer(parts[i], text));
        }
        Activation output = layers.get(layers.size() - 1).activation();
        Loss loss = lossSplit.length == 2 ? parseLoss(lossSplit[1], text) : Loss.naturalFor(output);
        return new NetworkSpec(inputs, layers, loss);
    }

    /** The number of layers after the input. */
    public int depth() {
        return layers.size();
    }

    /** The layer {@code index} after the input, from 0. */
    public LayerSpec layer(int index) {
        return layers.get(index);
    }

    /** The number of inputs layer {@code index} receives: the network's inputs, or the previous layer's size. */
    public int fanIn(int index) {
        return index == 0 ? inputs : layers.get(index - 1).size();
    }

    /** The number of outputs of the network. */
    /** How many weights and biases the network has, in all. */
    public long parameterCount() {
        long count = 0;
        for (int l = 0; l < depth(); l++) {
            count += (long) layer(l).size() * (fanIn(l) + (layer(l).bias() ? 1 : 0));
        }
        return count;
    }

    public int outputs() {
        return layers.get(layers.size() - 1).size();
    }

    /** The text form, which {@link #parse} reads back to an equal spec. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(inputs);
        for (LayerSpec layer : layers) {
            text.append('-').append(layer);
        }
        return text.append('/').append(loss.name()).toString();
    }

    private static LayerSpec parseLayer(String part, String text) {
        String[] fields = part.split(":", -1);
        if (fields.length > 3) {
            throw new IllegalArgumentException("layer '" + part + "' in network spec '" + text
                    + "' has too many ':' fields; the form is SIZE[:ACTIVATION][:nobias]");
        }
        int size = parseSize(fields[0], text);
        Activation activation = Activation.SIGMOID;
        if (fields.length >= 2) {
            try {
                activation = Activation.named(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer '" + part + "' in network spec '" + text + "': "
                        + e.getMessage(), e);
            }
        }
        if (fields.length == 3 && !fields[2].equals(NO_BIAS)) {
            throw new IllegalArgumentException("layer '" + part + "' in network spec '" + text
                    + "': the third field can only be '" + NO_BIAS + "', not '" + fields[2] + "'");
        }
        return new LayerSpec(size, activation, fields.length < 3);
    }

    private static int parseSize(String field, String text) {
        try {
            int size = Integer.parseInt(field.trim());
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below with the context
        }
        throw new IllegalArgumentException("size '" + field + "' in network spec '" + text
                + "' must be a whole number of at least 1");
    }

    private static Loss parseLoss(String name, String text) {
        try {
            return Loss.named(name.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("network spec '" + text + "': " + e.getMessage(), e);
        }
    }
}
