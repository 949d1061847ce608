package dev.mlpkit.apps.galaxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.mlpkit.apps.train.ClassificationReport;

/** The scores of {@code mlp galaxy evaluate} against values worked out by hand. */
class GalaxyEvaluateTest {

    @Test
    void logLossIsTheMeanCrossEntropyAndACertainMistakeIsFinite() {
        int[] labels = { 1, 0, 1, 0 };
        double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6) + Math.log(0.5)) / 4;
        double[][] p = { { 0.1, 0.9 }, { 0.8, 0.2 }, { 0.4, 0.6 }, { 0.5, 0.5 } };
        assertEquals(expected, ClassificationReport.logLoss(p, labels), 1e-15);
        double[][] certain = { { 1, 0 }, { 0, 1 } };
        assertEquals(-Math.log(1e-15), ClassificationReport.logLoss(certain, new int[] { 1, 0 }), 1e-9);
    }

    @Test
    /** Of the four galaxy-other pairs, three are ordered right and one is a tie: 3.5 of 4. */
    void rocAucCountsTiesAsHalf() {
        assertEquals(1.0, GalaxyEvaluate.rocAuc(new double[] { 0.9, 0.1, 0.8, 0.2 }, new int[] { 1, 0, 1, 0 }));
        assertEquals(3.5 / 4, GalaxyEvaluate.rocAuc(new double[] { 0.5, 0.5, 0.9, 0.1 }, new int[] { 1, 0, 1, 0 }));
    }
}
