package dev.mlpkit.datasets;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any text given to the circle/line CSV readers gives rows or a {@link DatasetException} that names the line:
 * never another exception. Seeded with the tutorial's formats in src/test/resources/.../CircleLineCsvFuzzTestInputs.
 */
class CircleLineCsvFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void readingAnyTextGivesRowsOrOneSentence(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            CircleLineCsv.featuresFrom(text, "input-file.txt");
        } catch (DatasetException expected) {
            // the one clear sentence
        }
        try {
            CircleLineCsv.correctOutputsFrom(text, "correct-outputs-circle.txt");
        } catch (DatasetException expected) {
            // the one clear sentence
        }
    }
}
