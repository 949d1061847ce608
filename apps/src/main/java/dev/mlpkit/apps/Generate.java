package dev.mlpkit.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.inject.Inject;

import dev.mlpkit.datasets.ContactSheet;
import dev.mlpkit.datasets.DatasetException;
import dev.mlpkit.datasets.GeneratedData;
import dev.mlpkit.nn.io.AtomicFiles;

/** {@code mlp generate circle-line|galaxy|digits --out DIR}: writes a synthetic set as real image folders. */
public final class Generate implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(Generate.class);

    /** The command line of {@code mlp generate}. */
    @Parameters(commandDescription = "Write the synthetic data sets as image folders")
    public static final class Options extends CommonOptions {
        @Parameter(description = "circle-line|galaxy|digits", required = true, validateWith = dev.mlpkit.apps.Validators.NotAnOption.class)
        public List<String> kind = new ArrayList<>();

        @Parameter(names = "--out", description = "Folder to write (must not exist yet, or be empty)", required = true,
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path out;

        @Parameter(names = "--count", description = "Drawings (circle-line; default " + GeneratedData.DEFAULT_DRAWINGS
                + "), galaxy images (galaxy; " + GeneratedData.DEFAULT_GALAXIES + ") or training digits (digits; "
                + GeneratedData.DEFAULT_DIGITS + ")", validateWith = Validators.PositiveInteger.class)
        public Integer count;

        @Parameter(names = "--others", description = "Non-galaxy images (galaxy only; default "
                + GeneratedData.DEFAULT_OTHERS + ")", validateWith = Validators.PositiveInteger.class)
        public Integer others;

        @Parameter(names = "--tests", description = "Test digits (digits only; default "
                + GeneratedData.DEFAULT_DIGIT_TESTS + ")", validateWith = Validators.PositiveInteger.class)
        public Integer tests;

        @Parameter(names = "--seed", description = "Seed: the same seed writes the same files")
        public long seed = 42;

        @Parameter(names = "--contact-sheet", description = "Also write a PNG of thumbnails of the first images",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path contactSheet;
    }

    /** The most images of a kind one run makes: a guard against a typo that would fill the disk. */
    static final int MAX_COUNT = 1_000_000;

    private final Options options;
    private final Console console;

    @Inject
    Generate(Options options, Console console) {
        this.console = console;
        this.options = options;
    }

    /** Writes the set whole or not at all, with one sentence for a write that fails (a full disk, a read-only folder). */
    private void writeWhole(GeneratedData.Writer writer) throws IOException {
        try {
            GeneratedData.writeWhole(options.out, writer);
        } catch (IOException e) {
            // The deepest cause says why ("No space left on device"); the outer ones say only that a write failed.
            Throwable why = e;
            while (why.getCause() != null) {
                why = why.getCause();
            }
            String reason = why instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : why.getMessage() != null ? why.getMessage() : "the file system refused it";
            throw new DatasetException("cannot write " + options.out + ": " + reason + "; nothing was left behind", e);
        }
    }

    @Override
    public int run() throws Exception {
        if (options.kind.size() != 1) {
            throw new UsageException("say what to generate: circle-line, galaxy or digits");
        }
        Validators.named("--contact-sheet", options.contactSheet, ".png", "a PNG");
        if (options.out.toString().equals("-")) {
            throw new UsageException("--out is the folder the images go into, and standard output (-) cannot hold"
                    + " folders: name a folder");
        }
        if (Files.isDirectory(options.out)) {
            try (var entries = Files.list(options.out)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageException(options.out + " is not empty: choose a new folder for --out");
                }
            }
        } else if (Files.exists(options.out)) {
            throw new UsageException(options.out + " is a file: --out needs a folder");
        }
        if (options.contactSheet != null) {
            Validators.writableFiles(options.contactSheet);
        }
        for (Integer n : new Integer[] { options.count, options.others, options.tests }) {
            if (n != null && n > MAX_COUNT) {
                throw new UsageException("mlp generate makes at most " + MAX_COUNT + " images of a kind, not " + n);
            }
        }
        List<Path> firstImages = new ArrayList<>();
        switch (options.kind.get(0)) {
            case "circle-line" -> {
                int count = options.count == null ? GeneratedData.DEFAULT_DRAWINGS : options.count;
                writeWhole(folder -> GeneratedData.writeCircleLine(folder, count, GeneratedData.DEFAULT_TESTS_PER_CLASS,
                        options.seed));
                LOG.info("Wrote {} drawings to {}/images, their labels to {}/csv and {} test drawings to {}/test-images.",
                        count, options.out, options.out, 2 * GeneratedData.DEFAULT_TESTS_PER_CLASS, options.out);
                for (int i = 1; i <= Math.min(count, 60); i++) {
                    firstImages.add(options.out.resolve("images/" + i + ".png"));
                }
            }
            case "galaxy" -> {
                int galaxies = options.count == null ? GeneratedData.DEFAULT_GALAXIES : options.count;
                int others = options.others == null ? GeneratedData.DEFAULT_OTHERS : options.others;
                writeWhole(folder -> GeneratedData.writeGalaxy(folder, galaxies, others, options.seed, console.progress()));
                LOG.info("Wrote {} galaxies to {}/galaxies and {} other images to {}/non-galaxies.", galaxies,
                        options.out, others, options.out);
                for (int i = 1; i <= Math.min(galaxies, 30); i++) {
                    firstImages.add(options.out.resolve("galaxies/galaxy-" + i + ".jpg"));
                }
                for (int i = 1; i <= Math.min(others, 30); i++) {
                    firstImages.add(options.out.resolve("non-galaxies/photo-" + i + ".jpg"));
                }
            }
            case "digits" -> {
                int training = options.count == null ? GeneratedData.DEFAULT_DIGITS : options.count;
                int tests = options.tests == null ? GeneratedData.DEFAULT_DIGIT_TESTS : options.tests;
                writeWhole(folder -> GeneratedData.writeDigits(folder, training, tests, options.seed, console.progress()));
                LOG.info("Wrote {} digits to {}/train and {} to {}/test, one folder per digit.", training, options.out,
                        tests, options.out);
                for (int i = 1; i <= Math.min(training, 100); i++) {
                    firstImages.add(options.out.resolve("train/" + (i - 1) % 10 + "/digit-" + i + ".png"));
                }
            }
            default -> throw new UsageException("cannot generate '" + options.kind.get(0)
                    + "': choose circle-line, galaxy or digits");
        }
        if (options.contactSheet != null) {
            byte[] sheet = ContactSheet.png(firstImages, options.kind.get(0).equals("galaxy") ? 96 : 48, 10);
            AtomicFiles.write(options.contactSheet, sheet);
            LOG.info("Wrote a contact sheet of {} images to {}.", firstImages.size(), options.contactSheet);
        }
        return 0;
    }
}
