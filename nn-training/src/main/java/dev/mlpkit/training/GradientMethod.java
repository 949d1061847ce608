package dev.mlpkit.training;

import java.util.Locale;

/** How the trainer finds a batch's gradients; both give the same gradients, to the last few bits. */
public enum GradientMethod {
    /** Nielsen's backpropagation, derived by hand for each activation and loss (BP1 to BP4). */
    BACKPROP,
    /** Reverse-mode automatic differentiation of the forward pass, on a tape ({@code dev.mlpkit.autodiff}). */
    AUTODIFF;

    /** The lowercase name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method called {@code name}, or a sentence naming the two. */
    public static GradientMethod named(String name) {
        for (GradientMethod m : values()) {
            if (m.label().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown gradient method '" + name + "': choose backprop or autodiff");
    }
}
