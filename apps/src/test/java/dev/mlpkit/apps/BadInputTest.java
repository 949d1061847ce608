package dev.mlpkit.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mlpkit.datasets.GeneratedData;

/**
 * The bad-input corpus on the command line, made here (nothing committed): every numeric flag at 0, negative, NaN and
 * huge where that is wrong, unknown flags, another subcommand's flags, and images that are damaged or unusual. Each
 * gets one sentence and exit code 1 or 2, no stack trace, and writes nothing; images that can be read are read.
 */
class BadInputTest {

    @TempDir
    static Path temp;
    static Path set;
    static Path model;

    @BeforeAll
    static void setUp() throws IOException {
        set = temp.resolve("set");
        GeneratedData.writeGalaxy(set, 8, 8, 31, false);
        model = temp.resolve("g.mlp");
        assertEquals(0, MainTest.mlp(train("--epochs", "1", "-q")).code());
    }

    static String[] train(String... more) {
        List<String> args = new ArrayList<>(List.of("galaxy", "train", "--galaxies", set.resolve("galaxies").toString(),
                "--non-galaxies", set.resolve("non-galaxies").toString(), "--cache", temp.resolve("cache").toString(),
                "--layers", "4096-4-1", "--model", model.toString(), "--metrics", temp.resolve("m.csv").toString(),
                "--curves", temp.resolve("c.png").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static Stream<String[]> badFlags() {
        List<String[]> cases = new ArrayList<>();
        for (String flag : List.of("--epochs", "--batch-size", "--threads", "--max-pixels")) {
            for (String value : List.of("0", "-1", "NaN", "99999999999")) {
                cases.add(new String[] { flag, value });
            }
        }
        for (String value : List.of("0", "-1", "NaN", "1e400")) {
            cases.add(new String[] { "--learning-rate", value });
        }
        for (String value : List.of("-1", "NaN", "1", "1e400")) {
            cases.add(new String[] { "--val-split", value });
        }
        for (String flag : List.of("--weight-decay", "--min-delta")) {
            for (String value : List.of("-1", "NaN", "1e400")) {
                cases.add(new String[] { flag, value });
            }
        }
        cases.add(new String[] { "--early-stopping", "-1" });
        cases.add(new String[] { "--seed", "seven" });
        cases.add(new String[] { "--optimizer", "adamax" });
        cases.add(new String[] { "--batching", "minibatch" });
        cases.add(new String[] { "--schedule", "linear" });
        cases.add(new String[] { "--clip", "max:3" });
        cases.add(new String[] { "--init", "lecun" });
        cases.add(new String[] { "--precision", "half" });
        cases.add(new String[] { "--layers", "4096-0-1" });
        cases.add(new String[] { "--unknown-flag", "1" });
        cases.add(new String[] { "--image", "x.png" });          // a circle-line flag given to galaxy train
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badFlags")
    void everyBadFlagGetsOneSentenceAndExitCode2AndWritesNothing(String flag, String value) throws IOException {
        Path output = temp.resolve("never-" + Math.abs((flag + value).hashCode()) + ".mlp");
        List<String> args = new ArrayList<>(Arrays.asList(train(flag, value)));
        args.set(args.indexOf("--model") + 1, output.toString());
        MainTest.Run run = MainTest.mlp(args.toArray(String[]::new));
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().startsWith("mlp: "), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(Files.exists(output), "nothing written");
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("mlp: ")).count(), run.err());
    }

    @Test
    void badAndUnusualImagesAreEachReportedOrRead() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("images"));
        BufferedImage rgb = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        byte[] jpeg = encode(rgb, "jpg");
        byte[] png = encode(rgb, "png");
        Files.write(dir.resolve("zero.jpg"), new byte[0]);
        Files.writeString(dir.resolve("text.jpg"), "hello");
        Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length - 20));
        Files.write(dir.resolve("bomb.png"), pngHeader(100_000, 100_000));
        Files.createDirectories(dir.resolve("folder.png"));
        Files.createSymbolicLink(dir.resolve("loop-a.png"), dir.resolve("loop-b.png"));
        Files.createSymbolicLink(dir.resolve("loop-b.png"), dir.resolve("loop-a.png"));
        Files.write(dir.resolve("one.png"), encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png"));
        Files.write(dir.resolve("grey.png"), encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png"));
        Files.write(dir.resolve("deep.png"), encode(new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY), "png"));
        Files.write(dir.resolve("alpha.png"), encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB), "png"));
        byte[] palette = { 0, (byte) 255 };
        Files.write(dir.resolve("palette.gif"), encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(1, 2, palette, palette, palette)), "gif"));

        List<String> bad = List.of("zero.jpg", "text.jpg", "cut.jpg", "cut.png", "bomb.png", "folder.png", "loop-a.png");
        List<String> good = List.of("one.png", "grey.png", "deep.png", "alpha.png", "palette.gif");
        for (String name : bad) {
            MainTest.Run run = MainTest.mlp("galaxy", "classify", "--model", model.toString(), dir.resolve(name).toString());
            assertEquals(1, run.code(), name + ": " + run.err());
            assertTrue(run.err().startsWith("mlp: " + name + " "), run.err());
            assertFalse(run.err().contains("\tat "), run.err());
        }
        for (String name : good) {
            MainTest.Run run = MainTest.mlp("galaxy", "classify", "--model", model.toString(), dir.resolve(name).toString());
            assertEquals(0, run.code(), name + ": " + run.err());
            assertTrue(run.out().contains(name + ": "), run.out());
        }
        MainTest.Run all = MainTest.mlp("galaxy", "classify", "--model", model.toString(), dir.toString());
        assertEquals(1, all.code());
        assertEquals(good.size(), all.out().lines().filter(l -> !l.contains(": note: ")).count(),
                "every readable image is still classified: " + all.out());
    }

    @Test
    void anotherSubcommandsFlagsAreRejected() {
        MainTest.Run run = MainTest.mlp("galaxy", "classify", "--epochs", "3", "x.png");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("mlp: "), run.err());
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(33);
        png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }
}
