package dev.mlpkit.apps.train;

import static dev.mlpkit.apps.MainTest.mlp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.apps.MainTest.Run;
import dev.mlpkit.datasets.GeneratedData;

/** {@code mlp train}, {@code mlp classify} and {@code mlp evaluate} end to end, on images and on a table. */
class TrainTest {

    @TempDir
    static Path temp;
    static Path digits;
    static Path table;

    @BeforeAll
    static void data() throws IOException {
        digits = temp.resolve("digits");
        GeneratedData.writeDigits(digits, 600, 200, 3, false);
        table = temp.resolve("flowers.csv");
        Files.writeString(table, flowers(300, 11));
    }

    /** An Iris-like table: three species, four measurements around each species' own means, in random order. */
    static String flowers(int rows, long seed) {
        double[][] means = { { 5.0, 3.4, 1.5, 0.2 }, { 5.9, 2.8, 4.3, 1.3 }, { 6.6, 3.0, 5.6, 2.0 } };
        String[] species = { "setosa", "versicolor", "virginica" };
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("sepal_length,sepal_width,species,petal_length,petal_width\n");
        for (int i = 0; i < rows; i++) {
            int s = random.nextInt(3);
            double[] m = means[s];
            csv.append(String.format(Locale.ROOT, "%.1f,%.1f,%s,%.1f,%.1f%n", m[0] + 0.35 * random.nextGaussian(),
                    m[1] + 0.3 * random.nextGaussian(), species[s], m[2] + 0.3 * random.nextGaussian(),
                    m[3] + 0.15 * random.nextGaussian()));
        }
        return csv.toString();
    }

    private static Run train(String... more) {
        return train(temp, more);
    }

    /** {@code mlp train} with its cache, metrics and curves in {@code folder}. */
    static Run train(Path folder, String... more) {
        String[] base = { "train", "--cache", folder.resolve("cache").toString(), "--metrics",
            folder.resolve("m.csv").toString(), "--curves", folder.resolve("c.png").toString() };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return mlp(all);
    }

    @Test
    void trainsOnClassFoldersAndScoresTheTestFolder() {
        Path model = temp.resolve("digits.mlp");
        Run run = train("--data", digits.resolve("train").toString(), "--test", digits.resolve("test").toString(),
                "--hidden", "64", "--epochs", "8", "--model", model.toString());
        assertEquals(0, run.code(), run.err());
        double accuracy = testAccuracy(run);
        assertTrue(accuracy > 40, "four times chance: " + run.out());
        for (String expected : new String[] { "class      precision  recall     f1  support", "macro avg",
            "Confusion matrix (rows: truth, columns: prediction):" }) {
            assertTrue(run.out().contains(expected), expected + " in " + run.out());
        }

        Run evaluate = mlp("evaluate", "--model", model.toString(), "--data", digits.resolve("test").toString(),
                "--cache", temp.resolve("cache").toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().startsWith(String.format(Locale.ROOT, "Accuracy: %.1f%%", accuracy)),
                "evaluate gives the test score training printed: " + evaluate.out());
        assertTrue(evaluate.out().contains("\nBaseline: ") && evaluate.out().contains("\nLog loss: "), evaluate.out());
        Run errors = mlp("evaluate", "--errors", "--model", model.toString(), "--data",
                digits.resolve("test").toString(), "--cache", temp.resolve("cache").toString());
        assertEquals(0, errors.code(), errors.err());
        String listed = errors.out().substring(errors.out().indexOf("\nMisclassified: "));
        java.util.regex.Matcher counts = java.util.regex.Pattern.compile("Accuracy: [0-9.]+% \\((\\d+) of (\\d+)\\)")
                .matcher(errors.out());
        assertTrue(counts.find(), errors.out());
        int wrong = Integer.parseInt(counts.group(2)) - Integer.parseInt(counts.group(1));
        assertTrue(listed.startsWith("\nMisclassified: " + wrong + "\n"), listed);
        assertTrue(listed.lines().skip(2).allMatch(l -> l.matches("  \\S*digit-\\d+\\.png: (\\d), called (?!\\1)\\d \\(p=\\d\\.\\d\\d\\)")),
                listed);

        Run classify = mlp("classify", "--model", model.toString(), "--top", "2",
                digits.resolve("test/7/digit-608.png").toString());
        assertEquals(0, classify.code(), classify.err());
        assertTrue(classify.out().matches("\\S*digit-608\\.png: \\d \\(p=\\d\\.\\d\\d\\), \\d \\(p=\\d\\.\\d\\d\\)\\s*"),
                classify.out());

        Run inspect = mlp("model", "inspect", model.toString());
        assertEquals(0, inspect.code(), inspect.err());
        assertTrue(inspect.out().contains("784-64:relu-10:softmax/ce"), inspect.out());
        assertTrue(inspect.out().contains("\"0\", \"1\", \"2\""), inspect.out());
        assertTrue(inspect.out().contains("rotate:10,shift:2 x3"), inspect.out());
    }

    @Test
    void trainsOnATableAndClassifiesRowsByColumnName() throws IOException {
        Path model = temp.resolve("flowers.mlp");
        Path test = temp.resolve("flowers-test.csv");
        Files.writeString(test, flowers(90, 12));
        Run run = train("--data", table.toString(), "--label", "species", "--test", test.toString(), "--model",
                model.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("setosa"), run.out());
        double accuracy = testAccuracy(run);
        assertTrue(accuracy >= 90, run.out());

        // The columns in another order and without the label: classify reads them by name.
        Path rows = temp.resolve("new-flowers.csv");
        Files.writeString(rows, "petal_width,petal_length,sepal_width,sepal_length\n0.2,1.4,3.5,5.1\n2.1,5.8,3.0,6.7\n");
        Run classify = mlp("classify", "--model", model.toString(), rows.toString());
        assertEquals(0, classify.code(), classify.err());
        assertEquals("new-flowers.csv row 1: setosa", classify.out().lines().toList().get(0).replaceFirst(" \\(p=.*", ""));
        assertEquals("new-flowers.csv row 2: virginica", classify.out().lines().toList().get(1).replaceFirst(" \\(p=.*", ""));

        Run evaluate = mlp("evaluate", "--model", model.toString(), "--data", test.toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().contains("virginica"), evaluate.out());

        Path fewer = temp.resolve("fewer.csv");
        Files.writeString(fewer, "sepal_length,sepal_width,petal_width\n5.1,3.5,0.2\n");
        Run missing = mlp("classify", "--model", model.toString(), fewer.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("fewer.csv has no column 'petal_length', which the model reads"),
                missing.err());
    }

    @Test
    void aForwardOnlyActivationTrainsWithAutodiff() {
        Path model = temp.resolve("swish.mlp");
        Run refused = train("--data", digits.resolve("train").toString(), "--hidden", "32:swish", "--model",
                model.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("the activation 'swish' is given by its forward formula alone, so"
                + " backpropagation has no derivative for it: add --gradients autodiff"), refused.err());
        Run run = train("--data", digits.resolve("train").toString(), "--test", digits.resolve("test").toString(),
                "--hidden", "32:swish", "--gradients", "autodiff", "--epochs", "8", "--model", model.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(testAccuracy(run) > 40, "four times chance: " + run.out());
        Run classify = mlp("classify", "--model", model.toString(), digits.resolve("test/7/digit-608.png").toString());
        assertEquals(0, classify.code(), classify.err());
    }

    @Test
    void colourTellsApartWhatGreyCannot() throws IOException {
        // Red and green of the same grey level: grey pixels cannot tell them apart, colour ones can.
        Path colours = temp.resolve("colours");
        SplittableRandom random = new SplittableRandom(5);
        for (String name : new String[] { "green", "red" }) {
            Path folder = Files.createDirectories(colours.resolve(name));
            for (int i = 0; i < 40; i++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                int level = 120 + random.nextInt(60);
                java.awt.Color c = name.equals("red") ? new java.awt.Color(Math.min(255, level * 2), 0, 0)
                        : new java.awt.Color(0, (int) Math.round(level * 2 * 0.299 / 0.587), 0);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        image.setRGB(x, y, c.getRGB());
                    }
                }
                ImageIO.write(image, "png", folder.resolve(i + ".png").toFile());
            }
        }
        Path model = temp.resolve("colours.mlp");
        Run run = train("--data", colours.toString(), "--colour", "--hidden", "8", "--epochs", "60",
                "--early-stopping", "0", "--augment", "none", "--model", model.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("8x8 colour pixels"), run.out());
        Run classify = mlp("classify", "--model", model.toString(), colours.resolve("red/3.png").toString(),
                colours.resolve("green/3.png").toString());
        assertEquals(0, classify.code(), classify.err());
        List<String> lines = classify.out().lines().toList();
        assertTrue(lines.get(0).contains(": red (p="), classify.out());
        assertTrue(lines.get(1).contains(": green (p="), classify.out());
    }

    @Test
    void badInputGetsOneSentence() throws IOException {
        Path one = Files.createDirectories(temp.resolve("one/cats"));
        copy(digits.resolve("train/1/digit-2.png"), one.resolve("a.png"));
        assertFails(train("--data", temp.resolve("one").toString()), 1, "has one class folder (cats)");

        Path empty = temp.resolve("empty");
        Files.createDirectories(empty.resolve("cats"));
        Files.createDirectories(empty.resolve("dogs"));
        copy(digits.resolve("train/1/digit-2.png"), empty.resolve("cats/a.png"));
        assertFails(train("--data", empty.toString()), 1, "has no images");

        Path mixed = temp.resolve("mixed");
        Files.createDirectories(mixed.resolve("big"));
        Files.createDirectories(mixed.resolve("small"));
        ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY), "png", mixed.resolve("big/b.png").toFile());
        ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", mixed.resolve("small/s.png").toFile());
        assertFails(train("--data", mixed.toString()), 1, "the images differ in size");
        assertFails(train("--data", mixed.toString(), "--size", "28by28"), 2, "--size is WIDTHxHEIGHT");

        assertFails(train("--data", table.toString()), 2, "--label COLUMN");
        assertFails(train("--data", table.toString(), "--label", "kind"), 1,
                "flowers.csv has no column 'kind' for the labels; its columns are sepal_length, sepal_width, species");
        Path ragged = temp.resolve("ragged.csv");
        Files.writeString(ragged, "a,b,label\n1,2,x\n3,y\n");
        assertFails(train("--data", ragged.toString(), "--label", "label"), 1,
                "line 3 of ragged.csv has 2 values, but the header names 3 columns");
        Path words = temp.resolve("words.csv");
        Files.writeString(words, "a,b,label\n1,2,x\n3,four,y\n");
        assertFails(train("--data", words.toString(), "--label", "label"), 1,
                "line 3 of words.csv has 'four' in column 'b', which is not a finite number");
        Path single = temp.resolve("single.csv");
        Files.writeString(single, "a,label\n1,x\n2,x\n");
        assertFails(train("--data", single.toString(), "--label", "label"), 1, "needs at least two classes");
        assertFails(train("--data", table.toString(), "--label", "species", "--colour"), 2, "--colour is for images");
        assertFails(train("--data", table.toString(), "--label", "species", "--augment", "shift"), 2,
                "--augment transforms images");
        assertFails(train("--data", digits.resolve("train").toString(), "--augment", "twist"), 2,
                "unknown transformation 'twist'");
        assertFails(train("--data", digits.resolve("train").toString(), "--hidden", "ten"), 2, "--hidden ten");
        assertFails(train("--data", digits.resolve("train").toString(), "--val-split", "0"), 2,
                "--early-stopping watches the validation loss");
        assertFails(train("--data", digits.resolve("train").toString(), "--val-split", "0", "--early-stopping", "0",
                "--schedule", "plateau:0.5:3"), 2, "--schedule plateau:0.5:3 lowers the rate when the validation loss"
                        + " stalls, and --val-split 0 leaves no validation set: give --val-split 0.1, or another"
                        + " --schedule");
        assertFails(train("--data", digits.resolve("train").toString(), "--schedule", "plateau:2:3"), 2,
                "plateau factor must be at least 0 and below 1, not 2");
    }

    /**
     * A resumed run goes on with the folder, test folder, split and augmentation the model records, appends to the
     * metrics, and refuses others in one sentence each; a table model keeps its label column.
     */
    @Test
    void resumingContinuesOnTheRecordedData() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("resume"));
        Path model = folder.resolve("r.mlp");
        Run first = train(folder, "--data", digits.resolve("train").toString(), "--test",
                digits.resolve("test").toString(), "--hidden", "16", "--epochs", "2", "--augment", "none", "--model", model.toString());
        assertEquals(0, first.code(), first.err());
        Run more = train(folder, "--resume", model.toString(), "--epochs", "3", "--augment", "none", "--model",
                model.toString());
        assertEquals(0, more.code(), more.err());
        assertTrue(more.out().contains("Resuming on the data r.mlp was trained on: "
                + digits.resolve("train").toAbsolutePath()) && more.out().contains("Epoch 3:")
                && more.out().contains("\nTest set: Accuracy: "), more.out());
        List<String> metrics = Files.readAllLines(folder.resolve("m.csv"));
        assertEquals(4, metrics.size(), "the header and epochs 1 to 3: " + metrics);

        assertFails(train(folder, "--resume", model.toString(), "--epochs", "4", "--augment", "none", "--data",
                digits.resolve("test").toString()), 2, "--resume continues on the data r.mlp was trained on ("
                        + digits.resolve("train").toAbsolutePath() + "); leave out --data, or train a new model without"
                        + " --resume");
        assertFails(train(folder, "--resume", model.toString(), "--epochs", "4"), 2, "--resume continues with the"
                + " augmentation recorded in r.mlp (none), and this run asks for rotate:10,shift:2 x3: give the --augment"
                + " and --variations it was trained with, or train a new model without --resume");
        assertFails(train(folder, "--resume", model.toString(), "--epochs", "4", "--augment", "none", "--val-split",
                "0.3"), 2, "--resume continues on the validation split recorded in r.mlp (--val-split 0.1), and this"
                        + " run has --val-split 0.3: give --val-split 0.1, or train a new model without --resume");

        Path flowers = folder.resolve("f.mlp");
        assertEquals(0, train(folder, "--data", table.toString(), "--label", "species", "--epochs", "2", "--model",
                flowers.toString()).code());
        Run onTable = train(folder, "--resume", flowers.toString(), "--epochs", "3", "--model", flowers.toString());
        assertEquals(0, onTable.code(), onTable.err());
        assertTrue(onTable.out().contains("Resuming on the data f.mlp was trained on: ") && onTable.out()
                .contains("Epoch 3:"), onTable.out());
        assertFails(train(folder, "--resume", flowers.toString(), "--epochs", "4", "--label", "sepal_width"), 2,
                "--resume continues with the label column of f.mlp, 'species'; leave out --label, or train a new"
                        + " model without --resume");
    }

    /** A class nine times the other gets a warning, which --class-weight balanced answers; autodiff cannot weigh. */
    @Test
    void aDominantClassIsNamedAndBalancedClassWeightsAnswerIt() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("weights"));
        Path skewed = folder.resolve("skewed.csv");
        StringBuilder csv = new StringBuilder("x,y,kind\n");
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            boolean rare = i % 10 == 0;
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", random.nextGaussian() + (rare ? 1 : 0),
                    random.nextGaussian(), rare ? "rare" : "common"));
        }
        Files.writeString(skewed, csv.toString());
        Run plain = train(folder, "--data", skewed.toString(), "--label", "kind", "--epochs", "2", "--model",
                folder.resolve("p.mlp").toString());
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().contains("Warning: one class dominates the training examples: the largest has 162, the"
                + " smallest 18; a model can score well by favouring it, and --class-weight balanced weighs every"
                + " class alike."), plain.out());
        Run balanced = train(folder, "--data", skewed.toString(), "--label", "kind", "--epochs", "2",
                "--class-weight", "balanced", "--model", folder.resolve("b.mlp").toString());
        assertEquals(0, balanced.code(), balanced.err());
        assertFalse(balanced.out().contains("dominates"), balanced.out());
        Run inspect = mlp("model", "inspect", "--format", "json", folder.resolve("b.mlp").toString());
        assertTrue(inspect.out().contains("\"classWeights\":\"balanced\""), inspect.out());
        assertFails(train(folder, "--resume", folder.resolve("b.mlp").toString(), "--epochs", "3", "--class-weight",
                "none"), 2, "--resume continues with the settings saved in b.mlp");
        assertFails(train(folder, "--data", skewed.toString(), "--label", "kind", "--class-weight", "balanced",
                "--gradients", "autodiff"), 2, "--class-weight balanced is applied by backpropagation, and automatic"
                        + " differentiation finds the gradient of the unweighted cost: leave out one of --class-weight"
                        + " and --gradients autodiff");
        assertFails(train(folder, "--data", skewed.toString(), "--label", "kind", "--class-weight", "auto"), 2,
                "unknown class weighting 'auto': known are none, balanced");
    }

    /** The accuracy of the "Test set: Accuracy: 97.5% (1950 of 2000)" line, after the epochs' lines. */
    static double testAccuracy(Run run) {
        assertTrue(run.out().contains("\nTest set: Accuracy: "), run.out());
        return Double.parseDouble(run.out().replaceFirst("(?s).*\nTest set: Accuracy: ([0-9.]+)%.*", "$1"));
    }

    private static void assertFails(Run run, int code, String sentence) {
        assertEquals(code, run.code(), run.out() + run.err());
        assertTrue(run.err().contains(sentence), "'" + sentence + "' in " + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to);
    }
}
