package dev.mlpkit.training.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;
import dev.mlpkit.training.GradientClipping;
import dev.mlpkit.training.LearningRateSchedule;
import dev.mlpkit.training.Updater;

/**
 * The contract every optimizer keeps, as a JUnit 5 kit: extend this class, return your optimizer from
 * {@link #optimizer()}, and run it. It ships in nn-training's test-jar
 * ({@code <type>test-jar</type>}), so you can run it on your own optimizers.
 *
 * <p>The parameters are those of a small network (30 numbers in four matrices); the cost is the convex quadratic
 * {@code f(w) = 1/2 sum c_i (w_i - t_i)^2} with curvatures {@code c_i} in [0.5, 2].
 */
public abstract class OptimizerContractTest {

    private static final NetworkSpec SHAPES = NetworkSpec.parse("3-4:identity-2:identity");

    @TempDir
    Path folder;

    /** The optimizer under test, with settings that descend the quadratic within {@link #steps()} steps. */
    protected abstract Optimizer optimizer();

    /** How many steps the descent test takes. */
    protected int steps() {
        return 500;
    }

    @Test
    void descendsAConvexQuadratic() {
        Quadratic f = new Quadratic(1);
        Parameters w = Parameters.zeros(SHAPES, MatrixFactory.float64());
        double start = f.value(w);
        Updater updater = updater(optimizer());
        Gradients g = Gradients.like(w);
        for (int i = 0; i < steps(); i++) {
            f.gradientInto(w, g);
            updater.stepInPlace(w, g, updater.optimizer().learningRate());
        }
        double end = f.value(w);
        assertTrue(end < 0.1 * start, optimizer() + " took f from " + start + " to " + end + " in " + steps() + " steps");
    }

    /**
     * A layer's weights moved with their gradient given as backpropagation's factors ({@code scale * delta input^T})
     * move exactly as with the gradient multiplied out first, in both precisions, over a few steps of the state: an
     * optimizer that takes a shortcut in {@link Optimizer#updateWeightsInPlace} keeps the bits of the long way.
     */
    @Test
    void weightsMovedFromTheGradientsFactorsMoveAsFromTheGradient() {
        for (MatrixFactory f : new MatrixFactory[] { MatrixFactory.float64(), MatrixFactory.float32() }) {
            Optimizer optimizer = optimizer();
            Matrix delta = random(f, 7, 9, 11);
            Matrix input = random(f, 5, 9, 12);
            Matrix shortcut = f.zeros(7, 5);    // from zero, the first step's bits show whole, not rounded into w
            Matrix longWay = shortcut.copy();
            java.util.List<Matrix> shortcutState = zeros(f, optimizer.stateNames().size());
            java.util.List<Matrix> longWayState = zeros(f, optimizer.stateNames().size());
            Matrix gradient = f.zeros(7, 5);
            for (long step = 1; step <= 3; step++) {
                optimizer.updateWeightsInPlace(shortcut, delta, input, 1.0 / 9, f.zeros(7, 5), shortcutState, 0.05,
                        step);
                delta.multiplyInto(false, input, true, 1.0 / 9, gradient);
                optimizer.updateInPlace(longWay, gradient, longWayState, 0.05, step);
            }
            for (int k = 0; k < shortcut.size(); k++) {
                assertEquals(longWay.get(k), shortcut.get(k), 0.0, optimizer + " " + f + " element " + k);
            }
        }
    }

    private static Matrix random(MatrixFactory f, int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = f.zeros(rows, cols);
        m.modifyInPlace(x -> random.nextDouble(-1, 1));
        return m;
    }

    private static java.util.List<Matrix> zeros(MatrixFactory f, int count) {
        return IntStream.range(0, count).mapToObj(i -> f.zeros(7, 5)).toList();
    }

    @Test
    void aZeroGradientLeavesTheParametersUnchanged() {
        Optimizer withoutDecay = optimizer().settings().containsKey("weightDecay")
                ? optimizer().withSettings(Map.of("weightDecay", 0.0))
                : optimizer();
        Parameters w = randomParameters(2);
        long[] before = bits(w);
        Updater updater = updater(withoutDecay);
        Gradients zero = Gradients.like(w);
        for (int i = 0; i < 20; i++) {
            updater.stepInPlace(w, zero, updater.optimizer().learningRate());
        }
        assertArrayEquals(before, bits(w));
    }

    @Test
    void resetAndCopyGiveIndependentState() {
        Quadratic f = new Quadratic(3);
        Parameters w = randomParameters(4);
        Parameters start = w.copy();
        Updater updater = updater(optimizer());
        run(updater, f, w, 5);
        OptimizerState copy = updater.state(w).copy();
        long[] copied = stateBits(copy);
        assertEquals(5, copy.steps());
        run(updater, f, w, 5);
        assertArrayEquals(copied, stateBits(copy), "stepping the original changed the copy");
        assertEquals(10, updater.state(w).steps());

        updater.reset();
        assertEquals(0, updater.state(w).steps());
        assertTrue(IntStream.range(0, SHAPES.depth() * 2).allMatch(k -> updater.state(w).of(k).stream()
                .allMatch(m -> IntStream.range(0, m.size()).allMatch(i -> m.get(i) == 0.0))), "reset left state");
        w.copyFromInPlace(start);
        run(updater, f, w, 5);
        Parameters fresh = start.copy();
        run(updater(optimizer()), f, fresh, 5);
        assertArrayEquals(bits(fresh), bits(w), "after a reset the optimizer behaves as new");
    }

    @Test
    void stateSurvivesSaveAndLoad() throws IOException {
        Quadratic f = new Quadratic(5);
        Parameters w = randomParameters(6);
        Updater original = updater(optimizer());
        run(original, f, w, 7);
        Path file = folder.resolve("optimizer.mlp");
        ModelFile.write(file, Model.of(w, original.state(w).toArrays(), Map.of("steps", original.state(w).steps())));

        Model loaded = ModelFile.read(file);
        Parameters w2 = loaded.parameters();
        Updater resumed = updater(optimizer());
        resumed.state(w2).restore(loaded.state(), ((Number) loaded.metadata().get("steps")).longValue());
        run(original, f, w, 7);
        run(resumed, f, w2, 7);
        assertArrayEquals(bits(w), bits(w2));
    }

    @Test
    void theSameSeedGivesTheSameTrajectory() {
        assertArrayEquals(noisyRun(9), noisyRun(9));
        assertFalse(java.util.Arrays.equals(noisyRun(9), noisyRun(10)));
    }

    @Test
    void toStringPrintsEverySetting() {
        String text = optimizer().toString();
        for (String setting : optimizer().settings().keySet()) {
            assertTrue(text.contains(setting + "="), text + " does not print " + setting);
        }
    }

    @Test
    void settingsRoundTripByName() {
        Optimizer o = optimizer();
        assertEquals(o, o.withSettings(o.settings()));
        assertEquals(o.name().toLowerCase(), o.name());
        assertTrue(o.learningRate() > 0);
    }

    private long[] noisyRun(long seed) {
        Quadratic f = new Quadratic(7);
        Parameters w = randomParameters(8);
        Updater updater = updater(optimizer());
        Gradients g = Gradients.like(w);
        SplittableRandom noise = new SplittableRandom(seed);
        for (int i = 0; i < 30; i++) {
            f.gradientInto(w, g);
            for (Matrix m : g.matrices()) {
                m.modifyInPlace(x -> x + noise.nextGaussian());
            }
            updater.stepInPlace(w, g, updater.optimizer().learningRate());
        }
        return bits(w);
    }

    private static Updater updater(Optimizer optimizer) {
        return new Updater(optimizer, new LearningRateSchedule.Constant(), GradientClipping.NONE, 0.0);
    }

    private static void run(Updater updater, Quadratic f, Parameters w, int steps) {
        Gradients g = Gradients.like(w);
        for (int i = 0; i < steps; i++) {
            f.gradientInto(w, g);
            updater.stepInPlace(w, g, updater.optimizer().learningRate());
        }
    }

    private static Parameters randomParameters(long seed) {
        Parameters p = Parameters.zeros(SHAPES, MatrixFactory.float64());
        SplittableRandom random = new SplittableRandom(seed);
        p.matrices().forEach(m -> m.modifyInPlace(x -> random.nextDouble() * 2 - 1));
        return p;
    }

    private static long[] bits(Parameters p) {
        return p.matrices().stream().flatMapToLong(m -> IntStream.range(0, m.size())
                .mapToLong(i -> Double.doubleToRawLongBits(m.get(i)))).toArray();
    }

    private static long[] stateBits(OptimizerState s) {
        return s.toArrays().values().stream().flatMapToLong(m -> IntStream.range(0, m.size())
                .mapToLong(i -> Double.doubleToRawLongBits(m.get(i)))).toArray();
    }

    /** {@code f(w) = 1/2 sum c_i (w_i - t_i)^2}, seeded. */
    private static final class Quadratic {
        private final Parameters curvature;
        private final Parameters target;

        Quadratic(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            curvature = Parameters.zeros(SHAPES, MatrixFactory.float64());
            target = Parameters.zeros(SHAPES, MatrixFactory.float64());
            curvature.matrices().forEach(m -> m.modifyInPlace(x -> 0.5 + 1.5 * random.nextDouble()));
            target.matrices().forEach(m -> m.modifyInPlace(x -> random.nextDouble() * 2 - 1));
        }

        double value(Parameters w) {
            double sum = 0;
            for (int k = 0; k < w.matrices().size(); k++) {
                Matrix p = w.matrices().get(k);
                for (int i = 0; i < p.size(); i++) {
                    double d = p.get(i) - target.matrices().get(k).get(i);
                    sum += 0.5 * curvature.matrices().get(k).get(i) * d * d;
                }
            }
            return sum;
        }

        void gradientInto(Parameters w, Gradients g) {
            for (int k = 0; k < w.matrices().size(); k++) {
                Matrix p = w.matrices().get(k);
                for (int i = 0; i < p.size(); i++) {
                    double d = p.get(i) - target.matrices().get(k).get(i);
                    g.matrices().get(k).set(i, curvature.matrices().get(k).get(i) * d);
                }
            }
        }
    }
}
