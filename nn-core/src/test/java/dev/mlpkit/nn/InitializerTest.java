package dev.mlpkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

class InitializerTest {

    private static final NetworkSpec SPEC = NetworkSpec.parse("200-100-50-1");

    @ParameterizedTest
    @ValueSource(strings = { "normal", "uniform", "xavier", "he" })
    void theSameSeedGivesTheSameParametersBitForBit(String name) {
        Initializer initializer = Initializer.named(name);
        long[] first = bits(initialized(initializer, 7));
        assertArrayEquals(first, bits(initialized(initializer, 7)));
        assertFalse(Arrays.equals(first, bits(initialized(initializer, 8))), "another seed, other parameters");
    }

    @Test
    void normalIsTheTutorialsUnscaledStandardNormalForWeightsAndBiases() {
        Parameters p = initialized(Initializer.NORMAL, 1);
        double[] w = values(p.weights(0));
        // 20,000 draws: the tolerances are about four standard errors.
        assertEquals(0.0, mean(w), 0.03);
        assertEquals(1.0, variance(w), 0.04);
        assertEquals(1.0, variance(values(p.biases(0))), 0.3);
    }

    @Test
    void uniformDrawsFromZeroToOne() {
        double[] w = values(initialized(Initializer.UNIFORM, 2).weights(0));
        assertTrue(Arrays.stream(w).allMatch(v -> v >= 0.0 && v < 1.0));
        assertEquals(0.5, mean(w), 0.01);
    }

    @Test
    void xavierAndHeAreScaledByFanInAndFanOut() {
        Parameters xavier = initialized(Initializer.XAVIER, 3);
        double bound = Math.sqrt(6.0 / (200 + 100));
        assertTrue(Arrays.stream(values(xavier.weights(0))).allMatch(v -> Math.abs(v) <= bound));
        assertEquals(bound * bound / 3, variance(values(xavier.weights(0))), 0.001);
        assertTrue(Arrays.stream(values(xavier.biases(0))).allMatch(v -> v == 0.0));
        Parameters he = initialized(Initializer.HE, 4);
        assertEquals(2.0 / 200, variance(values(he.weights(0))), 0.0005);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializer.named("lecun"));
        assertEquals("unknown initializer 'lecun': known are [normal, uniform, xavier, he]", e.getMessage());
    }

    private static Parameters initialized(Initializer initializer, long seed) {
        Parameters p = Parameters.zeros(SPEC, MatrixFactory.float64());
        initializer.initialize(p, seed);
        return p;
    }

    private static long[] bits(Parameters p) {
        return p.matrices().stream().flatMapToDouble(m -> Arrays.stream(values(m))).mapToLong(Double::doubleToRawLongBits)
                .toArray();
    }

    private static double[] values(Matrix m) {
        double[] v = new double[m.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = m.get(k);
        }
        return v;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double variance(double[] v) {
        double m = mean(v);
        return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length;
    }
}
