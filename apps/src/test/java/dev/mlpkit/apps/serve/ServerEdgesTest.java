package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests the server refuses by itself, before any handler of ours runs (not HTTP, a damaged address, a length that
 * is no number, a chunk size that overflows, headers too large), are answered as the API answers: a status and a JSON
 * sentence of ours, never the parser's wording or an exception's name. Sent byte for byte over raw sockets.
 */
class ServerEdgesTest {

    static ModelServer server;

    @BeforeAll
    static void serve() throws IOException {
        server = ServedModel.server(64 * 1024);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void requestsThatAreNotValidHttpGetAJsonSentence() throws IOException {
        String[] requests = {
            "GARBAGE\r\n\r\n",
            "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /api/classify HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: abc\r\n\r\n",
            "POST /api/classify HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "FFFFFFFFFFFFFFFFFFFF\r\n",
            "GET /health HTTP/1.1\r\n\r\n",
        };
        for (String request : requests) {
            String answer = exchange(request.getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertJsonSentence("the request is not valid HTTP/1.1", answer);
        }
    }

    @Test
    void otherRefusalsNameWhatIsWrong() throws IOException {
        String huge = exchange(("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(huge.startsWith("HTTP/1.1 431 "), huge);
        assertJsonSentence("the request's headers are too large", huge);

        String longAddress = exchange(("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(longAddress.startsWith("HTTP/1.1 414 "), longAddress);
        assertJsonSentence("the address is too long", longAddress);

        String version = exchange("GET / HTTP/2.0\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertJsonSentence("only HTTP/1.0 and HTTP/1.1 requests are answered here", version);
    }

    /** A chunked upload has no length to check first: it is cut off at the limit and answered 413. */
    @Test
    void aChunkedUploadPastTheLimitIs413() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/classify HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("4000\r\n" + "a".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            try {
                for (int i = 0; i < 8; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the server may close before the rest is sent
            }
            String answer = read(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertJsonSentence("the upload is more than the limit of 65536 bytes", answer);
        }
    }

    /** A port that is taken is named with the way out, in words. */
    @Test
    void aTakenPortIsNamed() throws IOException {
        try (ModelServer second = new ModelServer(new ImageService(ServedModel.MODEL,
                dev.mlpkit.nn.model.ModelFile.read(ServedModel.MODEL), 50_000_000), null, "127.0.0.1", server.port(),
                1000, 1)) {
            IOException e = assertThrows(IOException.class, second::start);
            assertEquals("cannot listen on 127.0.0.1:" + server.port() + ": another program uses that port; choose"
                    + " another with --port (0 takes any free one)", e.getMessage());
        }
    }

    private static void assertJsonSentence(String sentence, String answer) {
        assertTrue(answer.contains("Content-Type: application/json; charset=utf-8"), answer);
        assertTrue(answer.endsWith("{\"error\":\"" + sentence + "\"}"), answer);
        assertFalse(answer.contains("Exception") || answer.contains("Jetty") || answer.contains("<html"), answer);
    }

    /** Sends {@code request} and reads the answer until the server closes the connection or stops sending. */
    private static String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** The answer: up to the end of a body as long as its Content-Length, or until the connection closes. */
    private static String read(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        for (int reads = 0; reads < 1000; reads++) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            int headersEnd = answer.indexOf("\r\n\r\n");
            int length = answer.indexOf("Content-Length: ");
            if (headersEnd > 0 && length > 0 && length < headersEnd) {
                int body = Integer.parseInt(answer.substring(length + 16, answer.indexOf("\r\n", length)).trim());
                if (answer.length() >= headersEnd + 4 + body) {
                    break;
                }
            }
        }
        return answer.toString();
    }
}
