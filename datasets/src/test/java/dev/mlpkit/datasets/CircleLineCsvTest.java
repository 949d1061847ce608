package dev.mlpkit.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlpkit.features.CircleLineFeatures;
import dev.mlpkit.features.ImageDecoder;

class CircleLineCsvTest {

    @TempDir
    Path temp;

    @Test
    void theFeaturesCsvOfTheTutorialsImagesIsByteIdenticalToTheTutorials() throws IOException {
        Path data = SharedData.folder("circle-line-tutorial");
        List<String> names;
        try (Stream<Path> files = Files.list(data.resolve("images"))) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();   // 1.png, 10.png, 11.png, ...
        }
        double[][] features = new double[names.size()][];
        ImageDecoder decoder = new ImageDecoder();
        for (int i = 0; i < names.size(); i++) {
            features[i] = new CircleLineFeatures().extract(decoder.decode(data.resolve("images").resolve(names.get(i))));
        }
        String tutorial = Files.readString(data.resolve("csv/input-file.txt")).replace("\r\n", "\n");
        assertEquals(tutorial, CircleLineCsv.featuresText(names, features));
    }

    @Test
    void featuresJoinWithTheCorrectOutputsInTheFeaturesOrder() throws IOException {
        Path data = SharedData.folder("circle-line-tutorial");
        CircleLineCsv.Features features = CircleLineCsv.readFeatures(data.resolve("csv/input-file.txt"));
        Map<String, Integer> circle = CircleLineCsv.readCorrectOutputs(data.resolve("csv/correct-outputs-circle.txt"));
        Examples examples = CircleLineCsv.join(features, circle);
        assertEquals(40, examples.size());
        assertEquals(List.of("1.png", "10.png"), examples.names().subList(0, 2));
        assertEquals(17, examples.count(1), "the tutorial has 17 circles");
        assertArrayEquals(new double[] { 0.19, 0, 0.04 }, examples.features()[0]);
    }

    @Test
    void anInnerJoinDropsNamesEitherSideLacks() {
        CircleLineCsv.Features features = new CircleLineCsv.Features(List.of("a.png", "b.png", "c.png"),
                new double[][] { { 1 }, { 2 }, { 3 } });
        Examples joined = CircleLineCsv.join(features, Map.of("c.png", 1, "a.png", 0, "z.png", 1));
        assertEquals(List.of("a.png", "c.png"), joined.names());
        assertArrayEquals(new int[] { 0, 1 }, joined.labels());
    }

    @Test
    void byteOrderMarksAndCrlfAreRead() throws IOException {
        Path csv = Files.writeString(temp.resolve("input-file.txt"), "\uFEFF" + CircleLineCsv.FEATURES_HEADER
                + "\r\n1.png,0.19,0,0.04\r\n");
        assertArrayEquals(new double[] { 0.19, 0, 0.04 }, CircleLineCsv.readFeatures(csv).values()[0]);
    }

    @Test
    void malformedFilesAreReportedByLineAndColumn() throws IOException {
        assertEquals("input-file.txt line 3 has 3 values where the header has 4",
                failure("file_name,feature1,feature2,feature3\n1.png,0.19,0,0.04\n2.png,0.1,0.2\n", true));
        assertEquals("input-file.txt line 2, column 3 (feature2): 'abc' is not a number",
                failure("file_name,feature1,feature2,feature3\n1.png,0.19,abc,0.04\n", true));
        assertEquals("input-file.txt is empty: it needs the header file_name,feature1,feature2,feature3",
                failure("", true));
        assertEquals("input-file.txt line 1: the header is 'name,f1', not 'file_name,feature1,feature2,feature3'",
                failure("name,f1\n", true));
        assertEquals("input-file.txt line 3: 1.png is listed twice",
                failure("file_name,correct_answer\n1.png,1\n1.png,0", false));
        assertEquals("input-file.txt line 2, column 2 (correct_answer): 'yes' is not 0 or 1",
                failure("file_name,correct_answer\n1.png,yes", false));
        assertEquals(temp.resolve("missing.txt") + " does not exist", assertThrows(DatasetException.class,
                () -> CircleLineCsv.readFeatures(temp.resolve("missing.txt"))).getMessage());
    }

    @Test
    void numbersAreWrittenAsTheTutorialWritesThem() {
        assertEquals("0", CircleLineCsv.number(0.0));
        assertEquals("0.19", CircleLineCsv.number(0.19));
        assertEquals("0.2", CircleLineCsv.number(0.2));
        List<String> names = new ArrayList<>(List.of("x.png"));
        assertEquals("file_name,feature1,feature2,feature3\nx.png,0.1,0,0.06\n",
                CircleLineCsv.featuresText(names, new double[][] { { 0.1, 0, 0.06 } }));
    }

    private String failure(String text, boolean features) throws IOException {
        Path csv = Files.writeString(temp.resolve("input-file.txt"), text);
        return assertThrows(DatasetException.class,
                () -> {
                    if (features) {
                        CircleLineCsv.readFeatures(csv);
                    } else {
                        CircleLineCsv.readCorrectOutputs(csv);
                    }
                }).getMessage();
    }
}
