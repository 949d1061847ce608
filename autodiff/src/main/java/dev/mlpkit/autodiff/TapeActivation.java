package dev.mlpkit.autodiff;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.nn.Activation;

/**
 * An activation given by its forward formula alone, written with a tape's operations: automatic differentiation
 * finds its derivative, so none is written by hand. Implement {@link #name()} and {@link #apply}, give the class a
 * public no-argument constructor and name it in {@code META-INF/services/dev.mlpkit.nn.Activation}; network specs
 * can then use it ({@code 784-256:swish-10:softmax}) and {@code --gradients autodiff} trains it. {@link Swish} is
 * one.
 */
public interface TapeActivation extends Activation {

    /** {@code f(z)} for a layer's weighted inputs {@code z}, as tape operations. */
    Var apply(Tape tape, Var z);

    /** The formula evaluated without differentiating, for feedforward. */
    @Override
    default void applyInPlace(Matrix z) {
        Tape tape = new Tape(z.factory());
        apply(tape, tape.constant(z)).value().copyInto(z);
    }

    /** There is no hand-derived derivative; training refuses backprop before it starts. */
    @Override
    default void backpropInPlace(Matrix a, Matrix g) {
        throw new UnsupportedOperationException("the activation '" + name() + "' is given by its forward formula"
                + " alone: train it with --gradients autodiff");
    }

    @Override
    default boolean hasHandDerivedGradient() {
        return false;
    }
}
