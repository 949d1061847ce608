package dev.mlpkit.nn;

import java.util.Objects;

/**
 * One dense layer after the input: how many units, their activation, and whether they have biases.
 *
 * @param size       the number of units (the layer's outputs), at least 1
 * @param activation the activation applied to the layer's weighted inputs
 * @param bias       whether the layer adds a bias to each unit (the circle/line tutorial's networks have none)
 */
public record LayerSpec(int size, Activation activation, boolean bias) {

    public LayerSpec {
        Objects.requireNonNull(activation, "activation");
        if (size < 1) {
            throw new IllegalArgumentException("a layer needs at least 1 unit, not " + size);
        }
    }

    /** A layer with biases. */
    public static LayerSpec of(int size, Activation activation) {
        return new LayerSpec(size, activation, true);
    }

    /** The layer's text form: {@code 256:sigmoid}, or {@code 3:sigmoid:nobias}. */
    @Override
    public String toString() {
        return size + ":" + activation.name() + (bias ? "" : ":" + NetworkSpec.NO_BIAS);
    }
}
