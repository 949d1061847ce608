package dev.mlpkit.apps.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** classify's verdicts for scripts, read back: JSON Lines parsed, CSV quoted as RFC 4180 says, names kept exactly. */
class VerdictsTest {

    private static final List<String> CLASSES = List.of("not a galaxy", "galaxy");
    private static final String ODD_NAME = "photos/a \"b\", c\nd.jpg";

    @Test
    void jsonLinesReadBackToTheSameNamesAndProbabilities() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Verdicts verdicts = new Verdicts("json", CLASSES, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        verdicts.add(ODD_NAME, new double[] { 0.25, 0.75 }, 1, null);
        verdicts.add("b.png", new double[] { 0.9, 0.1 }, 0, "it is one flat colour");
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), "one line per input, the newline in a name escaped");
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(ODD_NAME, first.get("input").asText());
        assertEquals("galaxy", first.get("label").asText());
        assertEquals(0.75, first.get("probability").asDouble());
        assertEquals(0.25, first.get("classes").get("not a galaxy").asDouble());
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertEquals("not a galaxy", second.get("label").asText());
        assertEquals("it is one flat colour", second.get("note").asText());
    }

    @Test
    void csvHasAHeaderAndQuotesWhatNeedsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Verdicts verdicts = new Verdicts("csv", CLASSES, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        verdicts.add(ODD_NAME, new double[] { 0.25, 0.75 }, 1, null);
        verdicts.add("b.png", new double[] { 0.9, 0.1 }, 0, "odd, dark");
        assertEquals("input,label,probability,p(not a galaxy),p(galaxy),note\r\n"
                + "\"photos/a \"\"b\"\", c\nd.jpg\",galaxy,0.75,0.25,0.75,\r\n"
                + "b.png,not a galaxy,0.9,0.9,0.1,\"odd, dark\"\r\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
