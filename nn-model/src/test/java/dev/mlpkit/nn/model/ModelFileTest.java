package dev.mlpkit.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.Parameters;

class ModelFileTest {

    private static final String NAME = "galaxy.mlp";

    @TempDir
    Path folder;

    @Test
    void saveThenLoadIsBitIdenticalAndPredictsIdentically() throws IOException {
        Model model = sampleModel("4096-256:sigmoid-128:sigmoid-1:sigmoid/bce");
        Path file = folder.resolve(NAME);
        ModelFile.write(file, model);
        Model loaded = ModelFile.read(file);

        assertEquals(model.spec(), loaded.spec());
        assertArrayEquals(bits(model.parameters()), bits(loaded.parameters()));
        assertEquals(model.metadata(), loaded.metadata());
        assertEquals(model.mlpkitVersion(), loaded.mlpkitVersion());
        assertEquals(model.created(), loaded.created());
        assertEquals(model.state().keySet(), loaded.state().keySet());
        assertArrayEquals(model.state().get("adam.m.layer1.weights").toRows()[3],
                loaded.state().get("adam.m.layer1.weights").toRows()[3]);

        Matrix x = MatrixFactory.float64().zeros(4096, 3);
        x.modifyInPlace(v -> Math.random());
        double[][] before = new Network(model.parameters()).feedforward(x).toRows();
        double[][] after = new Network(loaded.parameters()).feedforward(x).toRows();
        assertArrayEquals(before[0], after[0]);
        assertEquals(ModelFile.toBytes(model).length, Files.size(file));
    }

    @Test
    void writingReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path file = folder.resolve(NAME);
        ModelFile.write(file, sampleModel("3-3:sigmoid:nobias-1:identity:nobias"));
        ModelFile.write(file, sampleModel("3-4-2:softmax"));
        assertEquals(NetworkSpec.parse("3-4-2:softmax"), ModelFile.read(file).spec());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousFileUntouched() throws IOException {
        Path file = folder.resolve(NAME);
        ModelFile.write(file, sampleModel("3-2-1"));
        byte[] before = Files.readAllBytes(file);
        Model unwritable = Model.of(Parameters.zeros(NetworkSpec.parse("3-2-1"), MatrixFactory.float64()), Map.of(),
                Map.of("notJson", new Object()));
        assertThrows(IllegalArgumentException.class, () -> ModelFile.write(file, unwritable));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFileTruncatedAtAnyByteSaysSo() {
        byte[] bytes = ModelFile.toBytes(sampleModel("3-2-1"));
        for (int length = 1; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            ModelFileException e = assertThrows(ModelFileException.class, () -> read(truncated));
            assertEquals(NAME + " is damaged: it ends after " + length + " bytes (truncated)", e.getMessage());
        }
        assertEquals(NAME + " is empty, not a model file",
                assertThrows(ModelFileException.class, () -> read(new byte[0])).getMessage());
    }

    @Test
    void anyFlippedByteIsCaught() {
        byte[] bytes = ModelFile.toBytes(sampleModel("3-2-1"));
        for (int offset = 0; offset < bytes.length; offset++) {
            byte[] damaged = bytes.clone();
            damaged[offset] ^= (byte) 0xFF;
            String message = assertThrows(ModelFileException.class, () -> read(damaged)).getMessage();
            String expected = offset < ModelFile.MAGIC.length() ? NAME + " is not an mlpkit model file"
                    : NAME + " is damaged: ";
            assertTrue(message.startsWith(expected), "byte " + offset + ": " + message);
        }
        byte[] damagedArray = bytes.clone();
        damagedArray[bytes.length - 40] ^= 1;
        assertEquals(NAME + " is damaged: checksum mismatch",
                assertThrows(ModelFileException.class, () -> read(damagedArray)).getMessage());
    }

    @Test
    void filesThatAreNotModelsAreNamedAsSuch() throws IOException {
        assertEquals(NAME + " is not an mlpkit model file (it does not start with MLPKITMF)",
                assertThrows(ModelFileException.class,
                        () -> read("{\"spec\": \"3-2-1\"}".getBytes(StandardCharsets.UTF_8))).getMessage());
        assertEquals(folder.resolve("missing.mlp") + " does not exist",
                assertThrows(ModelFileException.class, () -> ModelFile.read(folder.resolve("missing.mlp"))).getMessage());
        Path dir = Files.createDirectory(folder.resolve("x.mlp"));
        assertEquals("x.mlp is a folder, not a model file",
                assertThrows(ModelFileException.class, () -> ModelFile.read(dir)).getMessage());
    }

    /** A device, a pipe or a symlink to one given as a model is refused with a sentence, and nothing is read. */
    @Test
    void devicesAndPipesAreNotReadAsModels() throws Exception {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        Path link = Files.createSymbolicLink(folder.resolve("galaxy.mlp"), zero);
        assertEquals("galaxy.mlp is not a regular file (a device, a pipe or a socket), so it is not read",
                assertThrows(ModelFileException.class, () -> ModelFile.read(link)).getMessage());
        assertEquals("/ is a folder, not a model file",
                assertThrows(ModelFileException.class, () -> ModelFile.read(Path.of("/"))).getMessage());
        Path fifo = folder.resolve("pipe.mlp");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertEquals("pipe.mlp is not a regular file (a device, a pipe or a socket), so it is not read",
                    assertThrows(ModelFileException.class, () -> ModelFile.read(fifo)).getMessage());
        }
    }

    @Test
    void aNewerFormatVersionAsksForANewerMlpkit() throws Exception {
        byte[] bytes = ModelFile.toBytes(sampleModel("3-2-1"));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 2);
        resign(bytes);
        assertEquals(NAME + " needs a newer mlpkit: it has model format version 2 and this mlpkit reads up to version 1",
                assertThrows(ModelFileException.class, () -> read(bytes)).getMessage());
    }

    @Test
    void aManifestThatDisagreesWithTheDataIsRejected() throws Exception {
        Model model = sampleModel("3-2-1");
        assertEquals(NAME + " is not a valid model: its manifest's arrays need 112 bytes but the file holds 88",
                rewrittenManifest(model, "\"rows\" : 1,", "\"rows\" : 2,").getMessage());
        assertEquals(NAME + " is not a valid model: array 'layer1.weights' is 3x2 but network 3-2:sigmoid-1:sigmoid/bce"
                + " needs 2x3", rewrittenManifest(model, "\"rows\" : 2,\n    \"cols\" : 3", "\"rows\" : 3,\n    \"cols\" : 2")
                        .getMessage());
        assertEquals(NAME + " is not a valid model: its network spec is invalid: layer '1:swish' in network spec"
                + " '3-2:sigmoid-1:swish/bce': unknown activation 'swish': known are [sigmoid, tanh, relu, identity, softmax]",
                rewrittenManifest(model, "1:sigmoid/bce", "1:swish/bce").getMessage());
        assertEquals(NAME + " is not a valid model: it has no array 'layer2.biases', which network"
                + " 3-2:sigmoid-1:sigmoid/bce needs", rewrittenManifest(model, "layer2.biases", "layer2.extras").getMessage());
    }

    /**
     * Files whose checksum is right (anyone can recompute a SHA-256) but whose manifest lies are refused with a
     * sentence before anything is allocated: huge layers, sizes past 32 bits or not whole, array sizes whose bytes
     * would wrap around, weights that are not finite numbers, data after the manifest's JSON.
     */
    @Test
    void aSignedManifestThatLiesIsRefusedBeforeAnythingIsAllocated() throws Exception {
        Model model = sampleModel("3-2-1");
        assertEquals(NAME + " is not a valid model: array 'layer1.weights' is 2x3 but network"
                + " 3-1000000000:sigmoid-1:sigmoid/bce needs 1000000000x3",
                rewrittenManifest(model, "\"spec\" : \"3-2:", "\"spec\" : \"3-1000000000:").getMessage());
        assertEquals(NAME + " is not a valid model: its manifest lists an array without a unique name and a positive"
                + " whole size: {\"name\":\"layer1.weights\",\"rows\":4294967298,\"cols\":3}",
                rewrittenManifest(model, "\"rows\" : 2,\n    \"cols\" : 3", "\"rows\" : 4294967298,\n    \"cols\" : 3")
                        .getMessage());
        assertEquals(NAME + " is not a valid model: its manifest lists an array without a unique name and a positive"
                + " whole size: {\"name\":\"layer1.weights\",\"rows\":2.5,\"cols\":3}",
                rewrittenManifest(model, "\"rows\" : 2,\n    \"cols\" : 3", "\"rows\" : 2.5,\n    \"cols\" : 3")
                        .getMessage());
        assertEquals(NAME + " is not a valid model: its manifest's arrays need more than 88 bytes but the file holds 88",
                rewrittenManifest(model, "\"rows\" : 2,\n    \"cols\" : 3",
                        "\"rows\" : 2147483647,\n    \"cols\" : 2147483647").getMessage());
        assertEquals(NAME + " is damaged: its manifest is not valid JSON", trailingData(model).getMessage());

        byte[] bytes = ModelFile.toBytes(model);
        int arraysStart = 16 + ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putDouble(arraysStart + 8, Double.NaN);
        resign(bytes);
        assertEquals(NAME + " is not a valid model: array 'layer1.weights' holds a number that is not finite",
                assertThrows(ModelFileException.class, () -> read(bytes)).getMessage());

        // The header's two numbers are unsigned: all bits set is the largest version and length, not -1.
        byte[] future = ModelFile.toBytes(model);
        ByteBuffer.wrap(future).order(ByteOrder.LITTLE_ENDIAN).putInt(8, -1);
        resign(future);
        assertEquals(NAME + " needs a newer mlpkit: it has model format version 4294967295 and this mlpkit reads up to"
                + " version 1", assertThrows(ModelFileException.class, () -> read(future)).getMessage());
        byte[] long_ = ModelFile.toBytes(model);
        ByteBuffer.wrap(long_).order(ByteOrder.LITTLE_ENDIAN).putInt(12, -1);
        resign(long_);
        assertEquals(NAME + " is damaged: its manifest length 4294967295 does not fit in the file",
                assertThrows(ModelFileException.class, () -> read(long_)).getMessage());
    }

    /** A manifest followed by more JSON inside its own length: refused, not read up to the first value. */
    private ModelFileException trailingData(Model model) throws Exception {
        byte[] bytes = ModelFile.toBytes(model);
        String manifest = new String(bytes, 16, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12),
                StandardCharsets.UTF_8);
        byte[] rewritten = withManifest(bytes, manifest + " {\"more\": 1}");
        return assertThrows(ModelFileException.class, () -> read(rewritten));
    }

    /** {@code bytes} with another manifest, checksum made right. */
    static byte[] withManifest(byte[] bytes, String manifest) throws Exception {
        int manifestLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        byte[] newManifest = manifest.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(bytes.length - manifestLength + newManifest.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(bytes, 0, 12).putInt(newManifest.length).put(newManifest);
        out.put(bytes, 16 + manifestLength, bytes.length - 16 - manifestLength);
        byte[] rewritten = out.array();
        resign(rewritten);
        return rewritten;
    }

    @Test
    void float32ReadsKeepTheSpecAndSinglePrecisionValues() throws IOException {
        Path file = folder.resolve(NAME);
        Model model = sampleModel("3-2-1");
        ModelFile.write(file, model);
        Model loaded = ModelFile.read(file, MatrixFactory.float32());
        assertEquals("float32", loaded.parameters().weights(0).factory().name());
        assertEquals((float) model.parameters().weights(0).get(1, 2), (float) loaded.parameters().weights(0).get(1, 2));
    }

    private ModelFileException rewrittenManifest(Model model, String from, String to) throws Exception {
        byte[] bytes = ModelFile.toBytes(model);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int manifestLength = in.getInt(12);
        String manifest = new String(bytes, 16, manifestLength, StandardCharsets.UTF_8);
        assertTrue(manifest.contains(from), manifest);
        byte[] rewritten = withManifest(bytes, manifest.replace(from, to));
        return assertThrows(ModelFileException.class, () -> read(rewritten));
    }

    /** Recomputes the trailing SHA-256, as a crafted (not damaged) file would have it. */
    static void resign(byte[] bytes) throws Exception {
        byte[] sum = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(bytes, bytes.length - 32));
        System.arraycopy(sum, 0, bytes, bytes.length - 32, 32);
    }

    private static Model read(byte[] bytes) throws ModelFileException {
        return ModelFile.fromBytes(bytes, NAME, MatrixFactory.float64());
    }

    static Model sampleModel(String spec) {
        Parameters parameters = Parameters.zeros(NetworkSpec.parse(spec), MatrixFactory.float64());
        Initializer.NORMAL.initialize(parameters, 42);
        Map<String, Matrix> state = new LinkedHashMap<>();
        if (parameters.weights(0).rows() > 3) {
            Matrix m = parameters.weights(0).copy();
            SplittableRandom random = new SplittableRandom(5);
            m.modifyInPlace(v -> random.nextDouble());
            state.put("adam.m.layer1.weights", m);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("optimizer", Map.of("name", "gd", "learningRate", 0.01));
        metadata.put("seed", 42);
        metadata.put("classes", List.of("not a galaxy", "galaxy"));
        return Model.of(parameters, state, metadata);
    }

    private static long[] bits(Parameters p) {
        return p.matrices().stream()
                .flatMapToDouble(m -> java.util.stream.IntStream.range(0, m.size()).mapToDouble(m::get))
                .mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
