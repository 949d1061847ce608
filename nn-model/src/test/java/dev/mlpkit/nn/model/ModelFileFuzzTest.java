package dev.mlpkit.nn.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.mlpkit.linalg.MatrixFactory;

/**
 * Any bytes given to the model reader give a model or a {@link ModelFileException}: never another exception, a hang
 * or an OutOfMemoryError. Each input is read as it is, and once more with its trailing SHA-256 made right, so the
 * fuzzer also reaches the version, manifest and array checks behind the checksum. Runs its regression inputs
 * (src/test/resources/.../ModelFileFuzzTestInputs) with the other tests, and fuzzes in the build's fuzz run.
 */
class ModelFileFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void readingAnyBytesGivesAModelOrOneSentence(byte[] bytes) throws NoSuchAlgorithmException {
        read(bytes);
        if (bytes.length > 32) {
            byte[] signed = bytes.clone();
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(signed, signed.length - 32));
            System.arraycopy(sum, 0, signed, signed.length - 32, 32);
            read(signed);
        }
    }

    private static void read(byte[] bytes) {
        try {
            ModelFile.fromBytes(bytes, "fuzzed.mlp", MatrixFactory.float64());
        } catch (ModelFileException expected) {
            // the one clear sentence
        }
    }
}
