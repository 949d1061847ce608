package dev.mlpkit.apps.galaxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.apps.Main;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;

/** Training in a child JVM, interrupted with SIGINT (saves and resumes exactly) or killed with SIGKILL (no damage). */
@Tag("slow")
class InterruptionTest {

    /** Enough that the child is still training when the SIGINT sent after its fifth epoch arrives. */
    private static final int EPOCHS = 400;

    @TempDir
    static Path temp;
    static Path set;

    @BeforeAll
    static void data() throws IOException {
        set = temp.resolve("set");
        GeneratedData.writeGalaxy(set, 30, 30, 21, false);
    }

    static List<String> train(Path model, boolean quiet, String... more) {
        List<String> args = new ArrayList<>(List.of("galaxy", "train", "--galaxies", set.resolve("galaxies").toString(),
                "--non-galaxies", set.resolve("non-galaxies").toString(), "--cache", temp.resolve("cache").toString(),
                "--layers", "4096-32-1", "--init", "xavier", "--optimizer", "adam", "--batch-size", "8", "--epochs",
                String.valueOf(EPOCHS), "--model", model.toString(), "--metrics", temp.resolve("m-" + model.getFileName()
                        + ".csv").toString(), "--curves", temp.resolve("c-" + model.getFileName() + ".png").toString()));
        if (quiet) {
            args.add("-q");
        }
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void ctrlCSavesTheLastEpochAndResumingGivesTheSameWeightsAsNeverStopping() throws Exception {
        Path reference = temp.resolve("reference.mlp");
        assertEquals(0, Main.run(train(reference, true).toArray(String[]::new)));

        Path interrupted = temp.resolve("interrupted.mlp");
        Process child = child(train(interrupted, false));
        StringBuffer out = collect(child);
        for (int i = 0; i < 1200 && !out.toString().contains("Epoch 5:"); i++) {
            Thread.sleep(25);
        }
        assertTrue(out.toString().contains("Epoch 5:"), "the child printed: " + out);
        new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child stops after SIGINT");
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(130, child.exitValue(), err);
        assertTrue(err.contains("mlp: interrupted; saved epoch "), err);
        Path checkpoint = temp.resolve("interrupted.mlp.checkpoint");
        int savedEpoch = epochsDone(ModelFile.read(checkpoint));
        assertTrue(savedEpoch >= 5 && savedEpoch < EPOCHS, "saved epoch " + savedEpoch);

        Path resumed = temp.resolve("resumed.mlp");
        assertEquals(0, Main.run(train(resumed, true, "--resume", checkpoint.toString()).toArray(String[]::new)));
        assertArrayEquals(bits(ModelFile.read(reference).parameters()), bits(ModelFile.read(resumed).parameters()),
                "interrupted after epoch " + savedEpoch + " and resumed = never interrupted, bit for bit");
        System.out.println("interruption: SIGINT after epoch " + savedEpoch + ", exit 130, resumed to epoch " + EPOCHS
                + ": weights bit-identical to an uninterrupted run");
    }

    @Test
    void aKilledRunLeavesThePreviousModelOrACompleteNewOne() throws Exception {
        Path first = temp.resolve("first.mlp");
        assertEquals(0, Main.run(train(first, true, "--epochs", "2").toArray(String[]::new)));
        byte[] previous = Files.readAllBytes(first);
        Path target = temp.resolve("kill.mlp");
        int[] delays = { 300, 700, 1100, 1500, 2000, 2600, 3300 };
        int kept = 0;
        int replaced = 0;
        for (int delay : delays) {
            Files.write(target, previous);
            Process child = child(train(target, true, "--epochs", "3"));
            collect(child);
            Thread.sleep(delay);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            if (Arrays.equals(previous, Files.readAllBytes(target))) {
                kept++;
            } else {
                assertEquals(3, epochsDone(ModelFile.read(target)));   // a damaged file would throw here
                replaced++;
            }
        }
        System.out.printf("kill -9 at %s ms: previous model kept %d times, complete new model %d times, damaged 0%n",
                Arrays.toString(delays), kept, replaced);
        assertEquals(delays.length, kept + replaced);
    }

    private static Process child(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "dev.mlpkit.apps.Main"));
        command.addAll(args);
        return new ProcessBuilder(command).start();
    }

    /** The child's standard output as it comes, read on another thread so the child never blocks on a full pipe. */
    private static StringBuffer collect(Process child) {
        StringBuffer text = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    text.append(line).append('\n');
                }
            } catch (IOException e) {
                // the child died
            }
        });
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    private static int epochsDone(Model model) {
        return ((Number) ((Map<?, ?>) model.metadata().get("training")).get("epochsDone")).intValue();
    }

    private static long[] bits(Parameters p) {
        return p.matrices().stream().flatMapToLong(m -> IntStream.range(0, m.size())
                .mapToLong(i -> Double.doubleToRawLongBits(m.get(i)))).toArray();
    }
}
