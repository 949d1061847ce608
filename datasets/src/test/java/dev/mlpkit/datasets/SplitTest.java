package dev.mlpkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SplitTest {

    /** The tutorial's 2050 images: about 85% galaxies. */
    private static Examples tutorialSized() {
        List<String> names = new ArrayList<>();
        double[][] features = new double[2050][1];
        int[] labels = new int[2050];
        for (int i = 0; i < 2050; i++) {
            names.add("image-" + i);
            labels[i] = i < 1750 ? 1 : 0;
        }
        return new Examples(names, features, labels);
    }

    @Test
    void eightyTwentyGivesTheTutorials1640And410() {
        Split split = Split.of(tutorialSized(), 0.2, 42, false);
        assertEquals(1640, split.training().size());
        assertEquals(410, split.validation().size());
        Set<String> all = new HashSet<>(split.training().names());
        all.addAll(split.validation().names());
        assertEquals(2050, all.size(), "every example once");
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        assertEquals(Split.of(tutorialSized(), 0.2, 7, false).validation().names(),
                Split.of(tutorialSized(), 0.2, 7, false).validation().names());
        assertNotEquals(Split.of(tutorialSized(), 0.2, 7, false).validation().names(),
                Split.of(tutorialSized(), 0.2, 8, false).validation().names());
    }

    @Test
    void stratifiedSplitsKeepEachClassInProportion() {
        Split split = Split.of(tutorialSized(), 0.2, 42, true);
        assertEquals(1400, split.training().count(1));
        assertEquals(240, split.training().count(0));
        assertEquals(350, split.validation().count(1));
        assertEquals(60, split.validation().count(0));
    }

    @Test
    void aValidationFractionOutsideZeroToOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Split.of(tutorialSized(), 1.0, 1, false));
        assertEquals("the validation fraction must be at least 0 and below 1, not 1.0", e.getMessage());
    }
}
