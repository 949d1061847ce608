package dev.mlpkit.apps.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlpkit.apps.UsageException;
import dev.mlpkit.nn.model.ModelFile;

/** {@code mlp serve --threshold}: where the galaxy model's verdict turns, and only for a galaxy model. */
class ThresholdTest {

    @Test
    void theVerdictTurnsAtTheThresholdAndTheProbabilityStays() throws IOException {
        Path image;
        try (var files = Files.list(ServedModel.UNSEEN.resolve("galaxies"))) {
            image = files.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(image);
        double p = new ImageService(ServedModel.MODEL, ModelFile.read(ServedModel.MODEL), 50_000_000)
                .classify(bytes, "g.png").probability();
        ImageService low = new ImageService(ServedModel.MODEL, ModelFile.read(ServedModel.MODEL), 50_000_000, p);
        ImageService high = new ImageService(ServedModel.MODEL, ModelFile.read(ServedModel.MODEL), 50_000_000,
                Math.nextUp(p));
        assertEquals("galaxy", low.classify(bytes, "g.png").label());
        assertEquals("not a galaxy", high.classify(bytes, "g.png").label());
        assertEquals(p, high.classify(bytes, "g.png").probability());
    }

    @Test
    void aThresholdForAModelThatIsNotAGalaxyModelIsRefused() {
        Path drawing = ServedModel.drawingModel();
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> ServedModels.read(List.of(drawing), 50_000_000, 0.7));
        assertEquals("--threshold is the probability of a galaxy at which a galaxy model says galaxy, and cl.mlp is"
                + " not a galaxy model", e.getMessage());
    }
}
