package dev.mlpkit.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/**
 * The NumPy reader of {@code docs/model-format.md}, run as the page prints it, and mlpkit's reader agree on every
 * file: both read a valid model to the same bits (each array's SHA-256), and both refuse each crafted file (signed
 * with a right checksum but lying in its header or manifest), damaged file and truncated file.
 */
class NumpyReaderTest {

    private static final Path PAGE = Path.of("..", "docs", "model-format.md");

    @TempDir
    Path folder;

    @Test
    void theDocumentedReaderAndMlpkitReadOrRefuseEveryFileAlike() throws Exception {
        assumeTrue(hasNumpy(), "python3 with numpy is not installed (.ci/run installs it)");
        Model model = ModelFileTest.sampleModel("4-3-1");
        byte[] valid = ModelFile.toBytes(model);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("valid", valid);
        files.put("no biases", ModelFile.toBytes(ModelFileTest.sampleModel("4-3:relu:nobias-1")));
        files.put("newer version", header(valid, 8, 2));
        files.put("version all bits", header(valid, 8, -1));
        files.put("manifest length all bits", header(valid, 12, -1));
        files.put("huge layer", manifest(valid, "\"spec\" : \"4-3:", "\"spec\" : \"4-1000000000:"));
        files.put("rows past 32 bits", manifest(valid, "\"rows\" : 3,\n    \"cols\" : 4", "\"rows\" : 4294967299,\n    \"cols\" : 4"));
        files.put("rows not whole", manifest(valid, "\"rows\" : 3,\n    \"cols\" : 4", "\"rows\" : 3.5,\n    \"cols\" : 4"));
        files.put("bytes that wrap", manifest(valid, "\"rows\" : 3,\n    \"cols\" : 4",
                "\"rows\" : 2147483647,\n    \"cols\" : 2147483647"));
        files.put("too few bytes listed", manifest(valid, "\"rows\" : 3,\n    \"cols\" : 4", "\"rows\" : 2,\n    \"cols\" : 4"));
        files.put("shape swapped", manifest(valid, "\"rows\" : 3,\n    \"cols\" : 4", "\"rows\" : 4,\n    \"cols\" : 3"));
        files.put("missing biases", manifest(valid, "layer2.biases", "layer2.extras"));
        files.put("duplicate name", manifest(valid, "layer2.biases", "layer1.biases"));
        files.put("trailing JSON", trailing(valid));
        files.put("NaN weight", nanWeight(valid));
        files.put("flipped byte", flipped(valid));
        files.put("truncated", java.util.Arrays.copyOf(valid, valid.length - 40));

        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey().replace(' ', '-') + ".mlp");
            Files.write(path, file.getValue());
            paths.add(path.toString());
        }
        List<String> numpy = runDocumentedReader(paths);
        assertEquals(files.size(), numpy.size(), String.join("\n", numpy));
        int k = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String mlpkit;
            try {
                mlpkit = "ok " + digests(ModelFile.fromBytes(file.getValue(), "m.mlp", MatrixFactory.float64()));
            } catch (ModelFileException e) {
                mlpkit = "refused";
            }
            String python = numpy.get(k++);
            assertEquals(mlpkit, python.startsWith("refused") ? "refused" : python, file.getKey() + ": " + python);
        }
        assertTrue(numpy.get(0).startsWith("ok "), "the valid file is read");
    }

    /** Runs the page's reader on {@code paths}: a line each, "ok" and each array's SHA-256, or "refused" and why. */
    private List<String> runDocumentedReader(List<String> paths) throws IOException, InterruptedException {
        String page = Files.readString(PAGE);
        int start = page.indexOf("```python\n") + "```python\n".length();
        String reader = page.substring(start, page.indexOf("\n```", start));
        String script = reader + "\n\nimport sys\nfor path in sys.argv[1:]:\n    try:\n"
                + "        manifest, arrays = read_model(path)\n"
                + "        print('ok ' + ' '.join(n + '=' + hashlib.sha256(a.astype('<f8').tobytes()).hexdigest()"
                + " for n, a in arrays.items()))\n"
                + "    except Exception as e:\n        print('refused', type(e).__name__, e)\n";
        Path file = folder.resolve("reader.py");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of("python3", file.toString()));
        command.addAll(paths);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the reader finishes");
        assertEquals(0, process.exitValue(), out);
        return out.lines().toList();
    }

    /** Each array's name and the SHA-256 of its little-endian float64 values, in the manifest's order. */
    private static String digests(Model model) throws Exception {
        Map<String, Matrix> arrays = new LinkedHashMap<>();
        for (int i = 0; i < model.parameters().names().size(); i++) {
            arrays.put(model.parameters().names().get(i), model.parameters().matrices().get(i));
        }
        arrays.putAll(model.state());
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Matrix> array : arrays.entrySet()) {
            Matrix m = array.getValue();
            ByteBuffer bytes = ByteBuffer.allocate(8 * m.size()).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) {
                    bytes.putDouble(m.get(r, c));
                }
            }
            parts.add(array.getKey() + "=" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bytes.array())));
        }
        return String.join(" ", parts);
    }

    private static byte[] header(byte[] valid, int offset, int value) throws Exception {
        byte[] bytes = valid.clone();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        ModelFileTest.resign(bytes);
        return bytes;
    }

    private static byte[] manifest(byte[] valid, String from, String to) throws Exception {
        String text = manifestText(valid);
        assertTrue(text.contains(from), text);
        return ModelFileTest.withManifest(valid, text.replace(from, to));
    }

    private static byte[] trailing(byte[] valid) throws Exception {
        return ModelFileTest.withManifest(valid, manifestText(valid) + " {\"more\": 1}");
    }

    private static byte[] nanWeight(byte[] valid) throws Exception {
        byte[] bytes = valid.clone();
        int arrays = 16 + ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putDouble(arrays + 8, Double.NaN);
        ModelFileTest.resign(bytes);
        return bytes;
    }

    private static byte[] flipped(byte[] valid) {
        byte[] bytes = valid.clone();
        bytes[bytes.length / 2] ^= 1;
        return bytes;
    }

    private static String manifestText(byte[] bytes) {
        return new String(bytes, 16, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12),
                StandardCharsets.UTF_8);
    }

    private static boolean hasNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
