package dev.mlpkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

class NetworkTest {

    /** Central differences: the step, and the largest relative error allowed per weight or bias matrix. */
    private static final double STEP = 1e-6;
    private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-6;
    /** The batched gradient against the naive per-example reference. */
    private static final double REFERENCE_TOLERANCE = 1e-12;
    private static final int BATCH = 7;

    static List<NetworkSpec> everyPairing() {
        return TestNetworks.everyPairing();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPairing")
    void gradientsMatchFiniteDifferences(NetworkSpec spec) {
        Network network = new Network(TestNetworks.randomParameters(spec, 11));
        Matrix x = TestNetworks.randomBatch(spec.inputs(), BATCH, 12);
        Matrix y = TestNetworks.targetsFor(spec, BATCH, 13);
        Gradients gradients = Gradients.like(network.parameters());
        network.backpropInto(x, y, gradients);

        Parameters parameters = network.parameters();
        for (int k = 0; k < parameters.matrices().size(); k++) {
            Matrix p = parameters.matrices().get(k);
            Matrix g = gradients.matrices().get(k);
            double differenceSquared = 0;
            double normSquared = 0;
            for (int index = 0; index < p.size(); index++) {
                double original = p.get(index);
                p.set(index, original + STEP);
                double up = meanCost(network, x, y);
                p.set(index, original - STEP);
                double down = meanCost(network, x, y);
                p.set(index, original);
                double numeric = (up - down) / (2 * STEP);
                differenceSquared += Math.pow(numeric - g.get(index), 2);
                normSquared += Math.pow(Math.abs(numeric) + Math.abs(g.get(index)), 2);
            }
            double relativeError = Math.sqrt(differenceSquared) / Math.max(Math.sqrt(normSquared), 1e-12);
            assertTrue(relativeError < FINITE_DIFFERENCE_TOLERANCE,
                    spec + " " + parameters.names().get(k) + ": relative error " + relativeError);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPairing")
    void batchedGradientsEqualTheMeanOfNaivePerExampleGradients(NetworkSpec spec) {
        Parameters parameters = TestNetworks.randomParameters(spec, 21);
        Network network = new Network(parameters);
        Matrix x = TestNetworks.randomBatch(spec.inputs(), BATCH, 22);
        Matrix y = TestNetworks.targetsFor(spec, BATCH, 23);
        Gradients gradients = Gradients.like(parameters);
        network.backpropInto(x, y, gradients);

        NaiveNetwork naive = new NaiveNetwork(parameters);
        double[][][] sum = null;
        for (int j = 0; j < BATCH; j++) {
            double[][][] g = naive.gradient(TestNetworks.column(x, j), TestNetworks.column(y, j));
            if (sum == null) {
                sum = g;
            } else {
                for (int l = 0; l < g.length; l++) {
                    for (int i = 0; i < g[l].length; i++) {
                        for (int c = 0; c < g[l][i].length; c++) {
                            sum[l][i][c] += g[l][i][c];
                        }
                    }
                }
            }
        }
        for (int l = 0; l < spec.depth(); l++) {
            int fanIn = spec.fanIn(l);
            for (int i = 0; i < spec.layer(l).size(); i++) {
                for (int c = 0; c < fanIn; c++) {
                    assertClose(sum[l][i][c] / BATCH, gradients.weights(l).get(i, c), spec + " layer " + l + " w");
                }
                if (gradients.hasBiases(l)) {
                    assertClose(sum[l][i][fanIn] / BATCH, gradients.biases(l).get(i, 0), spec + " layer " + l + " b");
                }
            }
        }
    }

    /**
     * With example weights, the gradient is that of the weighted mean cost {@code (1/n) sum_x w_x C_x}: checked
     * against central differences of that cost and against the weighted mean of the naive per-example gradients.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPairing")
    void weightedGradientsAreThoseOfTheWeightedMeanCost(NetworkSpec spec) {
        Parameters parameters = TestNetworks.randomParameters(spec, 31);
        Network network = new Network(parameters);
        Matrix x = TestNetworks.randomBatch(spec.inputs(), BATCH, 32);
        Matrix y = TestNetworks.targetsFor(spec, BATCH, 33);
        Matrix w = MatrixFactory.float64().zeros(1, BATCH);
        for (int j = 0; j < BATCH; j++) {
            w.set(j, 0.25 + 0.5 * j);
        }
        Gradients gradients = Gradients.like(parameters);
        network.backprop(x, y, w, gradients);

        NaiveNetwork naive = new NaiveNetwork(parameters);
        double[][][][] perExample = new double[BATCH][][][];
        for (int j = 0; j < BATCH; j++) {
            perExample[j] = naive.gradient(TestNetworks.column(x, j), TestNetworks.column(y, j));
        }
        for (int l = 0; l < spec.depth(); l++) {
            int fanIn = spec.fanIn(l);
            for (int i = 0; i < spec.layer(l).size(); i++) {
                for (int c = 0; c <= fanIn; c++) {
                    if (c == fanIn && !gradients.hasBiases(l)) {
                        continue;
                    }
                    double expected = 0;
                    for (int j = 0; j < BATCH; j++) {
                        expected += w.get(j) * perExample[j][l][i][c];
                    }
                    double actual = c < fanIn ? gradients.weights(l).get(i, c) : gradients.biases(l).get(i, 0);
                    assertClose(expected / BATCH, actual, spec + " layer " + l + (c < fanIn ? " w" : " b"));
                }
            }
        }
        for (int k = 0; k < parameters.matrices().size(); k++) {
            Matrix p = parameters.matrices().get(k);
            for (int index = 0; index < p.size(); index++) {
                double original = p.get(index);
                p.set(index, original + STEP);
                double up = weightedMeanCost(network, x, y, w);
                p.set(index, original - STEP);
                double down = weightedMeanCost(network, x, y, w);
                p.set(index, original);
                double numeric = (up - down) / (2 * STEP);
                double analytic = gradients.matrices().get(k).get(index);
                assertEquals(numeric, analytic, 1e-6 * Math.max(1.0, Math.abs(numeric)),
                        spec + " " + parameters.names().get(k) + "[" + index + "]");
            }
        }
    }

    /** The expected numbers come from the tutorial's own code: src/test/python/tutorial_minibatch_update.py. */
    @Test
    void oneMiniBatchUpdateFollowsTheTutorialRule() {
        MatrixFactory f = MatrixFactory.float64();
        Parameters parameters = Parameters.zeros(NetworkSpec.parse("2-2:sigmoid-1:sigmoid/bce"), f);
        f.fromRows(new double[][] { { 0.1, 0.2 }, { 0.3, 0.4 } }).copyInto(parameters.weights(0));
        f.fromRows(new double[][] { { 0.5 }, { -0.5 } }).copyInto(parameters.biases(0));
        f.fromRows(new double[][] { { 0.6, -0.7 } }).copyInto(parameters.weights(1));
        f.fromRows(new double[][] { { 0.1 } }).copyInto(parameters.biases(1));
        Matrix x = f.fromRows(new double[][] { { 1, 0 }, { 0, 1 } });
        Matrix y = f.fromRows(new double[][] { { 1, 0 } });

        Network network = new Network(parameters);
        Gradients gradients = Gradients.like(parameters);
        network.backpropInto(x, y, gradients);
        parameters.subtractScaledInPlace(0.5, gradients);

        double ulp = 1e-16;
        assertArrayEquals(new double[] { 0.11568442300942151, 0.18197473285717167 }, parameters.weights(0).toRows()[0], ulp);
        assertArrayEquals(new double[] { 0.28020326753892416, 0.4236533312485987 }, parameters.weights(0).toRows()[1], ulp);
        assertArrayEquals(new double[] { 0.5832326789893139, -0.7129297489801633 }, parameters.weights(1).toRows()[0], ulp);
        assertEquals(0.49765915586659315, parameters.biases(0).get(0, 0), ulp);
        assertEquals(-0.49614340121247713, parameters.biases(0).get(1, 0), ulp);
        assertEquals(0.07875912392188367, parameters.biases(1).get(0, 0), ulp);
    }

    @Test
    void aBatchGivesTheSameOutputsAsItsExamplesOneByOne() {
        NetworkSpec spec = NetworkSpec.parse("6-5:tanh-3:softmax");
        Network network = new Network(TestNetworks.randomParameters(spec, 31));
        Matrix batch = TestNetworks.randomBatch(6, 9, 32);
        double[][] together = network.feedforward(batch).toRows();
        for (int j = 0; j < 9; j++) {
            Matrix single = MatrixFactory.float64().zeros(6, 1);
            single.setColumn(0, TestNetworks.column(batch, j));
            Matrix output = network.feedforward(single);
            for (int i = 0; i < 3; i++) {
                assertEquals(together[i][j], output.get(i, 0), 1e-15);
            }
        }
    }

    @Test
    void float32NetworksAgreeWithFloat64ToSinglePrecision() {
        NetworkSpec spec = NetworkSpec.parse("8-6:sigmoid-1:sigmoid");
        Parameters p64 = TestNetworks.randomParameters(spec, 41);
        Parameters p32 = Parameters.zeros(spec, MatrixFactory.float32());
        for (int k = 0; k < p64.matrices().size(); k++) {
            p64.matrices().get(k).copyInto(p32.matrices().get(k));
        }
        Matrix x64 = TestNetworks.randomBatch(8, 5, 42);
        Matrix x32 = MatrixFactory.float32().zeros(8, 5);
        x64.copyInto(x32);
        double[][] out64 = new Network(p64).feedforward(x64).toRows();
        double[][] out32 = new Network(p32).feedforward(x32).toRows();
        for (int j = 0; j < 5; j++) {
            assertEquals(out64[0][j], out32[0][j], 1e-6);
        }
    }

    @Test
    void wrongShapesAreRejectedWithTheShapesNamed() {
        Network network = new Network(NetworkSpec.parse("4-3-1"));
        Matrix wrongInput = MatrixFactory.float64().zeros(5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> network.feedforward(wrongInput));
        assertEquals("the network takes 4 inputs per example, but the batch has 5 rows", e.getMessage());
        Matrix input = MatrixFactory.float64().zeros(4, 2);
        Matrix wrongTarget = MatrixFactory.float64().zeros(1, 3);
        Gradients g = Gradients.like(network.parameters());
        e = assertThrows(IllegalArgumentException.class, () -> network.backpropInto(input, wrongTarget, g));
        assertEquals("the targets are 1x3 where 1x2 is needed (outputs x batch size)", e.getMessage());
        Matrix target = MatrixFactory.float64().zeros(1, 2);
        Matrix wrongWeights = MatrixFactory.float64().zeros(2, 1);
        e = assertThrows(IllegalArgumentException.class, () -> network.backprop(input, target, wrongWeights, g));
        assertEquals("the example weights are 2x1 where 1x2 is needed (one per example)", e.getMessage());
    }

    private static double meanCost(Network network, Matrix x, Matrix y) {
        return network.spec().loss().total(network.feedforward(x), y) / x.cols();
    }

    private static double weightedMeanCost(Network network, Matrix x, Matrix y, Matrix w) {
        Matrix output = network.feedforward(x);
        double sum = 0;
        for (int j = 0; j < x.cols(); j++) {
            sum += w.get(j) * network.spec().loss().total(output, y, j, j + 1);
        }
        return sum / x.cols();
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, REFERENCE_TOLERANCE * Math.max(1.0, Math.abs(expected)), what);
    }
}
