package dev.mlpkit.nn.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.nn.io.AtomicFiles;

/**
 * Reads and writes model files (format described in {@code docs/model-format.md}):
 *
 * <pre>
 * bytes 0-7    the magic "MLPKITMF"
 * bytes 8-11   the format version, a little-endian uint32 (1)
 * bytes 12-15  the manifest's length N in bytes, a little-endian uint32
 * N bytes      the manifest, UTF-8 JSON: spec, arrays (name, rows, cols) in file order, metadata, version, time
 * 8 * sum(rows * cols) bytes
 *              the arrays, little-endian float64, each row by row (NumPy's order)
 * 32 bytes     SHA-256 of everything before it
 * </pre>
 *
 * A file is written through {@link AtomicFiles}, so a crash never leaves a half-written model. Reading checks
 * everything and fails with one sentence that says what is wrong.
 */
public final class ModelFile {

    /** The first 8 bytes of every model file. */
    public static final String MAGIC = "MLPKITMF";
    /** The newest format version this code reads, and the one it writes. */
    public static final int FORMAT_VERSION = 1;

    private static final int HEADER_BYTES = 16;
    private static final int CHECKSUM_BYTES = 32;
    /** A manifest longer than this is taken for a damaged length field, not a real manifest. */
    private static final int MAX_MANIFEST_BYTES = 1 << 24;
    /** The largest model file: the most one byte array holds, as {@link #toBytes} writes it. */
    private static final int MAX_FILE_BYTES = Integer.MAX_VALUE - 8;
    private static final byte[] MAGIC_BYTES = MAGIC.getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Reads a manifest as one JSON value and nothing after it. */
    private static final ObjectReader STRICT = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ModelFile() {
    }

    /** Writes {@code model} to {@code path} atomically, replacing any file there. */
    public static void write(Path path, Model model) throws IOException {
        AtomicFiles.write(path, toBytes(model));
    }

    /** Reads the model at {@code path} onto float64 matrices. */
    public static Model read(Path path) throws IOException {
        return read(path, MatrixFactory.float64());
    }

    /** Reads the model at {@code path} onto {@code factory}'s matrices. */
    public static Model read(Path path, MatrixFactory factory) throws IOException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            throw new ModelFileException(name + " is a folder, not a model file");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new ModelFileException(name + " is not a regular file (a device, a pipe or a socket), so it is not"
                    + " read");
        }
        if (Files.exists(path) && Files.size(path) > MAX_FILE_BYTES) {
            throw new ModelFileException(name + " is " + Files.size(path) + " bytes, more than a model file can be ("
                    + MAX_FILE_BYTES + ")");
        }
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);    // bounded, also for a file that grows while it is read
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path + " does not exist", e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ModelFileException(name + " is more than a model file can be (" + MAX_FILE_BYTES + " bytes)");
        }
        return fromBytes(bytes, name, factory);
    }

    /** The file's bytes for {@code model}. */
    static byte[] toBytes(Model model) {
        Map<String, Matrix> arrays = new LinkedHashMap<>();
        Parameters parameters = model.parameters();
        for (int k = 0; k < parameters.matrices().size(); k++) {
            arrays.put(parameters.names().get(k), parameters.matrices().get(k));
        }
        arrays.putAll(model.state());

        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", "mlpkit model");
        manifest.put("mlpkitVersion", model.mlpkitVersion());
        manifest.put("created", model.created().toString());
        manifest.put("spec", model.spec().toString());
        ArrayNode arrayList = manifest.putArray("arrays");
        long values = 0;
        for (Map.Entry<String, Matrix> e : arrays.entrySet()) {
            arrayList.addObject().put("name", e.getKey()).put("rows", e.getValue().rows()).put("cols",
                    e.getValue().cols());
            values += e.getValue().size();
        }
        manifest.set("metadata", JSON.valueToTree(model.metadata()));
        byte[] manifestBytes;
        try {
            manifestBytes = JSON.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the model's metadata cannot be written as JSON: " + e.getOriginalMessage(), e);
        }

        long length = HEADER_BYTES + manifestBytes.length + 8 * values + CHECKSUM_BYTES;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a model of " + values + " numbers is too large for one file");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC_BYTES).putInt(FORMAT_VERSION).putInt(manifestBytes.length).put(manifestBytes);
        for (Matrix m : arrays.values()) {
            for (int i = 0; i < m.rows(); i++) {
                for (int j = 0; j < m.cols(); j++) {
                    out.putDouble(m.get(i, j));
                }
            }
        }
        out.put(sha256(out.array(), out.position()));
        return out.array();
    }

    /** The model in {@code bytes}, read from the file called {@code name}. */
    static Model fromBytes(byte[] bytes, String name, MatrixFactory factory) throws ModelFileException {
        if (bytes.length == 0) {
            throw new ModelFileException(name + " is empty, not a model file");
        }
        int magicLength = Math.min(bytes.length, MAGIC_BYTES.length);
        if (!Arrays.equals(bytes, 0, magicLength, MAGIC_BYTES, 0, magicLength)) {
            throw new ModelFileException(name + " is not an mlpkit model file (it does not start with " + MAGIC + ")");
        }
        if (bytes.length < HEADER_BYTES + CHECKSUM_BYTES) {
            throw truncated(name, bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long version = Integer.toUnsignedLong(in.getInt(8));
        long manifestLength = Integer.toUnsignedLong(in.getInt(12));
        int checked = bytes.length - CHECKSUM_BYTES;
        if (!Arrays.equals(sha256(bytes, checked), 0, CHECKSUM_BYTES, bytes, checked, bytes.length)) {
            if (looksTruncated(bytes, manifestLength)) {
                throw truncated(name, bytes.length);
            }
            throw new ModelFileException(name + " is damaged: checksum mismatch");
        }
        if (version > FORMAT_VERSION) {
            throw new ModelFileException(name + " needs a newer mlpkit: it has model format version " + version
                    + " and this mlpkit reads up to version " + FORMAT_VERSION);
        }
        if (version < 1) {
            throw new ModelFileException(name + " is damaged: format version " + version + " does not exist");
        }
        if (manifestLength < 2 || HEADER_BYTES + manifestLength > checked) {
            throw new ModelFileException(name + " is damaged: its manifest length " + manifestLength
                    + " does not fit in the file");
        }
        JsonNode manifest;
        try {
            manifest = STRICT.readTree(new String(bytes, HEADER_BYTES, (int) manifestLength, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ModelFileException(name + " is damaged: its manifest is not valid JSON", e);
        }
        return new ManifestReader(name, manifest, in, HEADER_BYTES + (int) manifestLength, checked, factory).model();
    }

    /** Whether a file that fails its checksum is shorter than its own intact header and manifest say it should be. */
    private static boolean looksTruncated(byte[] bytes, long manifestLength) {
        if (manifestLength < 0 || manifestLength > MAX_MANIFEST_BYTES) {
            return false;
        }
        long manifestEnd = HEADER_BYTES + manifestLength;
        if (manifestEnd > bytes.length) {
            return true;
        }
        try {
            JsonNode arrays = JSON.readTree(new String(bytes, HEADER_BYTES, (int) manifestLength, StandardCharsets.UTF_8))
                    .path("arrays");
            long values = 0;
            for (JsonNode a : arrays) {
                values += a.path("rows").asLong() * a.path("cols").asLong();
            }
            return manifestEnd + 8 * values + CHECKSUM_BYTES > bytes.length;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static ModelFileException truncated(String name, int length) {
        return new ModelFileException(name + " is damaged: it ends after " + length + " bytes (truncated)");
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Turns a checksummed manifest and its arrays into a {@link Model}, checking that they agree. */
    private static final class ManifestReader {
        private final String name;
        private final JsonNode manifest;
        private final ByteBuffer in;
        private final int arraysStart;
        private final int arraysEnd;
        private final MatrixFactory factory;

        ManifestReader(String name, JsonNode manifest, ByteBuffer in, int arraysStart, int arraysEnd,
                MatrixFactory factory) {
            this.name = name;
            this.manifest = manifest;
            this.in = in;
            this.arraysStart = arraysStart;
            this.arraysEnd = arraysEnd;
            this.factory = factory;
        }

        Model model() throws ModelFileException {
            NetworkSpec spec;
            try {
                spec = NetworkSpec.parse(text("spec"));
            } catch (IllegalArgumentException e) {
                throw invalid("its network spec is invalid: " + e.getMessage());
            }
            Map<String, Matrix> arrays = readArrays();
            // The network's shapes against the arrays the file holds, before its parameters are made: a spec can ask
            // for far more than the file has.
            for (int l = 0; l < spec.depth(); l++) {
                expect(arrays, spec, "layer" + (l + 1) + ".weights", spec.layer(l).size(), spec.fanIn(l));
                if (spec.layer(l).bias()) {
                    expect(arrays, spec, "layer" + (l + 1) + ".biases", spec.layer(l).size(), 1);
                }
            }
            Parameters parameters = Parameters.zeros(spec, factory);
            for (int k = 0; k < parameters.names().size(); k++) {
                Matrix found = arrays.remove(parameters.names().get(k));
                if (!found.isAllFinite()) {
                    throw invalid("array '" + parameters.names().get(k) + "' holds a number that is not finite");
                }
                found.copyInto(parameters.matrices().get(k));
            }
            Map<String, Object> metadata;
            JsonNode metadataNode = manifest.path("metadata");
            if (!metadataNode.isObject()) {
                throw invalid("its manifest has no 'metadata' object");
            }
            metadata = JSON.convertValue(metadataNode, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            Instant created;
            try {
                created = Instant.parse(text("created"));
            } catch (DateTimeParseException e) {
                throw invalid("its creation time '" + text("created") + "' is not an ISO-8601 instant");
            }
            return new Model(parameters, arrays, metadata, text("mlpkitVersion"), created);
        }

        /** Refuses the file unless it holds an array {@code name} of {@code rows x cols}. */
        private void expect(Map<String, Matrix> arrays, NetworkSpec spec, String name, int rows, int cols)
                throws ModelFileException {
            Matrix found = arrays.get(name);
            if (found == null) {
                throw invalid("it has no array '" + name + "', which network " + spec + " needs");
            }
            if (found.rows() != rows || found.cols() != cols) {
                throw invalid("array '" + name + "' is " + found.shape() + " but network " + spec + " needs " + rows
                        + "x" + cols);
            }
        }

        private Map<String, Matrix> readArrays() throws ModelFileException {
            JsonNode list = manifest.path("arrays");
            if (!list.isArray()) {
                throw invalid("its manifest has no 'arrays' list");
            }
            List<int[]> shapes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            long available = arraysEnd - arraysStart;
            long bytesNeeded = 0;
            boolean tooMany = false;
            for (JsonNode a : list) {
                String arrayName = a.path("name").isTextual() ? a.path("name").asText() : "";
                int rows = size(a.path("rows"));
                int cols = size(a.path("cols"));
                if (arrayName.isEmpty() || rows < 1 || cols < 1 || !seen.add(arrayName)) {
                    throw invalid("its manifest lists an array without a unique name and a positive whole size: "
                            + abbreviated(a));
                }
                names.add(arrayName);
                shapes.add(new int[] { rows, cols });
                long values = (long) rows * cols;    // below 2^62: no overflow, nor in the sum, which stops first
                if (values > (Long.MAX_VALUE / 2 - bytesNeeded) / 8) {
                    tooMany = true;
                    break;
                }
                bytesNeeded += 8 * values;
            }
            if (tooMany || bytesNeeded != available) {
                throw invalid("its manifest's arrays need " + (tooMany ? "more than " + available
                        : String.valueOf(bytesNeeded)) + " bytes but the file holds " + available);
            }
            Map<String, Matrix> arrays = new LinkedHashMap<>();
            int position = arraysStart;
            for (int k = 0; k < names.size(); k++) {
                Matrix m = factory.zeros(shapes.get(k)[0], shapes.get(k)[1]);
                for (int i = 0; i < m.rows(); i++) {
                    for (int j = 0; j < m.cols(); j++) {
                        m.set(i, j, in.getDouble(position));
                        position += 8;
                    }
                }
                arrays.put(names.get(k), m);
            }
            return arrays;
        }

        /** A manifest size: a whole number from 1 to 2^31 - 1, or 0 (refused by the caller) for anything else. */
        private static int size(JsonNode node) {
            return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() > 0 ? node.intValue() : 0;
        }

        /** A manifest entry for a message, cut short when a crafted one is long. */
        private static String abbreviated(JsonNode node) {
            String text = node.toString();
            return text.length() <= 200 ? text : text.substring(0, 200) + "...";
        }

        private String text(String field) throws ModelFileException {
            JsonNode node = manifest.path(field);
            if (!node.isTextual()) {
                throw invalid("its manifest has no '" + field + "' text");
            }
            return node.asText();
        }

        private ModelFileException invalid(String why) {
            return new ModelFileException(name + " is not a valid model: " + why);
        }
    }
}
