package dev.mlpkit.nn;

import java.util.function.DoubleUnaryOperator;

import dev.mlpkit.linalg.Matrix;

/** An activation applied to each element on its own, so its Jacobian is diagonal: {@code dC/dz = dC/da * f'(z)}. */
abstract class ElementwiseActivation implements Activation {

    /** {@code f(z)}. */
    abstract double value(double z);

    /** {@code f'(z)} written in terms of the output {@code a = f(z)}. */
    abstract double derivativeFromOutput(double a);

    /** Made once: a method reference made per call would be a new object per batch. */
    private final DoubleUnaryOperator value = this::value;
    private final DoubleUnaryOperator derivativeFromOutput = this::derivativeFromOutput;

    /** {@code f} on each element; an activation that the kernel computes faster overrides this. */
    @Override
    public void applyInPlace(Matrix z) {
        z.modifyInPlace(value);
    }

    /** {@code g * f'} on each element; an activation that the kernel computes faster overrides this. */
    @Override
    public void backpropInPlace(Matrix a, Matrix g) {
        g.multiplyByFunctionOfInPlace(derivativeFromOutput, a);
    }

    @Override
    public String toString() {
        return name();
    }
}
