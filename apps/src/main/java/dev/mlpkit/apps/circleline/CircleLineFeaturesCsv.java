package dev.mlpkit.apps.circleline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.inject.Inject;

import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.CommonOptions;
import dev.mlpkit.apps.UsageException;
import dev.mlpkit.datasets.CircleLineCsv;
import dev.mlpkit.datasets.DatasetException;
import dev.mlpkit.features.CircleLineFeatures;
import dev.mlpkit.features.ImageDecodeException;
import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.nn.io.AtomicFiles;

/** {@code mlp circle-line features DIR --out FILE.csv}: the tutorial's features CSV for a folder of drawings. */
public final class CircleLineFeaturesCsv implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(CircleLineFeaturesCsv.class);

    /** The command line of {@code mlp circle-line features}. */
    @Parameters(commandDescription = "Write the tutorial's features CSV (file_name,feature1,feature2,feature3)")
    public static final class Options extends CommonOptions {
        @Parameter(description = "FOLDER of drawings (or a data folder with images/ in it)", required = true, validateWith = dev.mlpkit.apps.Validators.NotAnOption.class)
        public List<Path> folder = new ArrayList<>();

        @Parameter(names = "--out", description = "The CSV file to write (- for standard output)", required = true,
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public Path out;
    }

    private final Options options;

    @Inject
    CircleLineFeaturesCsv(Options options) {
        this.options = options;
    }

    @Override
    public int run() throws Exception {
        if (options.folder.size() != 1) {
            throw new UsageException("name one folder of drawings");
        }
        Path folder = options.folder.get(0);
        if (Files.isDirectory(folder.resolve("images"))) {
            folder = folder.resolve("images");
        }
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(Files::isRegularFile).sorted().toList();   // 1.png, 10.png, 11.png, ... as the tutorial
        }
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        ImageDecoder decoder = new ImageDecoder();
        for (Path file : files) {
            try {
                rows.add(new CircleLineFeatures().extract(decoder.decode(file)));
                names.add(file.getFileName().toString());
            } catch (ImageDecodeException e) {
                LOG.warn("Skipped {}", e.getMessage());
            }
        }
        if (names.isEmpty()) {
            throw new DatasetException(folder + " has no readable drawings");
        }
        String csv = CircleLineCsv.featuresText(names, rows.toArray(new double[0][]));
        if (options.out.toString().equals("-")) {
            System.out.print(csv);
            System.out.flush();
            return 0;
        }
        AtomicFiles.write(options.out, csv.getBytes(StandardCharsets.UTF_8));
        LOG.info("Wrote the features of {} drawings to {}.", names.size(), options.out);
        return 0;
    }
}
