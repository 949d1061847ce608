package dev.mlpkit.apps.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.inject.Inject;

import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.CommonOptions;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.features.ImageDecoder;

/** {@code mlp serve}: a web page where people upload an image and are told what it shows (a galaxy, a digit, ...). */
public final class Serve implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

    /** The command line of {@code mlp serve}. */
    @Parameters(commandDescription = "Serve models on web pages and a JSON API: an image classifier, a galaxy model or"
            + " one of mlp train (upload an image), and a circle-line model (draw a circle or a line)")
    public static final class Options extends CommonOptions {
        @Parameter(names = "--model", description = "A trained image classifier (galaxy or mlp train) or circle-line"
                + " model; give --model twice to serve one of each (default: galaxy.mlp)",
                validateWith = dev.mlpkit.apps.Validators.FileName.class)
        public List<Path> models = new ArrayList<>();

        @Parameter(names = "--host", description = "Address to listen on (0.0.0.0 for every network)")
        public String host = "127.0.0.1";

        @Parameter(names = "--port", description = "Port to listen on (0 for any free one)",
                validateWith = Validators.Port.class)
        public int port = 8080;

        @Parameter(names = "--max-upload", description = "Largest upload accepted, in bytes",
                validateWith = Validators.PositiveInteger.class)
        public int maxUpload = 10 * 1024 * 1024;

        @Parameter(names = "--max-pixels", description = "Largest image accepted, in pixels (checked before decoding)",
                validateWith = Validators.PositiveInteger.class)
        public int maxPixels = (int) ImageDecoder.DEFAULT_MAX_PIXELS;

        @Parameter(names = "--threshold", description = "With a galaxy model: call an image a galaxy when its"
                + " probability of one is at least this (default: 0.5, the tutorial's)",
                validateWith = Validators.Fraction.class)
        public Double threshold;

        @Parameter(names = "--threads", description = "Images classified at once (default: the number of cores)",
                validateWith = Validators.PositiveInteger.class)
        public int threads = Runtime.getRuntime().availableProcessors();
    }

    private final Options options;

    @Inject
    Serve(Options options) {
        this.options = options;
    }

    @Override
    public int run() throws Exception {
        List<Path> files = options.models.isEmpty() ? List.of(Path.of("galaxy.mlp")) : options.models;
        ServedModels served = ServedModels.read(files, options.maxPixels, options.threshold);
        ModelServer server = new ModelServer(served.images, served.drawing, options.host, options.port,
                options.maxUpload, options.threads);
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: finishing the requests under way.");
            server.close();
            stopped.countDown();
        }, "mlp-serve-shutdown"));
        String address = "http://" + options.host + ":" + server.port() + "/";
        // The address is the command's result, so it is printed even with -q.
        System.out.println("Serving " + files.stream().map(Path::toString).collect(Collectors.joining(" and ")) + " at "
                + address + (served.images != null && served.drawing != null ? ", the drawing page at " + address + "draw"
                : "") + " (Ctrl-C stops).");
        stopped.await();
        return 0;
    }
}
