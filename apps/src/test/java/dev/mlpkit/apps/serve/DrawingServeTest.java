package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlpkit.datasets.generate.CircleLineDrawings;

/** The drawing page and {@code POST /api/draw} over real HTTP on 127.0.0.1, beside the galaxy page. */
class DrawingServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ModelServer server;
    static String base;

    @BeforeAll
    static void serve() throws IOException {
        server = ServedModel.bothServer();
        server.start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void drawingsAreToldApartAndShownAsTheNetworkReadThem() throws Exception {
        int right = 0;
        for (int i = 0; i < 20; i++) {
            for (boolean circle : new boolean[] { true, false }) {
                HttpResponse<String> response = post("/api/draw", png(circle, 1000 + i));
                assertEquals(200, response.statusCode(), response.body());
                JsonNode answer = JSON.readTree(response.body());
                right += answer.get("label").asText().equals(circle ? "CIRCLE" : "LINE") ? 1 : 0;
                assertTrue(answer.get("scores").has("P(circle)") && answer.get("scores").has("P(line)"), response.body());
                assertTrue(answer.get("seen").asText().startsWith("data:image/png;base64,"), response.body());
                assertEquals("cl.mlp", answer.get("model").asText());
            }
        }
        assertTrue(right >= 36, right + " of 40 drawings classified right");
    }

    @Test
    void eachPageLinksToTheOtherAndTheModelsAreDescribed() throws Exception {
        HttpResponse<String> galaxyPage = get("/");
        assertTrue(galaxyPage.body().contains("<a href=\"/draw\">Draw a circle or a line</a>"), galaxyPage.body());
        HttpResponse<String> drawPage = get("/draw");
        assertEquals(200, drawPage.statusCode());
        assertTrue(drawPage.body().contains("<title>Circle or line? - mlpkit</title>"));
        assertTrue(drawPage.body().contains("<a href=\"/\">Is it a galaxy?</a>"));
        JsonNode drawing = JSON.readTree(get("/api/model?app=circle-line").body());
        assertEquals("circle-line", drawing.get("app").asText());
        assertEquals("softmax", drawing.get("mode").asText());
        assertEquals("galaxy", JSON.readTree(get("/api/model").body()).get("app").asText());
    }

    @Test
    void aBlankDrawingGetsANoteAndAGalaxyOnlyServerHasNoDrawingPage() throws Exception {
        java.awt.image.BufferedImage white = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        JsonNode blank = JSON.readTree(post("/api/draw", encode(white)).body());
        assertEquals("the image is blank: there is no drawing in it", blank.get("note").asText(), blank.toString());
        try (ModelServer galaxyOnly = ServedModel.server(1 << 20)) {
            galaxyOnly.start();
            String other = "http://127.0.0.1:" + galaxyOnly.port();
            HttpResponse<String> draw = HTTP.send(HttpRequest.newBuilder(URI.create(other + "/draw")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, draw.statusCode());
            assertEquals("no circle-line model is served here; start mlp serve with --model cl.mlp",
                    JSON.readTree(draw.body()).get("error").asText());
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(other + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(!page.body().contains("/draw") && !page.body().contains("<!--NAV-->"), "no link to a missing page");
        }
    }

    private static byte[] png(boolean circle, long seed) throws IOException {
        return encode(CircleLineDrawings.draw(circle, seed));
    }

    private static byte[] encode(java.awt.image.BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
