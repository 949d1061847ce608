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

import dev.mlpkit.nn.model.Model;
import dev.mlpkit.nn.model.ModelFile;

/** {@code mlp model inspect FILE}: what a model file holds. */
public final class ModelInspect implements Command {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The command line of {@code mlp model inspect}. */
    @Parameters(commandDescription = "Show what a model file holds: network, features, training, provenance")
    public static final class Options extends CommonOptions {
        @Parameter(description = "FILE", required = true, validateWith = dev.mlpkit.apps.Validators.NotAnOption.class)
        public List<Path> files = new ArrayList<>();
    }

    private final Options options;

    @Inject
    ModelInspect(Options options) {
        this.options = options;
    }

    @Override
    public int run() throws Exception {
        for (Path file : options.files) {
            Model model = ModelFile.read(file);
            System.out.println(file + " (" + Files.size(file) + " bytes)");
            System.out.println("  network:     " + model.spec());
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
}
