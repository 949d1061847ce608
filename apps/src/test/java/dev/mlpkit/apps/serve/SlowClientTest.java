package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mlpkit.nn.model.ModelFile;

/**
 * Clients that send their request slowly, or never finish it, hold up nobody: on a server with one classifier, while
 * seven such clients are connected, {@code /health} and a classification are answered at once, and the server answers
 * the slow ones 408 and closes their connections once their time to send a request is up; the one that sends its
 * headers a byte at a time is cut off too. Loops are bounded; nothing waits without a deadline.
 */
@Tag("slow")
class SlowClientTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void slowAndStalledClientsHoldUpNobodyAndAreCutOff() throws Exception {
        try (ModelServer server = new ModelServer(new ImageService(ServedModel.MODEL,
                ModelFile.read(ServedModel.MODEL), 50_000_000), null, "127.0.0.1", 0, 1_000_000, 1)) {
            server.start();
            int port = server.port();
            List<Socket> slow = new ArrayList<>();
            try {
                Socket trickling = new Socket("127.0.0.1", port);
                slow.add(trickling);
                Thread trickle = new Thread(() -> trickle(trickling), "trickle");
                trickle.setDaemon(true);
                trickle.start();
                for (int i = 0; i < 6; i++) {
                    Socket s = new Socket("127.0.0.1", port);
                    OutputStream out = s.getOutputStream();
                    // Half the headers, a body shorter than its length, a chunked body that never ends: in turn.
                    String start = switch (i % 3) {
                        case 0 -> "POST /api/classify HTTP/1.1\r\nHost: x\r\nContent-Ty";
                        case 1 -> "POST /api/classify HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\n"
                                + "Content-Length: 5000\r\n\r\nabc";
                        default -> "POST /api/classify HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n";
                    };
                    out.write(start.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    slow.add(s);
                }
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode());
                byte[] image = java.nio.file.Files.readAllBytes(ServedModel.UNSEEN.resolve("galaxies/galaxy-1.jpg"));
                HttpResponse<String> classified = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/classify")).timeout(Duration.ofSeconds(5)).header("Content-Type", "image/jpeg")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, classified.statusCode(), classified.body());

                for (Socket s : slow) {
                    s.setSoTimeout((2 * ModelServer.REQUEST_SECONDS + 10) * 1000);
                    String answer = answerUntilClosed(s.getInputStream());
                    assertTrue(answer != null, "a slow client is cut off");
                    if (s == trickling) {
                        continue;   // it was still sending when cut off, so TCP may reset its 408 away
                    }
                    assertTrue(answer.startsWith("HTTP/1.1 408 ") && answer.contains("{\"error\":\"the "), answer);
                }
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    /** Sends a request line and then one header byte every second and a half, until the server stops it (or 40 s). */
    private static void trickle(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 27; i++) {
                out.write('a');
                out.flush();
                Thread.sleep(1500);
            }
        } catch (IOException | InterruptedException e) {
            // cut off by the server, as it should be
        }
    }

    /** What the server sends until it closes the connection; null when it is still open at the timeout. */
    private static String answerUntilClosed(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        try {
            byte[] buffer = new byte[1024];
            for (int reads = 0; reads < 1000; reads++) {
                int n = in.read(buffer);
                if (n < 0) {
                    return answer.toString();
                }
                answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            return null;
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            return answer.toString();    // reset by the server after its answer
        }
    }
}
