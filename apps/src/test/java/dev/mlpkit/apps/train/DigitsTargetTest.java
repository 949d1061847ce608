package dev.mlpkit.apps.train;

import static dev.mlpkit.apps.MainTest.mlp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.apps.MainTest.Run;

/**
 * The target of {@code mlp train}'s default recipe on MNIST-like tasks: at least 97.0% on a separate test set of
 * 2000 digits after training on 8000, on the built-in digits and on digits of the JDK's fonts, which the generator
 * never saw. Figures per class are printed for docs/train.md.
 */
@Tag("slow")
class DigitsTargetTest {

    @TempDir
    static Path temp;

    private static Run train(String... more) {
        return TrainTest.train(temp, more);
    }

    @Test
    void theDefaultRecipeReaches97PercentOnTheBuiltInDigits() throws IOException {
        Path model = temp.resolve("digits.mlp");
        Run run = train("--model", model.toString());
        assertEquals(0, run.code(), run.err());
        System.out.println("Built-in digits, default recipe: " + run.out().substring(run.out().indexOf("Test set:")));
        assertTrue(TrainTest.testAccuracy(run) >= 97.0, run.out());

        Path fonts = FontDigits.write(temp.resolve("font-test"), 2000, 2);
        Run evaluate = mlp("evaluate", "--model", model.toString(), "--data", fonts.toString(), "--cache",
                temp.resolve("cache").toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        System.out.println("Trained on the built-in digits, evaluated on font digits:\n" + evaluate.out());
        double accuracy = Double.parseDouble(evaluate.out().replaceFirst("(?s)Accuracy: ([0-9.]+)%.*", "$1"));
        assertTrue(accuracy >= 70.0, "digits drawn by hand carry over to printed ones: " + evaluate.out());
    }

    @Test
    void theDefaultRecipeReaches97PercentOnFontDigits() throws IOException {
        Path train = FontDigits.write(temp.resolve("font-train"), 8000, 1);
        Path test = FontDigits.write(temp.resolve("font-test-2"), 2000, 3);
        Run run = train("--data", train.toString(), "--test", test.toString(), "--model",
                temp.resolve("fonts.mlp").toString());
        assertEquals(0, run.code(), run.err());
        System.out.println("Font digits, default recipe: " + run.out().substring(run.out().indexOf("Test set:")));
        assertTrue(TrainTest.testAccuracy(run) >= 97.0, run.out());
    }
}
