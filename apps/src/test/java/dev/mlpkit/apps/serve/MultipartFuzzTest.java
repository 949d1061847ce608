package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any upload body, with any boundary a content type can carry, gives the first file or nothing: never an exception or
 * a hang, and a file name without folders or quotes. Runs its regression inputs with the other tests, and fuzzes in
 * the build's fuzz run ({@code -Pfuzz}).
 */
class MultipartFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyBodyGivesAFileOrNothing(FuzzedDataProvider data) {
        String boundary = Multipart.boundary("multipart/form-data; boundary=" + data.consumeString(100));
        byte[] body = data.consumeRemainingAsBytes();
        if (boundary == null) {
            return;
        }
        assertTrue(boundary.length() <= Multipart.MAX_BOUNDARY && !boundary.isEmpty());
        Multipart.Part part = Multipart.firstFile(body, boundary);
        if (part != null) {
            assertFalse(part.fileName().contains("/") || part.fileName().contains("\\") || part.fileName().isBlank(),
                    part.fileName());
            assertTrue(part.content().length <= body.length);
        }
    }
}
