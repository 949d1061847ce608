package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlpkit.apps.Main;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.nn.model.ModelFile;

/** A classifier of {@code mlp train} on the upload page: its verdict and its most probable classes. */
class ServeTrainedModelTest {

    @TempDir
    Path temp;

    @Test
    void anUploadGetsItsClassAndTheTopClasses() throws Exception {
        Path digits = temp.resolve("digits");
        GeneratedData.writeDigits(digits, 300, 10, 4, false);
        Path model = temp.resolve("digits.mlp");
        assertEquals(0, Main.run("-q", "train", "--data", digits.resolve("train").toString(), "--hidden", "32",
                "--epochs", "5", "--cache", temp.resolve("cache").toString(), "--model", model.toString(), "--metrics",
                temp.resolve("m.csv").toString(), "--curves", temp.resolve("c.png").toString()));
        try (ModelServer server = new ModelServer(new ImageService(model, ModelFile.read(model), 50_000_000), null,
                "127.0.0.1", 0, 1 << 20, 2)) {
            server.start();
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newHttpClient();
            byte[] png = Files.readAllBytes(digits.resolve("test/3/digit-304.png"));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/classify"))
                    .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode answer = new ObjectMapper().readTree(response.body());
            List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            assertTrue(classes.contains(answer.get("label").asText()), response.body());
            JsonNode top = answer.get("top");
            assertEquals(ImageService.TOP, top.size(), response.body());
            assertEquals(answer.get("label").asText(), top.get(0).get("class").asText());
            for (int k = 1; k < top.size(); k++) {
                assertTrue(top.get(k - 1).get("probability").asDouble() >= top.get(k).get("probability").asDouble());
            }
            assertTrue(answer.get("seen").asText().startsWith("data:image/png;base64,"), "the 28x28 picture it saw");

            JsonNode described = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/model")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("train", described.get("app").asText());
            assertEquals(10, described.get("classes").size());
        }
    }
}
