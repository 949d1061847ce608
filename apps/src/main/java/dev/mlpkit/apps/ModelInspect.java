package dev.mlpkit.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Inject;

import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;

/**
 * {@code mlp model inspect FILE...}: what a model file holds: its layers as a table (shapes and parameter counts, as
 * Keras' {@code model.summary()} shows them), then its provenance; {@code --format json} gives one JSON object per
 * file on a line of its own.
 */
public final class ModelInspect implements Command {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The command line of {@code mlp model inspect}. */
    @Parameters(commandDescription = "Show what a model file holds: network, features, training, provenance")
    public static final class Options extends CommonOptions {
        @Parameter(description = "FILE", required = true, validateWith = dev.mlpkit.apps.Validators.NotAnOption.class)
        public List<Path> files = new ArrayList<>();

        @Parameter(names = "--format", description = "text for people; json (one object per file and line) for"
                + " scripts", validateWith = Validators.Format.class)
        public String format = "text";
    }

    private final Options options;

    @Inject
    ModelInspect(Options options) {
        this.options = options;
    }

    @Override
    public int run() throws Exception {
        if (options.format.equals("csv")) {
            throw new UsageException("mlp model inspect writes text or json; a model file is no table");
        }
        for (Path file : options.files) {
            Model model = ModelFile.read(file);
            if (options.format.equals("json")) {
                Map<String, Object> info = new java.util.LinkedHashMap<>();
                info.put("file", file.toString());
                info.put("bytes", Files.size(file));
                info.put("network", model.spec().toString());
                info.put("parameters", model.parameters().count());
                info.put("arrays", model.parameters().names());
                info.put("stateArrays", model.state().size());
                info.put("mlpkitVersion", model.mlpkitVersion());
                info.put("created", model.created().toString());
                info.put("metadata", model.metadata());
                System.out.println(new ObjectMapper().writeValueAsString(info));
                continue;
            }
            System.out.println(file + " (" + Files.size(file) + " bytes)");
            System.out.println("  network:     " + model.spec());
            layers(model.spec());
            System.out.println("  parameters:  " + model.parameters().count() + " in " + model.parameters().names());
            if (!model.state().isEmpty()) {
                System.out.println("  state:       " + model.state().size() + " arrays (optimizer state for --resume)");
            }
            System.out.println("  written by:  mlpkit " + model.mlpkitVersion() + " at " + model.created());
            for (Map.Entry<String, Object> e : model.metadata().entrySet()) {
                String value = JSON.writeValueAsString(e.getValue()).replace("\n", "\n  ");
                System.out.println("  " + e.getKey() + ": " + value);
            }
        }
        return 0;
    }

    /** The layers as a table: output shape, activation, weights, biases and parameters, and the totals. */
    private static void layers(NetworkSpec spec) {
        String row = "    %-8s %-8s %-10s %12s %8s %12s";
        java.util.function.Consumer<Object[]> print = cells -> System.out.println(String.format(row, cells).stripTrailing());
        print.accept(new Object[] { "layer", "units", "activation", "weights", "biases", "parameters" });
        print.accept(new Object[] { "input", spec.inputs(), "", "", "", "" });
        long total = 0;
        for (int l = 0; l < spec.depth(); l++) {
            long weights = (long) spec.layer(l).size() * spec.fanIn(l);
            long biases = spec.layer(l).bias() ? spec.layer(l).size() : 0;
            total += weights + biases;
            print.accept(new Object[] { l + 1, spec.layer(l).size(), spec.layer(l).activation().name(),
                spec.layer(l).size() + "x" + spec.fanIn(l), biases, weights + biases });
        }
        print.accept(new Object[] { "total", "", "", "", "", total });
        System.out.println("  loss:        " + spec.loss().name());
    }
}
