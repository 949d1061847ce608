package dev.mlpkit.autodiff;

/**
 * Swish (Ramachandran, Zoph and Le 2017), {@code f(z) = z sigmoid(z)}: smooth, unbounded above, and slightly negative
 * for small negative {@code z}. Only its forward formula is written; automatic differentiation finds
 * {@code f'(z) = sigmoid(z) + z sigmoid(z) (1 - sigmoid(z))}.
 */
public final class Swish implements TapeActivation {

    @Override
    public String name() {
        return "swish";
    }

    @Override
    public Var apply(Tape tape, Var z) {
        return tape.mul(z, tape.sigmoid(z));
    }

    @Override
    public String toString() {
        return name();
    }
}
