package dev.mlpkit.apps.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The figures of an evaluation against values worked out by hand. */
class ClassificationReportTest {

    /** Six cats, two dogs: four cats and both dogs called right. */
    private static final int[] TRUTH = { 0, 0, 0, 0, 0, 0, 1, 1 };
    private static final int[] PREDICTED = { 0, 0, 0, 0, 1, 1, 1, 1 };
    private final ClassificationReport report = ClassificationReport.of(List.of("cat", "dog"), TRUTH, PREDICTED);

    @Test
    void balancedAccuracyIsTheMeanRecallAndTheBaselineTheLargestClass() {
        assertEquals(6 / 8.0, report.accuracy());
        assertEquals((4 / 6.0 + 1.0) / 2, report.balancedAccuracy(), 1e-15);
        assertEquals(0, report.majorityClass());
        assertEquals(6 / 8.0, report.baseline());
        assertEquals(0.5, report.precision(1));
        assertEquals(2 * 0.5 * 1.0 / 1.5, report.f1(1), 1e-15);
    }

    @Test
    void textStatesEveryOverallFigure() {
        String text = report.text();
        assertTrue(text.startsWith("Accuracy: 75.0% (6 of 8)\nBalanced accuracy: 83.3% (the mean of the classes'"
                + " recalls)\nBaseline: 75.0% by always answering the largest class (cat)\n\nclass"), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMapAndTheCsvHoldTheSameFigures() {
        Map<String, Object> m = report.toMap();
        assertEquals(8, m.get("inputs"));
        assertEquals(0.75, m.get("accuracy"));
        List<Map<String, Object>> classes = (List<Map<String, Object>>) m.get("classes");
        assertEquals("dog", classes.get(1).get("class"));
        assertEquals(2, classes.get(1).get("support"));
        assertEquals(2, ((Map<String, Object>) ((Map<String, Object>) m.get("confusion")).get("cat")).get("dog"));
        List<List<String>> csv = report.csv();
        assertEquals(List.of("metric", "class", "value"), csv.get(0));
        assertTrue(csv.contains(List.of("recall", "cat", Csv.number(4 / 6.0))), csv.toString());
        assertTrue(csv.contains(List.of("confusion:dog", "cat", "2")), csv.toString());
    }
}
