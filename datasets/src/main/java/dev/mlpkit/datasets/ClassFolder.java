package dev.mlpkit.datasets;

import java.nio.file.Path;

/**
 * A folder holding the images of one class.
 *
 * @param name   what the class is called, for messages ({@code galaxies})
 * @param folder where its images are
 * @param label  its label (the galaxy app: galaxies 1, non-galaxies 0)
 */
public record ClassFolder(String name, Path folder, int label) {
}
