package dev.mlpkit.nn;

import dev.mlpkit.nn.linalg.Matrix;

/** An activation applied to each element on its own, so its Jacobian is diagonal: {@code dC/dz = dC/da * f'(z)}. */
abstract class ElementwiseActivation implements Activation {

    /** {@code f(z)}. */
    abstract double value(double z);

    /** {@code f'(z)} written in terms of the output {@code a = f(z)}. */
    abstract double derivativeFromOutput(double a);

    @Override
    public final void applyInPlace(Matrix z) {
        int n = z.size();
        for (int k = 0; k < n; k++) {
            z.set(k, value(z.get(k)));
        }
    }

    @Override
    public final void backpropInPlace(Matrix a, Matrix g) {
        int n = g.size();
        for (int k = 0; k < n; k++) {
            g.set(k, g.get(k) * derivativeFromOutput(a.get(k)));
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
