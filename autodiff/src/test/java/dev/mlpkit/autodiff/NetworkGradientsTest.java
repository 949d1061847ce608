package dev.mlpkit.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlpkit.linalg.Compute;
import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.nn.TestNetworks;

/** Autodiff's gradients against hand-derived backpropagation and against finite differences, for every pairing. */
class NetworkGradientsTest {

    private static final int BATCH = 7;

    @Test
    void equalBackpropagationForEveryActivationAndLoss() {
        for (NetworkSpec spec : TestNetworks.everyPairing()) {
            if (spec.toString().contains("swish")) {
                continue; // no hand-derived gradient to compare with: finite differences check it below
            }
            Network network = new Network(TestNetworks.randomParameters(spec, 3));
            Matrix x = TestNetworks.randomBatch(spec.inputs(), BATCH, 4);
            Matrix y = TestNetworks.targetsFor(spec, BATCH, 5);
            Gradients backprop = Gradients.like(network.parameters());
            network.backpropInto(x, y, backprop);
            Gradients autodiff = Gradients.like(network.parameters());
            new NetworkGradients().gradientsInto(network, x, y, autodiff);
            for (int k = 0; k < backprop.matrices().size(); k++) {
                double error = relativeError(backprop.matrices().get(k), autodiff.matrices().get(k));
                assertTrue(error < 1e-12, spec + " " + backprop.names().get(k) + ": relative error " + error);
            }
        }
    }

    @Test
    void equalFiniteDifferencesForEveryActivationAndLoss() {
        assertTrue(TestNetworks.everyPairing().stream().anyMatch(s -> s.toString().contains("swish")),
                "the forward-only swish, found through its services file, is among the pairings");
        for (NetworkSpec spec : TestNetworks.everyPairing()) {
            Parameters parameters = TestNetworks.randomParameters(spec, 6);
            Network network = new Network(parameters);
            Matrix x = TestNetworks.randomBatch(spec.inputs(), BATCH, 7);
            Matrix y = TestNetworks.targetsFor(spec, BATCH, 8);
            Gradients autodiff = Gradients.like(parameters);
            new NetworkGradients().gradientsInto(network, x, y, autodiff);
            for (int k = 0; k < parameters.matrices().size(); k++) {
                Matrix p = parameters.matrices().get(k);
                for (int e = 0; e < p.size(); e += 3) {
                    double h = 1e-6;
                    double saved = p.get(e);
                    p.set(e, saved + h);
                    double up = meanCost(network, x, y);
                    p.set(e, saved - h);
                    double down = meanCost(network, x, y);
                    p.set(e, saved);
                    double numeric = (up - down) / (2 * h);
                    double analytic = autodiff.matrices().get(k).get(e);
                    assertEquals(numeric, analytic, 1e-6 * Math.max(1, Math.abs(numeric)),
                            spec + " " + parameters.names().get(k) + "[" + e + "]");
                }
            }
        }
    }

    @Test
    void aTrainingLoopAllocatesAlmostNothingPerBatchAfterTheFirst() {
        MatrixFactory f = MatrixFactory.float64(Compute.best().withThreads(1));
        Network network = new Network(NetworkSpec.parse("4096-256-128-1"), f);
        Initializer.NORMAL.initialize(network.parameters(), 1);
        Matrix x = f.zeros(4096, 100);
        x.fillInPlace(0.5);
        Matrix y = f.zeros(1, 100);
        y.fillInPlace(1);
        Gradients gradients = Gradients.like(network.parameters());
        NetworkGradients engine = new NetworkGradients();
        for (int i = 0; i < 20; i++) {
            engine.gradientsInto(network, x, y, gradients);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 5; i++) {
                engine.gradientsInto(network, x, y, gradients);
            }
            least = Math.min(least, (threads.getCurrentThreadAllocatedBytes() - before) / 5);
        }
        System.out.println("allocation: autodiff gradients of 4096-256-128-1, batch 100: " + least + " bytes per batch");
        assertTrue(least < 4096, "the tape's operation records, not a network's worth of buffers: " + least + " bytes");
    }

    @Test
    void gradIsAutogradsGrad() {
        // f(w0, w1) = sum((w0 w1)^2): df/dw0 = 2 (w0 w1) w1^T, df/dw1 = 2 w0^T (w0 w1).
        MatrixFactory f = MatrixFactory.float64();
        Matrix w0 = f.fromRows(new double[][] { { 1, 2 }, { 3, 4 } });
        Matrix w1 = f.fromRows(new double[][] { { 0.5 }, { -1 } });
        Grad.Scalar squares = (tape, w) -> {
            Var p = tape.matmul(w.get(0), w.get(1));
            return tape.sum(tape.mul(p, p));
        };
        List<Matrix> g = Grad.of(squares).apply(List.of(w0, w1));
        // w0 w1 = [-1.5, -2.5]
        assertEquals(-1.5 * 2 * 0.5, g.get(0).get(0, 0), 1e-15);
        assertEquals(-1.5 * 2 * -1, g.get(0).get(0, 1), 1e-15);
        assertEquals(-2.5 * 2 * 0.5, g.get(0).get(1, 0), 1e-15);
        assertEquals(2 * (1 * -1.5 + 3 * -2.5), g.get(1).get(0, 0), 1e-15);
        assertEquals(2 * (2 * -1.5 + 4 * -2.5), g.get(1).get(1, 0), 1e-15);
        assertEquals(1.5 * 1.5 + 2.5 * 2.5, Grad.value(squares, List.of(w0, w1)), 1e-15);
    }

    /** The network's mean cost over the batch, as the trainer reports it. */
    private static double meanCost(Network network, Matrix x, Matrix y) {
        return network.spec().loss().total(network.feedforward(x), y) / x.cols();
    }

    private static double relativeError(Matrix expected, Matrix actual) {
        double largest = 0;
        double difference = 0;
        for (int k = 0; k < expected.size(); k++) {
            largest = Math.max(largest, Math.abs(expected.get(k)));
            difference = Math.max(difference, Math.abs(expected.get(k) - actual.get(k)));
        }
        return largest == 0 ? difference : difference / largest;
    }
}
