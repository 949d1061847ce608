package dev.mlpkit.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/** Every tape operation's backward against central finite differences of its forward. */
class TapeTest {

    private static final MatrixFactory F = MatrixFactory.float64();

    private static Matrix random(int rows, int cols, long seed, double low, double high) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = F.zeros(rows, cols);
        m.modifyInPlace(x -> low + (high - low) * r.nextDouble());
        return m;
    }

    /** Checks {@code sum(weights * op(inputs))}'s gradient, so every output element's gradient is exercised. */
    private static void check(String name, BiFunction<Tape, List<Var>, Var> op, Matrix... inputs) {
        Grad.Scalar f = (tape, in) -> {
            Var out = op.apply(tape, in);
            Matrix w = random(out.rows(), out.cols(), 99, -1, 1);
            return tape.sum(tape.mul(out, tape.constant(w)));
        };
        List<Matrix> analytic = Grad.of(f).apply(List.of(inputs));
        for (int i = 0; i < inputs.length; i++) {
            for (int e = 0; e < inputs[i].size(); e++) {
                double saved = inputs[i].get(e);
                double h = 1e-6;
                inputs[i].set(e, saved + h);
                double up = Grad.value(f, List.of(inputs));
                inputs[i].set(e, saved - h);
                double down = Grad.value(f, List.of(inputs));
                inputs[i].set(e, saved);
                assertEquals((up - down) / (2 * h), analytic.get(i).get(e), 1e-7, name + " input " + i + "[" + e + "]");
            }
        }
    }

    @Test
    void everyOperationsBackwardMatchesFiniteDifferences() {
        check("matmul", (t, v) -> t.matmul(v.get(0), v.get(1)), random(3, 4, 1, -1, 1), random(4, 2, 2, -1, 1));
        check("addColumn", (t, v) -> t.addColumn(v.get(0), v.get(1)), random(3, 4, 3, -1, 1), random(3, 1, 4, -1, 1));
        check("add", (t, v) -> t.add(v.get(0), v.get(1)), random(2, 3, 5, -1, 1), random(2, 3, 6, -1, 1));
        check("sub", (t, v) -> t.sub(v.get(0), v.get(1)), random(2, 3, 7, -1, 1), random(2, 3, 8, -1, 1));
        check("mul", (t, v) -> t.mul(v.get(0), v.get(1)), random(2, 3, 9, -1, 1), random(2, 3, 10, -1, 1));
        check("a value used twice", (t, v) -> t.mul(v.get(0), v.get(0)), random(2, 3, 11, -1, 1));
        check("scale", (t, v) -> t.scale(v.get(0), -2.5), random(2, 3, 12, -1, 1));
        check("mean", (t, v) -> t.mean(v.get(0)), random(2, 3, 13, -1, 1));
        check("sigmoid", (t, v) -> t.sigmoid(v.get(0)), random(2, 3, 14, -3, 3));
        check("tanh", (t, v) -> t.tanh(v.get(0)), random(2, 3, 15, -3, 3));
        check("relu", (t, v) -> t.relu(v.get(0)), random(2, 3, 16, 0.1, 1));
        check("relu", (t, v) -> t.relu(v.get(0)), random(2, 3, 17, -1, -0.1));
        check("exp", (t, v) -> t.exp(v.get(0)), random(2, 3, 18, -2, 2));
        check("log", (t, v) -> t.log(v.get(0)), random(2, 3, 19, 0.5, 3));
        check("softmax", (t, v) -> t.softmax(v.get(0)), random(4, 3, 20, -2, 2));
        Matrix targets = random(2, 3, 21, -1, 1);
        check("squaredError", (t, v) -> t.squaredError(v.get(0), t.constant(targets)), random(2, 3, 22, -1, 1));
    }

    @Test
    void theFusedLossesHaveTheirUnfusedValues() {
        Matrix z = random(3, 4, 30, -2, 2);
        Matrix oneHot = F.zeros(3, 4);
        for (int j = 0; j < 4; j++) {
            oneHot.set(j % 3, j, 1);
        }
        Grad.Scalar fused = (t, v) -> t.softmaxCrossEntropy(v.get(0), t.constant(oneHot));
        Grad.Scalar unfused = (t, v) -> t.scale(t.sum(t.mul(t.constant(oneHot), t.log(t.add(t.softmax(v.get(0)),
                t.constant(constant(3, 4, 1e-8)))))), -1);
        assertEquals(Grad.value(unfused, List.of(z)), Grad.value(fused, List.of(z)), 1e-12);
        Matrix ones = constant(3, 4, 1);
        Grad.Scalar bce = (t, v) -> t.sigmoidBinaryCrossEntropy(v.get(0), t.constant(ones));
        Grad.Scalar bceUnfused = (t, v) -> t.scale(t.sum(t.log(t.add(t.sigmoid(v.get(0)),
                t.constant(constant(3, 4, 1e-8))))), -1);
        assertEquals(Grad.value(bceUnfused, List.of(z)), Grad.value(bce, List.of(z)), 1e-12);
        // Their gradients are a - y, the 1e-8 guard not differentiated: the full formula agrees to that guard.
        List<Matrix> g = Grad.of(fused).apply(List.of(z));
        List<Matrix> reference = Grad.of(unfused).apply(List.of(z));
        for (int k = 0; k < z.size(); k++) {
            assertEquals(reference.get(0).get(k), g.get(0).get(k), 1e-6);
        }
    }

    private static Matrix constant(int rows, int cols, double value) {
        Matrix m = F.zeros(rows, cols);
        m.fillInPlace(value);
        return m;
    }
}
