package dev.mlpkit.training;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.nn.Gradients;

/**
 * Limits the gradient before the optimizer sees it. Written as text: {@code none}, {@code value:5} (each element
 * into [-5, 5]) or {@code norm:1} (the whole gradient, all layers together, scaled down to length 1 when longer).
 *
 * @param kind      none, value or norm
 * @param threshold the limit, above 0 (ignored for none)
 */
public record GradientClipping(Kind kind, double threshold) {

    /** What is limited. */
    public enum Kind {
        NONE, VALUE, NORM
    }

    /** No clipping. */
    public static final GradientClipping NONE = new GradientClipping(Kind.NONE, 0);

    public GradientClipping {
        if (kind != Kind.NONE) {
            Require.positive("gradient clipping threshold", threshold);
        }
    }

    /** The clipping written as {@code text}. */
    public static GradientClipping parse(String text) {
        String[] p = text.trim().split(":", -1);
        if (p.length == 1 && p[0].equals("none")) {
            return NONE;
        }
        if (p.length == 2 && (p[0].equals("value") || p[0].equals("norm"))) {
            try {
                return new GradientClipping(p[0].equals("value") ? Kind.VALUE : Kind.NORM, Double.parseDouble(p[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gradient clipping '" + text + "': '" + p[1] + "' is not a number");
            }
        }
        throw new IllegalArgumentException("unknown gradient clipping '" + text + "': write none, value:LIMIT or norm:LIMIT");
    }

    /** Clips {@code gradients} in place. */
    public void clipInPlace(Gradients gradients) {
        switch (kind) {
            case NONE -> {
            }
            case VALUE -> {
                for (Matrix g : gradients.matrices()) {
                    for (int k = 0; k < g.size(); k++) {
                        g.set(k, Math.max(-threshold, Math.min(threshold, g.get(k))));
                    }
                }
            }
            case NORM -> {
                double sumOfSquares = 0;
                for (Matrix g : gradients.matrices()) {
                    for (int k = 0; k < g.size(); k++) {
                        sumOfSquares += g.get(k) * g.get(k);
                    }
                }
                double norm = Math.sqrt(sumOfSquares);
                if (norm > threshold) {
                    for (Matrix g : gradients.matrices()) {
                        g.scaleInPlace(threshold / norm);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "none" : kind.name().toLowerCase() + ":" + Settings.format(threshold);
    }
}
