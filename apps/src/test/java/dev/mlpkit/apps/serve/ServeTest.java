package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/** The web API over real HTTP on 127.0.0.1, with a small model trained on generated images by mlp itself. */
class ServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Path unseen;
    static ModelServer server;
    static String base;

    @BeforeAll
    static void serve() throws IOException {
        unseen = ServedModel.UNSEEN;
        server = ServedModel.server(10 * 1024 * 1024);
        server.start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGalaxyAndAnotherImageAreToldApart() throws Exception {
        for (int i = 1; i <= 3; i++) {
            JsonNode galaxy = json(post("/api/classify", "image/jpeg", Files.readAllBytes(unseen.resolve("galaxies/galaxy-" + i + ".jpg"))));
            assertEquals("galaxy", galaxy.get("label").asText(), galaxy.toString());
            assertTrue(galaxy.get("probability").asDouble() >= 0.5);
            assertEquals("galaxy.mlp", galaxy.get("model").asText());
            assertTrue(galaxy.get("seen").asText().startsWith("data:image/png;base64,"));
            JsonNode photo = json(post("/api/classify", "image/jpeg", Files.readAllBytes(unseen.resolve("non-galaxies/photo-" + i + ".jpg"))));
            assertEquals("not a galaxy", photo.get("label").asText(), photo.toString());
        }
    }

    /** The boundary as Chrome, Edge and Safari send it: mixed case, which must be kept as it is. */
    /** A HEAD request gets the headers of the page or of /health, without a body. */
    @Test
    void headRequestsGetHeadersAlone() throws Exception {
        for (String path : new String[] { "/", "/health" }) {
            HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, head.statusCode(), path);
            assertEquals("", head.body(), path);
            assertTrue(head.headers().firstValue("Content-Type").isPresent(), path);
        }
    }

    /** RFC 2046 allows boundaries of at most 70 characters: a longer one is refused with a sentence. */
    @Test
    void aBoundaryLongerThanTheStandardAllowsIsRefused() throws Exception {
        String boundary = "b".repeat(71);
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"g.jpg\"\r\n\r\nx\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = post("/api/classify", "multipart/form-data; boundary=" + boundary, body);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("a multipart/form-data upload needs a boundary of 1 to 70 characters",
                json(response).get("error").asText());
    }

    @Test
    void aMultipartFormUploadWorksToo() throws Exception {
        byte[] image = Files.readAllBytes(unseen.resolve("galaxies/galaxy-1.jpg"));
        String boundary = "----WebKitFormBoundaryQx7RbD2mZk9TfA1c";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"g.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[head.length + image.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(image, 0, body, head.length, image.length);
        System.arraycopy(tail, 0, body, head.length + image.length, tail.length);
        HttpResponse<String> response = post("/api/classify", "multipart/form-data; boundary=" + boundary, body);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("galaxy", json(response).get("label").asText());
    }

    @Test
    void badUploadsGetA4xxWithAJsonSentence() throws Exception {
        byte[] jpeg = Files.readAllBytes(unseen.resolve("galaxies/galaxy-1.jpg"));
        HttpResponse<String> corrupt = post("/api/classify", "image/jpeg", java.util.Arrays.copyOf(jpeg, jpeg.length / 3));
        assertEquals(400, corrupt.statusCode());
        assertTrue(json(corrupt).get("error").asText().startsWith("upload is damaged"), corrupt.body());

        HttpResponse<String> text = post("/api/classify", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, text.statusCode());
        assertEquals("send an image (image/jpeg, image/png, ... or multipart/form-data), not 'text/plain'",
                json(text).get("error").asText());

        try (ModelServer small = ServedModel.server(1000)) {
            small.start();
            HttpResponse<String> big = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + small.port()
                    + "/api/classify")).header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(jpeg))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, big.statusCode());
            assertEquals("the upload is " + jpeg.length + " bytes, more than the limit of 1000", json(big).get("error").asText());
        }

        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/classify")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void thePageTheModelAndTheHealthAreServed() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<input id=\"file\" type=\"file\""), page.body());
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "no external resources");
        JsonNode info = json(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/model")).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertEquals("4096-16:sigmoid-1:sigmoid/bce", info.get("network").asText());
        assertEquals("adam", info.get("training").get("optimizer").get("name").asText());
        assertTrue(info.get("data") == null, "local folders are not shown to the web");
        assertEquals("ok", json(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString())).get("status").asText());
    }

    /** 2,000 requests from 8 threads on loopback: no errors; the figures are printed for the record. */
    @Test
    void aBoundedLoadOnLoopbackHasNoErrors() throws Exception {
        byte[] jpeg = Files.readAllBytes(unseen.resolve("galaxies/galaxy-2.jpg"));
        int requests = 2000;
        int threads = 8;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            done.add(pool.submit(() -> {
                long t = System.nanoTime();
                try {
                    HttpResponse<String> r = post("/api/classify", "image/jpeg", jpeg);
                    if (r.statusCode() != 200 || !r.body().contains("\"label\":\"galaxy\"")) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latencies.add(System.nanoTime() - t);
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("load: %d requests from %d threads in %.2f s: %.0f requests/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                requests, threads, seconds, requests / seconds, sorted.get(requests / 2) / 1e6,
                sorted.get(requests * 99 / 100) / 1e6, errors.get());
        assertEquals(0, errors.get());
        assertEquals(requests, sorted.size());
    }

    static HttpResponse<String> post(String path, String type, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
