package dev.mlpkit.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.training.batching.Batchings;
import dev.mlpkit.training.batching.MiniBatch;
import dev.mlpkit.training.optimizer.Adam;
import dev.mlpkit.training.optimizer.Optimizer;
import dev.mlpkit.training.optimizer.Optimizers;

class SettingsTest {

    @Test
    void anOptimizerPrintsEverySetting() {
        assertEquals("Adam(learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8)",
                new Adam(0.001, 0.9, 0.999, 1e-8).toString());
        assertEquals("MiniBatch(size=100)", new MiniBatch(100).toString());
    }

    @Test
    void theRegistryMakesConfiguredCopiesByName() {
        Optimizer adam = Optimizers.registry().create("adam", Map.of("learningRate", "0.01", "beta1", 0.95));
        assertEquals(new Adam(0.01, 0.95, 0.999, 1e-8), adam);
        assertEquals(new MiniBatch(32), Batchings.registry().create("mini-batch", Map.of("size", "32")));
        assertEquals(java.util.List.of("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"),
                Optimizers.registry(Optimizers.builtIns()).names());
    }

    @Test
    void unknownNamesAndBadValuesAreNamed() {
        assertEquals("unknown optimizer 'sgdr': known are gd, momentum, nesterov, adagrad, rmsprop, adam, adamw",
                assertThrows(IllegalArgumentException.class,
                        () -> Optimizers.registry(Optimizers.builtIns()).get("sgdr")).getMessage());
        assertEquals("unknown batching 'minibatch': known are sgd, mini-batch, batch",
                assertThrows(IllegalArgumentException.class, () -> Batchings.registry().get("minibatch")).getMessage());
        assertEquals("Adam has no setting 'beta3': its settings are learningRate, beta1, beta2, epsilon",
                assertThrows(IllegalArgumentException.class,
                        () -> Optimizers.registry().create("adam", Map.of("beta3", 1))).getMessage());
        assertEquals("learningRate must be a number above 0, not -1",
                assertThrows(IllegalArgumentException.class,
                        () -> Optimizers.registry().create("gd", Map.of("learningRate", -1))).getMessage());
        assertEquals("learningRate must be a number above 0, not NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> Optimizers.registry().create("gd", Map.of("learningRate", "NaN"))).getMessage());
        assertEquals("setting 'size' of MiniBatch must be a int, not '2.5'",
                assertThrows(IllegalArgumentException.class,
                        () -> Batchings.registry().create("mini-batch", Map.of("size", 2.5))).getMessage());
        assertEquals("batch size must be at least 1, not 0",
                assertThrows(IllegalArgumentException.class,
                        () -> Batchings.registry().create("mini-batch", Map.of("size", 0))).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "constant", "step:0.5:10", "exponential:0.95", "inverse-time:0.1", "cosine:20",
        "cosine:20:0.01", "plateau:0.5:3" })
    void schedulesRoundTripAsText(String text) {
        assertEquals(text, LearningRateSchedule.parse(text).toString());
    }

    @ParameterizedTest
    @CsvSource({ "constant, 7, 1.0", "step:0.5:10, 9, 1.0", "step:0.5:10, 10, 0.5", "step:0.5:10, 25, 0.25",
        "exponential:0.5, 3, 0.125", "inverse-time:0.5, 2, 0.5", "cosine:10, 0, 1.0", "cosine:10, 5, 0.5",
        "cosine:10, 10, 0.0", "cosine:10:0.1, 30, 0.1" })
    void schedulesScaleTheRateAsDocumented(String text, int epoch, double factor) {
        assertEquals(factor, LearningRateSchedule.parse(text).factor(epoch, new double[0]), 1e-15);
    }

    /** Worked by hand: the rate halves at the second epoch in a row without a new low, and the count starts again. */
    @Test
    void thePlateauScheduleHalvesTheRateWhenTheValidationLossStalls() {
        double[] losses = { 1.0, 0.9, 0.95, 0.92, 0.91, 0.8, 0.85, 0.86 };
        double[] factors = { 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25 };
        LearningRateSchedule plateau = LearningRateSchedule.parse("plateau:0.5:2");
        for (int epoch = 0; epoch <= losses.length; epoch++) {
            assertEquals(factors[epoch], plateau.factor(epoch, Arrays.copyOf(losses, epoch)), "epoch " + epoch);
        }
        assertTrue(plateau.watchesValidation());
        assertFalse(LearningRateSchedule.parse("step:0.5:2").watchesValidation());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "linear | unknown learning-rate schedule 'linear': known are constant, step:FACTOR:EVERY, exponential:RATE, inverse-time:RATE, cosine:EPOCHS[:FLOOR], plateau:FACTOR:PATIENCE",
        "step:0.5 | learning-rate schedule 'step:0.5' has the wrong number of values: write constant, step:FACTOR:EVERY, exponential:RATE, inverse-time:RATE, cosine:EPOCHS[:FLOOR] or plateau:FACTOR:PATIENCE",
        "plateau:1:3 | plateau factor must be at least 0 and below 1, not 1",
        "plateau:0.5:0 | plateau patience must be at least 1, not 0",
        "exponential:x | learning-rate schedule 'exponential:x' has a value that is not a number",
        "step:0:10 | step factor must be a number above 0, not 0" })
    void badSchedulesAreNamed(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse(text))
                .getMessage());
    }

    @Test
    void clippingLimitsValuesOrTheWholeNorm() {
        Gradients g = Gradients.zeros(NetworkSpec.parse("2-1:identity:nobias"), MatrixFactory.float64());
        g.weights(0).set(0, 0, 3);
        g.weights(0).set(0, 1, -4);
        GradientClipping.parse("value:2").clipInPlace(g);
        assertEquals(2.0, g.weights(0).get(0, 0));
        assertEquals(-2.0, g.weights(0).get(0, 1));
        g.weights(0).set(0, 0, 3);
        g.weights(0).set(0, 1, -4);
        GradientClipping.parse("norm:1").clipInPlace(g);
        assertEquals(0.6, g.weights(0).get(0, 0), 1e-15);
        assertEquals(-0.8, g.weights(0).get(0, 1), 1e-15);
        assertEquals("norm:1", GradientClipping.parse("norm:1").toString());
        assertEquals("unknown gradient clipping 'max:3': write none, value:LIMIT or norm:LIMIT",
                assertThrows(IllegalArgumentException.class, () -> GradientClipping.parse("max:3")).getMessage());
    }

    @Test
    void trainingSettingsRoundTripThroughModelMetadata() {
        TrainingSettings settings = TrainingSettings.defaults().withOptimizer(new Adam(0.002, 0.9, 0.99, 1e-7))
                .withSchedule(LearningRateSchedule.parse("cosine:20")).withClipping(GradientClipping.parse("norm:5"))
                .withWeightDecay(1e-4).withTargetLoss(2).withEarlyStopping(new EarlyStopping(5, 0.001))
                .withClassWeights(ClassWeights.BALANCED);
        assertEquals(settings, TrainingSettings.fromMetadata(settings.toMetadata(), Optimizers.registry(),
                Batchings.registry()));
    }

    /** Worked by hand: 6 examples, 4 of class 0 and 2 of class 1, weigh 6 / (2 * 4) and 6 / (2 * 2). */
    @Test
    void balancedClassWeightsAreNOverKTimesTheClassCount() {
        double[][] oneOutput = { { 0 }, { 0 }, { 1 }, { 0 }, { 1 }, { 0 } };
        assertArrayEquals(new double[] { 0.75, 1.5 }, ClassWeights.BALANCED.of(oneOutput));
        double[][] oneHot = { { 1, 0, 0 }, { 0, 0, 1 }, { 1, 0, 0 }, { 0, 0, 1 }, { 0, 0, 1 }, { 0, 0, 1 } };
        assertArrayEquals(new double[] { 1.5, 0, 0.75 }, ClassWeights.BALANCED.of(oneHot), "an absent class: 0");
        assertNull(ClassWeights.NONE.of(oneHot));
        assertEquals("unknown class weighting 'auto': known are none, balanced",
                assertThrows(IllegalArgumentException.class, () -> ClassWeights.parse("auto")).getMessage());
    }
}
