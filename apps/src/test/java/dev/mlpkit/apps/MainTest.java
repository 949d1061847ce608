package dev.mlpkit.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.datasets.GeneratedData;

/** The mlp command end to end, in-process: exit codes and what a user sees. */
public class MainTest {

    @TempDir
    static Path temp;
    static Path images;
    static Path cache;

    /** A small generated set, so the tests train in seconds. */
    @BeforeAll
    static void generate() throws IOException {
        images = temp.resolve("set");
        cache = temp.resolve("cache");
        GeneratedData.writeGalaxy(images, 24, 16, 5, false);
    }

    public record Run(int code, String out, String err) {
    }

    public static Run mlp(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static String[] train(String... more) {
        String[] base = { "galaxy", "train", "--galaxies", images.resolve("galaxies").toString(), "--non-galaxies",
            images.resolve("non-galaxies").toString(), "--cache", cache.toString(), "--layers", "4096-8-1", "--epochs", "2",
            "--model", temp.resolve("g.mlp").toString(), "--metrics", temp.resolve("m.csv").toString(), "--curves",
            temp.resolve("c.png").toString() };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void galaxyTrainClassifyEvaluateAndInspectWorkEndToEnd() throws IOException {
        Run train = mlp(train());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("Total training samples: 40\n32 to train on, 8 to validate on (--val-split 0.2).\n"),
                train.out());
        assertTrue(train.out().matches("(?s).*\nBest epoch: [12] of 2 \\(validation loss \\d+\\.\\d{4}, accuracy \\d+\\.\\d%\\)"
                + "(; the model holds epoch 2 \\(--save-best saves the best\\))?; stopped because it trained all 2"
                + " epochs\\.\nSaved the model.*"), train.out());
        assertTrue(train.out().matches("(?s).*Epoch 2: Loss = \\d\\.\\d{3}: Train Acc = \\d+\\.\\d%: Val Acc = \\d+\\.\\d%:"
                + " Time = \\d+\\.\\d{2}s.*"), train.out());
        assertTrue(Files.size(temp.resolve("g.mlp")) > 0 && Files.size(temp.resolve("c.png")) > 0);
        assertEquals(3, Files.readAllLines(temp.resolve("m.csv")).size());

        Run classify = mlp("galaxy", "classify", "--model", temp.resolve("g.mlp").toString(),
                images.resolve("galaxies/galaxy-1.jpg").toString());
        assertEquals(0, classify.code(), classify.err());
        assertTrue(classify.out().matches("(?s).*galaxy-1\\.jpg: (galaxy|not a galaxy) \\(p=\\d\\.\\d\\d\\)\\s*"), classify.out());
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(Files.newInputStream(images.resolve("galaxies/galaxy-1.jpg")));
            Run piped = mlp("galaxy", "classify", "--model", temp.resolve("g.mlp").toString(), "-");
            assertEquals(0, piped.code(), piped.err());
            assertEquals(classify.out().replaceFirst(".*galaxy-1\\.jpg: ", "-: "), piped.out());
            System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
            Run empty = mlp("galaxy", "classify", "--model", temp.resolve("g.mlp").toString(), "-");
            assertEquals(1, empty.code());
            assertEquals("mlp: standard input is empty (0 bytes), not an image\n", empty.err());
        } finally {
            System.setIn(stdin);
        }
        Run everything = mlp("galaxy", "classify", "--threshold", "0", "--model", temp.resolve("g.mlp").toString(),
                images.resolve("non-galaxies").toString());
        assertEquals(0, everything.code(), everything.err());
        assertTrue(everything.out().lines().count() >= 3, everything.out());
        assertTrue(everything.out().lines().allMatch(l -> l.matches(".*: (galaxy \\(p=\\d\\.\\d\\d\\)|note: .*)")),
                everything.out());
        // p is the probability of the verdict: with the threshold at 0.5, never below it, whichever the verdict.
        Run both = mlp("galaxy", "classify", "--model", temp.resolve("g.mlp").toString(), images.toString());
        List<String> verdicts = both.out().lines().filter(l -> l.contains("(p=")).toList();
        assertTrue(verdicts.size() >= 6, both.out());
        for (String verdict : verdicts) {
            double p = Double.parseDouble(verdict.replaceFirst(".*\\(p=([0-9.]+)\\)$", "$1"));
            assertTrue(p >= 0.5, verdict);
        }
        Run json = mlp("galaxy", "classify", "--format", "json", "--model", temp.resolve("g.mlp").toString(),
                images.resolve("galaxies/galaxy-1.jpg").toString());
        assertEquals(0, json.code(), json.err());
        com.fasterxml.jackson.databind.JsonNode verdict = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out().strip());
        assertEquals(images.resolve("galaxies/galaxy-1.jpg").toString(), verdict.get("input").asText());
        assertEquals(1.0, verdict.get("classes").get("galaxy").asDouble()
                + verdict.get("classes").get("not a galaxy").asDouble(), 1e-12);

        Run evaluate = mlp("galaxy", "evaluate", "--model", temp.resolve("g.mlp").toString(), "--galaxies",
                images.resolve("galaxies").toString(), "--non-galaxies", images.resolve("non-galaxies").toString(),
                "--cache", cache.toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().contains("ROC AUC:") && evaluate.out().contains("Confusion matrix"), evaluate.out());
        assertTrue(evaluate.out().contains("(an image is a galaxy at a probability of 0.5 or more)"), evaluate.out());
        assertTrue(evaluate.out().matches("(?s).*Balanced:   \\d+\\.\\d% \\(the mean of the two classes' recalls\\)\n"
                + "Baseline:   \\d+\\.\\d% by always answering the larger class \\((galaxy|not a galaxy)\\)\n"
                + "Log loss:   \\d+\\.\\d{4}\n.*"), evaluate.out());
        assertTrue(evaluate.out().contains("\nclass         precision  recall     f1  support\n"), evaluate.out());
        Run evaluateJson = mlp("galaxy", "evaluate", "--format", "json", "--errors", "--threshold", "0.99", "--model",
                temp.resolve("g.mlp").toString(), "--galaxies", images.resolve("galaxies").toString(),
                "--non-galaxies", images.resolve("non-galaxies").toString(), "--cache", cache.toString());
        assertEquals(0, evaluateJson.code(), evaluateJson.err());
        com.fasterxml.jackson.databind.JsonNode scores = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(evaluateJson.out());
        assertEquals(0.99, scores.get("threshold").asDouble());
        int galaxies = scores.get("classes").get(1).get("support").asInt();
        int missed = scores.get("confusion").get("galaxy").get("not a galaxy").asInt()
                + scores.get("confusion").get("not a galaxy").get("galaxy").asInt();
        assertEquals(missed, scores.get("errors").size(), evaluateJson.out());
        assertEquals(scores.get("inputs").asInt() - scores.get("correct").asInt(), missed);
        assertTrue(galaxies > 0 && scores.has("rocAuc") && scores.has("logLoss") && scores.has("balancedAccuracy"));
        for (com.fasterxml.jackson.databind.JsonNode error : scores.get("errors")) {
            assertTrue(Files.isRegularFile(Path.of(error.get("input").asText())), error.toString());
            assertTrue(!error.get("truth").equals(error.get("predicted")), error.toString());
        }
        Run evaluateCsv = mlp("galaxy", "evaluate", "--format", "csv", "--model", temp.resolve("g.mlp").toString(),
                "--galaxies", images.resolve("galaxies").toString(), "--non-galaxies",
                images.resolve("non-galaxies").toString(), "--cache", cache.toString());
        assertEquals(0, evaluateCsv.code(), evaluateCsv.err());
        List<String> records = evaluateCsv.out().lines().toList();
        assertEquals("metric,class,value", records.get(0));
        assertTrue(records.contains("threshold,,0.5") && records.contains("support,galaxy," + galaxies), records.toString());
        Run errorsCsv = mlp("galaxy", "evaluate", "--format", "csv", "--errors");
        assertEquals(2, errorsCsv.code());
        assertEquals("mlp: --errors lists files, which the csv report's metric,class,value records do not hold: give"
                + " --format json for both, or leave out --errors\n", errorsCsv.err());

        Run inspect = mlp("model", "inspect", temp.resolve("g.mlp").toString());
        assertEquals(0, inspect.code(), inspect.err());
        assertTrue(inspect.out().contains("network:     4096-8:sigmoid-1:sigmoid/bce"), inspect.out());
        assertTrue(inspect.out().contains("\n    1        8        sigmoid          8x4096        8        32776\n"
                + "    2        1        sigmoid             1x8        1            9\n"
                + "    total                                                     32785\n"), inspect.out());
        Run inspectJson = mlp("model", "inspect", "--format", "json", temp.resolve("g.mlp").toString());
        assertEquals(0, inspectJson.code(), inspectJson.err());
        com.fasterxml.jackson.databind.JsonNode described = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(inspectJson.out().strip());
        assertEquals(32785, described.get("parameters").asLong());
        assertEquals("galaxy", described.get("metadata").get("app").asText());
        assertTrue(inspect.out().contains("\"name\" : \"gd\""), inspect.out());
    }

    @Test
    void circleLineSoftmaxIsTheSeriesPartTwoAndAutodiffItsPartThree() {
        Path tutorial = sharedData("circle-line-tutorial");
        org.junit.jupiter.api.Assumptions.assumeTrue(tutorial != null,
                "../shared/data/circle-line-tutorial is not next to this checkout, so this test is skipped");
        Run part2 = mlp("circle-line", "--data", tutorial.toString(), "--mode", "softmax");
        assertEquals(0, part2.code(), part2.err());
        java.util.List<String> epochs = part2.out().lines().filter(l -> l.startsWith("Epoch ")).toList();
        String last = epochs.get(epochs.size() - 1);
        double lastLoss = Double.parseDouble(last.replaceFirst(".*total loss = ", ""));
        double before = Double.parseDouble(epochs.get(epochs.size() - 2).replaceFirst(".*total loss = ", ""));
        assertTrue(lastLoss <= 2 && before > 2, "stops at the first epoch whose summed loss is at most 2: " + last);
        assertTrue(part2.out().contains("tc-1.png: features = [0.2100, 0.0000, 0.0500]"), part2.out());
        assertTrue(part2.out().contains("Test drawings classified right: 10 of 10"), part2.out());
        Run part3 = mlp("circle-line", "--data", tutorial.toString(), "--mode", "softmax", "--gradients", "autodiff");
        assertEquals(part2.out(), part3.out(), "automatic differentiation prints what backpropagation prints");
    }

    @Test
    void autodiffGivesBackpropagationsEpochLines() {
        Run backprop = mlp(train("--epochs", "3", "--model", temp.resolve("bp.mlp").toString()));
        Run autodiff = mlp(train("--epochs", "3", "--gradients", "autodiff", "--model", temp.resolve("ad.mlp").toString()));
        assertEquals(0, autodiff.code(), autodiff.err());
        assertEquals(epochLines(backprop.out()), epochLines(autodiff.out()));
        assertEquals(3, epochLines(autodiff.out()).size());
        Run bogus = mlp(train("--gradients", "symbolic"));
        assertEquals(2, bogus.code());
        assertTrue(bogus.err().contains("--gradients: unknown gradient method 'symbolic': choose backprop or autodiff"),
                bogus.err());
    }

    /** The epoch lines without their times. */
    private static java.util.List<String> epochLines(String out) {
        return out.lines().filter(l -> l.startsWith("Epoch ")).map(l -> l.replaceFirst(": Time = .*", "")).toList();
    }

    @Test
    void augmentationCopiesTheTrainingPartOnly() {
        Run run = mlp(train("--augment", "--variations", "3", "--model", temp.resolve("augmented.mlp").toString()));
        assertEquals(0, run.code(), run.err());
        // 40 images, 32 of them for training: each used 3 times, the 8 validation images once.
        assertTrue(run.out().contains("Augmented the 32 training images with 2 transformed copies each: 96 in all."),
                run.out());
        Run without = mlp(train("--variations", "3"));
        assertEquals(2, without.code());
        assertTrue(without.err().contains("--variations makes transformed copies of the training images: add --augment"),
                without.err());
    }

    @Test
    void resumingContinuesWhereTheModelStopped() {
        Path model = temp.resolve("resume.mlp");
        assertEquals(0, mlp(train("--model", model.toString())).code());
        Run resumed = mlp(train("--resume", model.toString(), "--epochs", "3", "--model", model.toString()));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("after epoch 2 of 3") && resumed.out().contains("Epoch 3:"), resumed.out());
        assertFalse(resumed.out().contains("Epoch 1:"), resumed.out());
        Run otherLayers = mlp(train("--resume", model.toString(), "--epochs", "4", "--layers", "4096-16-1"));
        assertEquals(2, otherLayers.code(), otherLayers.err());
        assertTrue(otherLayers.err().contains("mlp: --resume continues the network 4096-8:sigmoid-1:sigmoid/bce of"
                + " resume.mlp; leave out --layers 4096-16-1"), otherLayers.err());
        Run changed = mlp(train("--resume", model.toString(), "--optimizer", "adam"));
        assertEquals(2, changed.code());
    }

    /** A resumed run continues on the images the model records, refuses others, and has nothing to do when complete. */
    @Test
    void resumingKeepsTheRecordedImagesAndSaysWhenThereIsNothingToDo() throws IOException {
        Path model = temp.resolve("recorded.mlp");
        assertEquals(0, mlp(train("--model", model.toString())).code());
        Run again = mlp(train("--resume", model.toString(), "--epochs", "2", "--model", model.toString()));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("recorded.mlp has trained all 2 of its epochs: nothing to do (give --epochs above"
                + " 2 to train on); nothing was written."), again.out());
        assertFalse(again.out().contains("Saved the model"), again.out());

        Run onRecorded = mlp("galaxy", "train", "--resume", model.toString(), "--epochs", "3", "--cache", cache.toString(),
                "--model", model.toString(), "--metrics", temp.resolve("m.csv").toString(), "--curves",
                temp.resolve("c.png").toString());
        assertEquals(0, onRecorded.code(), onRecorded.err());
        assertTrue(onRecorded.out().contains("Resuming on the images recorded.mlp was trained on: "
                + images.resolve("galaxies").toAbsolutePath()) && onRecorded.out().contains("Epoch 3:"), onRecorded.out());
        List<String> metrics = Files.readAllLines(temp.resolve("m.csv"));
        assertEquals(4, metrics.size(), "the header and epochs 1 to 3: " + metrics);
        assertTrue(metrics.get(1).startsWith("1,") && metrics.get(3).startsWith("3,"), metrics.toString());

        Run swapped = mlp("galaxy", "train", "--resume", model.toString(), "--epochs", "4", "--cache", cache.toString(),
                "--galaxies", images.resolve("non-galaxies").toString(), "--non-galaxies",
                images.resolve("galaxies").toString(), "--model", model.toString());
        assertEquals(2, swapped.code());
        assertTrue(swapped.err().contains("mlp: --resume continues on the images recorded.mlp was trained on ("),
                swapped.err());
    }

    /** float32 end to end on the SIMD kernel: trained, saved, resumed in float32, and kept there. */
    @Test
    void floatPrecisionTrainsAndResumesInFloat() {
        Path model = temp.resolve("float.mlp");
        Run trained = mlp(train("--model", model.toString(), "--precision", "float"));
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("Computing in float (float32) with the simd kernel."), trained.out());
        assertTrue(trained.out().contains("Epoch 2:"), trained.out());

        Run resumed = mlp(train("--resume", model.toString(), "--epochs", "3", "--model", model.toString()));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("Computing in float (float32)") && resumed.out().contains("Epoch 3:"),
                resumed.out());

        Run other = mlp(train("--resume", model.toString(), "--precision", "double"));
        assertEquals(2, other.code());
        assertTrue(other.err().contains("--resume continues in the precision float.mlp was trained in (float (float32)),"
                + " not double (float64)"), other.err());
    }

    @Test
    void badInputGetsOneSentenceAndTheRightExitCode() throws IOException {
        expect(1, "the galaxies folder " + temp.resolve("nowhere") + " does not exist", "galaxy", "train", "--galaxies",
                temp.resolve("nowhere").toString(), "--non-galaxies", images.resolve("non-galaxies").toString(), "--cache",
                cache.toString());
        Path empty = Files.createDirectories(temp.resolve("empty"));
        expect(1, "the galaxies folder " + empty + " has no images", train("--galaxies", empty.toString()));
        expect(2, "unknown optimizer 'sgdr': known are gd, momentum, nesterov, adagrad, rmsprop, adam, adamw",
                train("--optimizer", "sgdr"));
        expect(2, "--epochs must be a whole number of at least 1, not 0", train("--epochs", "0"));
        expect(2, "--epochs must be a whole number of at least 1, not -3", train("--epochs", "-3"));
        expect(2, "--learning-rate must be a number above 0, not 0", train("--learning-rate", "0"));
        expect(2, "--learning-rate must be a number above 0, not NaN", train("--learning-rate", "NaN"));
        expect(2, "--batch-size must be a whole number of at least 1, not 0", train("--batch-size", "0"));
        expect(2, "--layers starts with 100 inputs, but each image gives 4096 features (64x64 grey pixels): start it"
                + " with 4096", train("--layers", "100-8-1"));
        expect(2, "mlp galaxy train takes no other words than its options; 'extra' is not one", train("extra"));

        Path text = Files.writeString(temp.resolve("notes.jpg"), "not a picture");
        mlp(train());
        expect(1, "notes.jpg is not an image mlpkit can read (PNG, JPEG, BMP or GIF)", "galaxy", "classify", "--model",
                temp.resolve("g.mlp").toString(), text.toString());

        Path circleModel = temp.resolve("cl.mlp");
        assertEquals(0, mlp("circle-line", "--data", circleData().toString(), "--save", circleModel.toString()).code());
        expect(1, "cl.mlp is a circle-line model, not a galaxy model", "galaxy", "classify", "--model",
                circleModel.toString(), text.toString());

        Path drawing;
        try (java.util.stream.Stream<Path> tests = Files.list(circleData().resolve("test-images"))) {
            drawing = tests.sorted().findFirst().orElseThrow();
        }
        Path untouched = temp.resolve("untouched-cache");
        Run saved = mlp("circle-line", "--model", circleModel.toString(), "--image", drawing.toString(), "--cache",
                untouched.toString());
        assertEquals(0, saved.code(), saved.err());
        assertTrue(saved.out().contains(drawing.getFileName() + ": This image is a "), saved.out());
        assertFalse(Files.exists(untouched), "a saved model given its own drawings generates no built-in data");

        Path nowhere = temp.resolve("runs").resolve("nope").resolve("galaxy.mlp");
        expect(1, nowhere + " does not exist; train one with mlp galaxy train --model " + nowhere, "galaxy",
                "classify", "--model", nowhere.toString(), text.toString());
        expect(1, nowhere + " does not exist; train one with mlp circle-line --save " + nowhere, "circle-line",
                "--model", nowhere.toString(), "--cache", untouched.toString());
        expect(1, nowhere + " does not exist; train one with mlp train --model " + nowhere, "classify", "--model",
                nowhere.toString(), text.toString());
        expect(1, nowhere + " does not exist", "model", "inspect", nowhere.toString());
        assertFalse(Files.exists(untouched), "a missing model is found before any data is generated");

        Path damaged = temp.resolve("damaged.mlp");
        byte[] bytes = Files.readAllBytes(temp.resolve("g.mlp"));
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(damaged, bytes);
        expect(1, "damaged.mlp is damaged: checksum mismatch", "galaxy", "classify", "--model", damaged.toString(),
                text.toString());
    }

    @Test
    void circleLineRunsTheTutorialAndWritesItsFeaturesCsv() throws IOException {
        Run run = mlp("circle-line", "--data", circleData().toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("tc-1.png: This image is a CIRCLE"), run.out());
        assertTrue(run.out().contains("tl-1.png: This image is a LINE"), run.out());
        // 40 generated drawings are few for the varied drawings of the generator: the test counts them, not all right.
        assertTrue(run.out().matches("(?s).*Test drawings classified right: [34] of 4\\R.*"), run.out());

        Run softmax = mlp("circle-line", "--data", circleData().toString(), "--mode", "softmax", "--features", "pixels");
        assertEquals(0, softmax.code(), softmax.err());
        assertTrue(softmax.out().contains("P(circle) = "), softmax.out());

        Path csv = temp.resolve("features.csv");
        Run features = mlp("circle-line", "features", circleData().toString(), "--out", csv.toString());
        assertEquals(0, features.code(), features.err());
        assertTrue(Files.readString(csv).startsWith("file_name,feature1,feature2,feature3\n1.png,"));
        Run toStandardOutput = mlp("-q", "circle-line", "features", circleData().toString(), "--out", "-");
        assertEquals(0, toStandardOutput.code(), toStandardOutput.err());
        assertEquals(Files.readString(csv), toStandardOutput.out(), "--out - writes the same CSV to standard output");
        expect(2, "unknown --mode 'three': choose two-networks, softmax or softmax-biases", "circle-line", "--data",
                circleData().toString(), "--mode", "three");
    }

    @Test
    @Tag("slow")
    void onTheBuiltInDrawingsTheThreeFeaturesPointToThePixels() throws IOException {
        String cache = temp.resolve("built-in-cache").toString();
        String hint = "The three features cannot tell a small circle from a short line through it; "
                + "--features pixels can.";
        Run features = mlp("circle-line", "--cache", cache, "--epochs", "1");
        assertEquals(0, features.code(), features.err());
        assertTrue(features.out().contains(hint), features.out());
        Run pixels = mlp("circle-line", "--cache", cache, "--epochs", "1", "--features", "pixels");
        assertEquals(0, pixels.code(), pixels.err());
        assertFalse(pixels.out().contains(hint), pixels.out());
        Run ownData = mlp("circle-line", "--data", circleData().toString(), "--epochs", "1");
        assertFalse(ownData.out().contains(hint), "the tutorial's output on its own folder is unchanged");
    }

    @Test
    void theTutorialsOwnDrawingsAreAllClassifiedRightAndItsCsvIsReproduced() throws IOException {
        Path tutorial = sharedData("circle-line-tutorial");
        org.junit.jupiter.api.Assumptions.assumeTrue(tutorial != null,
                "../shared/data/circle-line-tutorial is not next to this checkout, so this test is skipped");
        Run run = mlp("circle-line", "--data", tutorial.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Test drawings classified right: 10 of 10"), run.out());
        Path csv = temp.resolve("input-file.txt");
        assertEquals(0, mlp("circle-line", "features", tutorial.toString(), "--out", csv.toString()).code());
        assertEquals(Files.readString(tutorial.resolve("csv/input-file.txt")).replace("\r\n", "\n"), Files.readString(csv));
    }

    @Test
    void parserErrorsAreSentencesThatNameTheCommandAndSuggestTheNearestName() {
        expect(2, "unknown option --epoch for mlp galaxy train; did you mean --epochs?", "galaxy", "train", "--epoch", "3");
        expect(2, "unknown command 'clasify' for mlp galaxy; did you mean classify? (commands: train, classify,"
                + " evaluate)", "galaxy", "clasify", "x.jpg");
        expect(2, "--seed takes a whole number, not 'abc'", "galaxy", "train", "--seed", "abc");
        expect(2, "--port must be a port from 0 (any free one) to 65535, not 70000", "serve", "--port", "70000");
        expect(2, "--model needs a file or folder name, not the option -q", "galaxy", "train", "--model", "-q");
        String huge = mlp("galaxy", "train", "--layers", "4096-2000000-1", "--cache", cache.toString()).err();
        assertTrue(huge.contains("mlp: the network 4096-2000000:sigmoid-1:sigmoid/bce has 8,196,000,001 weights and"
                + " biases and needs about"), huge);
        expect(2, "--metrics needs a file or folder name, not an empty one", "galaxy", "train", "--metrics", "");
        expect(2, "--learning-rate must be a number above 0, not fast", "galaxy", "train", "--learning-rate=fast");
        expect(2, "mlp model inspect needs FILE", "model", "inspect");
        expect(2, "mlp generate needs --out", "generate", "galaxy");
        expect(2, "--epochs needs a value", "galaxy", "train", "--epochs");
        expect(2, "unknown option --bogus for mlp circle-line", "circle-line", "--bogus");
        expect(2, "unknown option --cuont for mlp generate; did you mean --count?", "generate", "--cuont=3");
        expect(2, "unknown option --epochs for mlp galaxy classify", "galaxy", "classify", "--epochs", "3", "x.png");
        Path missing = temp.resolve("no-such-folder").resolve("g.mlp");
        expect(2, "cannot write " + missing + ": the folder " + missing.getParent() + " does not exist", "galaxy",
                "train", "--model", missing.toString(), "--cache", cache.toString());
        assertFalse(Files.exists(missing.getParent()), "no folder is made");
        expect(2, "cannot write " + temp + ": it is a folder; name a file", "galaxy", "train", "--metrics",
                temp.toString(), "--cache", cache.toString());
        expect(2, "--contact-sheet writes a PNG: name it something.png, not sheet.jpg", "generate", "galaxy", "--out",
                temp.resolve("never").toString(), "--contact-sheet", "sheet.jpg");
        expect(2, "--curves writes a PNG: name it something.png, not curves.jpg", "galaxy", "train", "--curves",
                "curves.jpg", "--cache", cache.toString());
        expect(2, "--metrics writes CSV to a file, not to standard output (-): name a file ending in .csv", "galaxy",
                "train", "--metrics", "-", "--cache", cache.toString());
        expect(2, "cannot write -: standard output (-) does not take this file; name a file", "galaxy", "train",
                "--model", "-", "--cache", cache.toString());
        expect(2, "--out is the folder the images go into, and standard output (-) cannot hold folders: name a folder",
                "generate", "galaxy", "--out", "-");
        assertFalse(Files.exists(Path.of("-")), "nothing is written under the name -");
        expect(2, "cannot write " + temp.resolve("sheet-folder.png") + ": it is a folder; name a file", "generate",
                "digits", "--out", temp.resolve("never").toString(), "--contact-sheet",
                createFolder(temp.resolve("sheet-folder.png")).toString());
        expect(2, "mlp generate makes at most 1000000 images of a kind, not 5000000", "generate", "digits", "--out",
                temp.resolve("never").toString(), "--count", "5000000");
        Path one = images.resolve("galaxies");
        expect(2, "--galaxies and --non-galaxies are the same folder (" + one + "): give a folder of each class",
                "galaxy", "train", "--galaxies", one.toString(), "--non-galaxies", one.toString(), "--cache",
                cache.toString());
        Run run = mlp("galaxy", "train", "--epoch", "3");
        assertTrue(run.err().endsWith("Run 'mlp galaxy train --help' for the options." + System.lineSeparator()), run.err());
        assertEquals(1, CommandLineErrors.distance("--epoch", "--epochs"));
        assertEquals(3, CommandLineErrors.distance("kitten", "sitting"));
    }

    @Test
    void helpIsACommandAndUsageLinesNameTheWholeCommand() {
        Run help = mlp("help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("galaxy train"), help.out());
        Run train = mlp("help", "galaxy", "train");
        assertEquals(0, train.code());
        assertTrue(train.out().startsWith("Usage: mlp galaxy train [options]"), train.out());
        assertTrue(mlp("model", "inspect", "--help").out().startsWith("Usage: mlp model inspect [options] FILE"),
                mlp("model", "inspect", "--help").out());
    }

    /** Help shows every default (the tutorial's included), value placeholders, and groups; no "Default: false". */
    @Test
    void helpShowsDefaultsPlaceholdersAndGroups() {
        String train = mlp("galaxy", "train", "--help").out();
        for (String expected : new String[] { "--epochs N", "(default: 20, the tutorial's)", "--learning-rate X",
            "0.01 for gd, the tutorial's)", "(default: 100, the tutorial's)", "(default: gd, the tutorial's)",
            "(default: mini-batch)", "(default: 42)", "--model PATH", "(default: galaxy.mlp)", "\nData:\n",
            "\nTraining:\n", "\nGlobal options:\n" }) {
            assertTrue(train.contains(expected), expected + " in\n" + train);
        }
        assertFalse(train.contains("Default: false"), train);
        assertTrue(train.indexOf("--epochs") > train.indexOf("Training:"), "training flags under Training");
        assertTrue(train.indexOf("--verbose") > train.indexOf("Global options:"), "global flags apart");
        String circleLine = mlp("circle-line", "--help").out();
        assertTrue(circleLine.startsWith("Usage: mlp circle-line [options]") && circleLine.contains("--mode VALUE")
                && circleLine.contains("\nCommands:\n  features"), circleLine);
        String serve = mlp("serve", "--help").out();
        assertTrue(serve.contains("--threads N") && serve.contains("(default: the number of cores)")
                && !serve.contains("Default: 2"), serve);
    }

    @Test
    void helpVersionAndListsAreThere() throws IOException {
        Run help = mlp("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("galaxy train") && help.out().contains("Examples:"), help.out());
        Run trainHelp = mlp("galaxy", "train", "--help");
        assertTrue(trainHelp.out().contains("--learning-rate") && trainHelp.out().contains("mlp galaxy train --resume"));
        assertEquals(2, mlp().code());
        assertTrue(mlp("--version").out().startsWith("mlpkit "));
        Run optimizers = mlp("optimizers");
        assertTrue(optimizers.out().contains("Adam(learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8)"));
        assertTrue(optimizers.out().contains("MiniBatch(size=100)"));
        com.fasterxml.jackson.databind.JsonNode listed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(mlp("optimizers", "--format", "json").out());
        com.fasterxml.jackson.databind.JsonNode adam = null;
        for (com.fasterxml.jackson.databind.JsonNode o : listed.get("optimizers")) {
            adam = o.get("name").asText().equals("adam") ? o : adam;
        }
        assertEquals(0.999, adam.get("settings").get("beta2").asDouble(), listed.toString());
        assertEquals(100, listed.get("batchings").get(1).get("settings").get("size").asInt(), listed.toString());
        List<String> csv = mlp("optimizers", "--format", "csv").out().lines().toList();
        assertEquals("kind,name,setting,value", csv.get(0));
        assertTrue(csv.contains("optimizer,adam,beta2,0.999") && csv.contains("batching,sgd,,"), csv.toString());
    }

    @Test
    void saveBestKeepsTheEpochOfTheLowestValidationLossAndCheckpointsGoOnceSaved() throws IOException {
        Path model = temp.resolve("best.mlp");
        String[] args = train("--epochs", "4", "--save-best", "--checkpoint-every", "1", "--optimizer", "adam",
                "--learning-rate", "0.05");
        args[java.util.Arrays.asList(args).indexOf("--model") + 1] = model.toString();
        Run run = mlp(args);
        assertEquals(0, run.code(), run.err());
        java.util.regex.Matcher saved = java.util.regex.Pattern.compile("Saved epoch (\\d), the lowest validation loss"
                + " \\((\\d\\.\\d{4})\\), to ").matcher(run.out());
        assertTrue(saved.find(), run.out());
        List<String> metrics = Files.readAllLines(temp.resolve("m.csv"));
        int column = java.util.Arrays.asList(metrics.get(0).split(",")).indexOf("validation_loss");
        int lowest = 1;
        for (int e = 2; e <= 4; e++) {
            lowest = Double.parseDouble(metrics.get(e).split(",")[column])
                    < Double.parseDouble(metrics.get(lowest).split(",")[column]) ? e : lowest;
        }
        assertEquals(Integer.toString(lowest), saved.group(1), String.join("\n", metrics));
        com.fasterxml.jackson.databind.JsonNode inspect = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(mlp("model", "inspect", "--format", "json", model.toString()).out());
        assertEquals(lowest, inspect.get("metadata").get("training").get("epochsDone").asInt(), inspect.toString());
        assertTrue(inspect.get("metadata").has("summary"), inspect.toString());
        assertFalse(Files.exists(temp.resolve("best.mlp.checkpoint")), "the checkpoint goes once the model is saved");

        Run noValidation = mlp(train("--save-best", "--val-split", "0"));
        assertEquals(2, noValidation.code());
        assertEquals("mlp: --save-best keeps the epoch of the lowest validation loss, and --val-split 0 leaves no"
                + " validation set: give --val-split 0.1, or leave out --save-best\n", noValidation.err());
    }

    @Test
    void generateWritesImageFolders() throws IOException {
        Path out = temp.resolve("generated");
        Run run = mlp("generate", "galaxy", "--out", out.toString(), "--count", "3", "--others", "2", "--contact-sheet",
                temp.resolve("sheet.png").toString());
        assertEquals(0, run.code(), run.err());
        try (var files = Files.list(out.resolve("galaxies"))) {
            assertEquals(3, files.count());
        }
        assertTrue(Files.exists(temp.resolve("sheet.png")));
        expect(2, out + " is not empty: choose a new folder for --out", "generate", "galaxy", "--out", out.toString());
        expect(2, "cannot generate 'cats': choose circle-line, galaxy or digits", "generate", "cats", "--out",
                temp.resolve("cats").toString());
    }

    private static Path circleData() throws IOException {
        Path data = temp.resolve("drawings");
        if (!Files.exists(data)) {
            GeneratedData.writeCircleLine(data, 40, 2, 3);
        }
        return data;
    }

    private static Path sharedData(String name) {
        String base = System.getProperty("mlpkit.shared.data");
        Path folder = base == null ? null : Path.of(base, name).normalize();
        return folder != null && Files.isDirectory(folder) ? folder : null;
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void expect(int code, String message, String... args) {
        Run run = mlp(args);
        assertEquals(code, run.code(), "exit code of mlp " + String.join(" ", args) + "\n" + run.err());
        assertTrue(run.err().startsWith("mlp: " + message), "got: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose: " + run.err());
    }
}
