package dev.mlpkit.training.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mlpkit.training.EpochStats;

class EpochLogTest {

    @Test
    void theBlogsFirstEpochLineComesOutDigitForDigit() {
        EpochStats stats = new EpochStats(1, 0.8431, 1382.7, 0.870, 0.9, 0.876, 8.99, 0.01);
        assertEquals("Epoch 1: Loss = 0.843: Train Acc = 87.0%: Val Acc = 87.6%: Time = 8.99s", EpochLog.format(stats));
    }

    @Test
    void withoutValidationTheValAccPartIsLeftOut() {
        EpochStats stats = new EpochStats(3, 0.5, 2, 0.75, Double.NaN, Double.NaN, 0.5, 0.2);
        assertEquals("Epoch 3: Loss = 0.500: Train Acc = 75.0%: Time = 0.50s", EpochLog.format(stats));
    }

    /** Expected strings are what Python 3.11 prints for f"{value:.Nf}" (and for accuracy * 100 as the tutorial does). */
    @ParameterizedTest
    @CsvSource({ "0.125, 2, 0.12", "0.125, 3, 0.125", "87.45, 1, 87.5", "0.0625, 3, 0.062", "2.675, 2, 2.67",
        "1.0005, 3, 1.000", "0.8425, 3, 0.843", "0.5, 0, 0", "1.5, 0, 2" })
    void roundingMatchesPythonOnTies(double value, int decimals, String python) {
        assertEquals(python, EpochLog.fixed(value, decimals));
    }

    @Test
    void accuracyIsMultipliedBeforeRoundingAsInThePython() {
        EpochStats stats = new EpochStats(1, 0.0625, 1, 0.8745, 0.1, 0.8745, 0.125, 0.01);
        assertEquals("Epoch 1: Loss = 0.062: Train Acc = 87.5%: Val Acc = 87.5%: Time = 0.12s", EpochLog.format(stats));
    }

    @Test
    void aDivergedLossPrintsAsPythonWould() {
        assertEquals("nan", EpochLog.fixed(Double.NaN, 3));
        assertEquals("inf", EpochLog.fixed(Double.POSITIVE_INFINITY, 3));
    }
}
