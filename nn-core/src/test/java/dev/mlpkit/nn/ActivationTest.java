package dev.mlpkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

class ActivationTest {

    @Test
    void softmaxColumnsArePositiveAndSumToOneEvenForHugeInputs() {
        Matrix z = MatrixFactory.float64().fromRows(new double[][] { { 1000, -1000, 0 }, { 999, -1001, 0 }, { 0, 5, 0 } });
        Activation.SOFTMAX.applyInPlace(z);
        for (int j = 0; j < 3; j++) {
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                assertTrue(z.get(i, j) >= 0 && Double.isFinite(z.get(i, j)));
                sum += z.get(i, j);
            }
            assertEquals(1.0, sum, 1e-15);
        }
        assertEquals(1.0 / 3, z.get(0, 2), 1e-15);
        assertEquals(1.0 / (1.0 + Math.exp(-1)), z.get(0, 0), 1e-15);
    }

    @Test
    void elementwiseActivationsComputeTheirFunctions() {
        Matrix z = MatrixFactory.float64().fromRows(new double[][] { { -2, 0, 3 } });
        Matrix s = z.copy();
        Activation.SIGMOID.applyInPlace(s);
        assertEquals(1 / (1 + Math.exp(2)), s.get(0, 0), 1e-16);
        assertEquals(0.5, s.get(0, 1));
        Matrix r = z.copy();
        Activation.RELU.applyInPlace(r);
        assertEquals(0.0, r.get(0, 0));
        assertEquals(3.0, r.get(0, 2));
        Matrix t = z.copy();
        Activation.TANH.applyInPlace(t);
        assertEquals(Math.tanh(3), t.get(0, 2));
        Matrix i = z.copy();
        Activation.IDENTITY.applyInPlace(i);
        assertEquals(-2.0, i.get(0, 0));
    }

    @Test
    void namesFindTheBuiltInsAndUnknownNamesListThem() {
        for (String name : Activation.names()) {
            assertSame(Activation.named(name), Activation.named(name));
            assertEquals(name, Activation.named(name).name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.named("gelu"));
        assertEquals("unknown activation 'gelu': known are [sigmoid, tanh, relu, identity, softmax]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Loss.named("mse"));
        assertEquals("unknown loss 'mse': known are [bce, squared, ce]", e.getMessage());
    }

    @Test
    void theReportedBinaryCrossEntropyHasTheTutorialsEpsilonInsideBothLogs() {
        Matrix a = MatrixFactory.float64().fromRows(new double[][] { { 1.0, 0.25 } });
        Matrix y = MatrixFactory.float64().fromRows(new double[][] { { 0.0, 1.0 } });
        double expected = -Math.log(1.0 - 1.0 + 1e-8) - Math.log(0.25 + 1e-8);
        assertEquals(expected, Loss.BINARY_CROSS_ENTROPY.total(a, y), 1e-12);
    }
}
