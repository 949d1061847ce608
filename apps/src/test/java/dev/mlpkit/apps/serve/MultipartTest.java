package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The multipart reader: boundaries as browsers send them, file names without folders, and work linear in the body. */
class MultipartTest {

    private static byte[] form(String boundary, String fileName, String content) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theBoundaryKeepsItsCaseAndItsLengthIsBounded() {
        assertEquals("----WebKitFormBoundaryAbC", Multipart.boundary("multipart/form-data; boundary=----WebKitFormBoundaryAbC"));
        assertEquals("a b", Multipart.boundary("Multipart/Form-Data; BOUNDARY=\"a b\""));
        assertEquals("x".repeat(70), Multipart.boundary("multipart/form-data; boundary=" + "x".repeat(70)));
        assertNull(Multipart.boundary("multipart/form-data; boundary=" + "x".repeat(71)));
        assertNull(Multipart.boundary("multipart/form-data; boundary="));
        assertNull(Multipart.boundary("multipart/form-data"));
    }

    @Test
    void theFileNameLosesTheFoldersABrowserSends() {
        assertEquals("photo.jpg", Multipart.firstFile(form("B", "C:\\Users\\me\\photo.jpg", "x"), "B").fileName());
        assertEquals("c.png", Multipart.firstFile(form("B", "a/b/c.png", "x"), "B").fileName());
        assertEquals("upload", Multipart.firstFile(form("B", "dir/", "x"), "B").fileName());
        assertArrayEquals("pixels".getBytes(StandardCharsets.UTF_8),
                Multipart.firstFile(form("B", "p.png", "pixels"), "B").content());
    }

    /**
     * A file name of 400,000 characters (no folders) and a body of 2 MB that never holds the boundary are read in
     * time linear in their length: a regular expression on the name, or a search that restarts with a long
     * boundary, took minutes. The bound is generous; it only tells linear from quadratic.
     */
    @Test
    void hugeNamesAndBodiesAreReadInLinearTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            String name = "a".repeat(400_000);
            assertEquals(name, Multipart.firstFile(form("B", name, "x"), "B").fileName());
            byte[] body = new byte[2_000_000];
            java.util.Arrays.fill(body, (byte) '-');    // the worst body for the longest boundary: it almost matches
            assertNull(Multipart.firstFile(body, "-".repeat(69) + "y"));
        });
    }
}
