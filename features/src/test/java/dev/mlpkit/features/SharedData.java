package dev.mlpkit.features;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** The real data in ../shared/data next to the checkout (surefire passes its place); tests skip without it. */
final class SharedData {

    private SharedData() {
    }

    static Path folder(String name) {
        String base = System.getProperty("mlpkit.shared.data");
        Path folder = base == null ? null : Path.of(base, name).normalize();
        Assumptions.assumeTrue(folder != null && Files.isDirectory(folder),
                "../shared/data/" + name + " is not next to this checkout, so this test is skipped");
        return folder;
    }
}
