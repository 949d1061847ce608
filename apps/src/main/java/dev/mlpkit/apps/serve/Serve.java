package dev.mlpkit.apps.serve;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.google.inject.Inject;

import dev.mlpkit.apps.Command;
import dev.mlpkit.apps.CommonOptions;
import dev.mlpkit.apps.Validators;
import dev.mlpkit.features.ImageDecoder;

/** {@code mlp serve}: a web page where people upload an image and are told whether it is a galaxy. */
public final class Serve implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

    /** The command line of {@code mlp serve}. */
    @Parameters(commandDescription = "Serve a galaxy model: a web page to upload images, and a JSON API")
    public static final class Options extends CommonOptions {
        @Parameter(names = "--model", description = "The trained galaxy model")
        public Path model = Path.of("galaxy.mlp");

        @Parameter(names = "--host", description = "Address to listen on (0.0.0.0 for every network)")
        public String host = "127.0.0.1";

        @Parameter(names = "--port", description = "Port to listen on (0 for any free one)",
                validateWith = Validators.NonNegativeInteger.class)
        public int port = 8080;

        @Parameter(names = "--max-upload", description = "Largest upload accepted, in bytes",
                validateWith = Validators.PositiveInteger.class)
        public int maxUpload = 10 * 1024 * 1024;

        @Parameter(names = "--max-pixels", description = "Largest image accepted, in pixels (checked before decoding)",
                validateWith = Validators.PositiveInteger.class)
        public int maxPixels = (int) ImageDecoder.DEFAULT_MAX_PIXELS;

        @Parameter(names = "--threads", description = "Requests handled at once (default: the number of cores)",
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
        GalaxyService service = new GalaxyService(options.model, options.maxPixels);
        GalaxyServer server = new GalaxyServer(service, options.host, options.port, options.maxUpload, options.threads);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: finishing the requests under way.");
            server.close();
            stopped.countDown();
        }, "mlp-serve-shutdown"));
        server.start();
        LOG.info("Serving {} at http://{}:{}/ (Ctrl-C stops).", options.model, options.host, server.port());
        stopped.await();
        return 0;
    }
}
