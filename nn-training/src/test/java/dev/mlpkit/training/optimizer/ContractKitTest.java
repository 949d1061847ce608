package dev.mlpkit.training.optimizer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.training.Require;
import dev.mlpkit.training.Settings;

/** The kit itself must fail on broken optimizers, or it proves nothing. */
class ContractKitTest {

    @Test
    void anOptimizerThatClimbsFailsTheDescent() {
        expectFailure(ClimbingKit.class, "descendsAConvexQuadratic");
    }

    @Test
    void anOptimizerThatDriftsWithoutAGradientFailsTheZeroGradientTest() {
        expectFailure(DriftingKit.class, "aZeroGradientLeavesTheParametersUnchanged");
    }

    @Test
    void anOptimizerWithHiddenStateFailsTheResetTest() {
        expectFailure(HiddenStateKit.class, "resetAndCopyGiveIndependentState");
    }

    @Test
    void aShortcutWithOtherBitsFailsTheFactorsTest() {
        expectFailure(ShortcutKit.class, "weightsMovedFromTheGradientsFactorsMoveAsFromTheGradient");
    }

    private static void expectFailure(Class<?> kit, String test) {
        EngineTestKit.engine("junit-jupiter").selectors(selectMethod(kit, test)).execute().testEvents()
                .assertStatistics(stats -> stats.started(1).failed(1));
    }

    /** Moves along the gradient instead of against it. */
    public record Climbing(double learningRate) implements Optimizer {
        @Override
        public String name() {
            return "climbing";
        }

        @Override
        public void updateInPlace(Matrix p, Matrix g, List<Matrix> state, double rate, long step) {
            p.addScaledInPlace(rate, g);
        }

        @Override
        public String toString() {
            return Settings.describe(this);
        }
    }

    /** Adds a constant to every parameter on every step. */
    public record Drifting(double learningRate) implements Optimizer {
        @Override
        public String name() {
            return "drifting";
        }

        @Override
        public void updateInPlace(Matrix p, Matrix g, List<Matrix> state, double rate, long step) {
            p.addScaledInPlace(-rate, g);
            p.modifyInPlace(x -> x + 1e-3);
        }

        @Override
        public String toString() {
            return Settings.describe(this);
        }
    }

    /** Keeps a velocity in a field of its own, which neither reset nor copy can see. */
    public static final class HiddenState implements Optimizer {
        private double velocity;

        @Override
        public String name() {
            return "hidden";
        }

        @Override
        public double learningRate() {
            return Require.positive("learningRate", 0.01);
        }

        @Override
        public void updateInPlace(Matrix p, Matrix g, List<Matrix> state, double rate, long step) {
            velocity = 0.9 * velocity + 0.01;
            p.addScaledInPlace(-rate * (1 + velocity), g);
        }
    }

    /** Plain descent whose shortcut folds the learning rate into the scale: the same maths, other roundings. */
    public record FoldedShortcut(double learningRate) implements Optimizer {
        @Override
        public String name() {
            return "folded";
        }

        @Override
        public void updateInPlace(Matrix p, Matrix g, List<Matrix> state, double rate, long step) {
            p.addScaledInPlace(-rate, g);
        }

        @Override
        public void updateWeightsInPlace(Matrix weights, Matrix delta, Matrix input, double scale, Matrix gradient,
                List<Matrix> state, double rate, long step) {
            delta.multiplyAddInto(false, input, true, scale * rate, -1.0, weights);
        }

        @Override
        public String toString() {
            return Settings.describe(this);
        }
    }

    static class ShortcutKit extends OptimizerContractTest {
        @Override
        protected Optimizer optimizer() {
            return new FoldedShortcut(0.01);
        }
    }

    static class ClimbingKit extends OptimizerContractTest {
        @Override
        protected Optimizer optimizer() {
            return new Climbing(0.01);
        }
    }

    static class DriftingKit extends OptimizerContractTest {
        @Override
        protected Optimizer optimizer() {
            return new Drifting(0.01);
        }
    }

    static class HiddenStateKit extends OptimizerContractTest {
        private static final HiddenState SHARED = new HiddenState();

        @Override
        protected Optimizer optimizer() {
            return SHARED;
        }
    }
}
