package dev.mlpkit.datasets;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.mlpkit.features.FeatureExtractor;

/**
 * Extracted features on disk, keyed by the SHA-256 of each image file's content, one cache file per extractor and
 * settings ({@code features-pixels-<hash of settings>.bin} in the cache folder). A renamed or moved image is still
 * found; an edited one is extracted again. A cache file that cannot be read is ignored and rebuilt: it only saves time.
 */
public final class FeatureCache {

    private static final String MAGIC = "MLPKFC01";

    private final Path file;
    private final int dimension;
    private final Map<ByteBuffer, double[]> vectors = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private FeatureCache(Path file, int dimension) {
        this.file = file;
        this.dimension = dimension;
    }

    /** The cache of {@code extractor}'s features in {@code folder}, loaded from disk if it is there. */
    public static FeatureCache open(Path folder, FeatureExtractor extractor) throws IOException {
        String settings = extractor.name() + new TreeMap<>(extractor.settings());
        String key = HexFormat.of().formatHex(sha256(settings.getBytes(StandardCharsets.UTF_8)), 0, 8);
        FeatureCache cache = new FeatureCache(folder.resolve("features-" + extractor.name() + "-" + key + ".bin"),
                extractor.dimension());
        cache.load();
        return cache;
    }

    /** The SHA-256 of {@code bytes}: the key of an image's content. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The cached features of the content with hash {@code key}, or null. */
    public double[] get(byte[] key) {
        return vectors.get(ByteBuffer.wrap(key));
    }

    /** Remembers {@code features} for the content with hash {@code key}; safe from any thread. */
    public void put(byte[] key, double[] features) {
        vectors.put(ByteBuffer.wrap(key.clone()), features);
        changed = true;
    }

    public int size() {
        return vectors.size();
    }

    /** The file this cache lives in. */
    public Path file() {
        return file;
    }

    /** Writes the cache back if anything was added: to a temporary file first, then moved into place. */
    public void save() throws IOException {
        if (!changed) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
                out.writeBytes(MAGIC);
                out.writeInt(dimension);
                out.writeInt(vectors.size());
                ByteBuffer bytes = ByteBuffer.allocate(dimension * Double.BYTES);
                for (Map.Entry<ByteBuffer, double[]> e : vectors.entrySet()) {
                    out.write(e.getKey().array());
                    bytes.asDoubleBuffer().put(e.getValue());
                    out.write(bytes.array());
                }
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            changed = false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = new byte[MAGIC.length()];
            in.readFully(magic);
            if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII)) || in.readInt() != dimension) {
                return;
            }
            int count = in.readInt();
            // A vector at a time, not a double at a time: a large cache loads several times faster.
            ByteBuffer bytes = ByteBuffer.allocate(dimension * Double.BYTES);
            for (int k = 0; k < count; k++) {
                byte[] key = new byte[32];
                in.readFully(key);
                in.readFully(bytes.array());
                double[] v = new double[dimension];
                bytes.asDoubleBuffer().get(v);
                vectors.put(ByteBuffer.wrap(key), v);
            }
        } catch (IOException e) {
            vectors.clear(); // a damaged cache is rebuilt, not trusted
        }
    }
}
