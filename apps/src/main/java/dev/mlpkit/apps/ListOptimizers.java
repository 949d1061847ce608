package dev.mlpkit.apps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;

import dev.mlpkit.apps.train.Csv;
import dev.mlpkit.training.Registry;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.optimizer.Optimizer;

/** {@code mlp optimizers}: the registered optimizers and batchings with their default settings, for people or scripts. */
public final class ListOptimizers implements Command {

    /** The command line of {@code mlp optimizers}. */
    @Parameters(commandDescription = "List the registered optimizers and batchings with their default settings")
    public static final class Options extends CommonOptions {
        @Parameter(names = "--format", description = "text for people; json (one document) or csv (kind,name,setting,"
                + "value records) for scripts", validateWith = Validators.Format.class)
        public String format = "text";
    }

    private final Options options;
    private final Registry<Optimizer> optimizers;
    private final Registry<Batching> batchings;

    @Inject
    ListOptimizers(Options options, Registry<Optimizer> optimizers, Registry<Batching> batchings) {
        this.options = options;
        this.optimizers = optimizers;
        this.batchings = batchings;
    }

    @Override
    public int run() throws JsonProcessingException {
        if (options.format.equals("json")) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("optimizers", entries(optimizers.prototypes(), Optimizer::settings));
            all.put("batchings", entries(batchings.prototypes(), Batching::settings));
            System.out.println(new ObjectMapper().writeValueAsString(all));
            return 0;
        }
        if (options.format.equals("csv")) {
            System.out.print(Csv.record(List.of("kind", "name", "setting", "value")));
            optimizers.prototypes().forEach((name, o) -> records("optimizer", name, o.settings()));
            batchings.prototypes().forEach((name, b) -> records("batching", name, b.settings()));
            return 0;
        }
        System.out.println("Optimizers (--optimizer NAME, --learning-rate sets learningRate):");
        optimizers.prototypes().forEach((name, o) -> System.out.printf("  %-10s %s%n", name, o));
        System.out.println("Batchings (--batching NAME, --batch-size sets size):");
        batchings.prototypes().forEach((name, b) -> System.out.printf("  %-10s %s%n", name, b));
        return 0;
    }

    private static <T> List<Map<String, Object>> entries(Map<String, T> prototypes,
            Function<T, Map<String, Object>> settings) {
        List<Map<String, Object>> list = new ArrayList<>();
        prototypes.forEach((name, p) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("settings", settings.apply(p));
            list.add(entry);
        });
        return list;
    }

    /** One record per setting; a name with no settings gets one record with the setting and value empty. */
    private static void records(String kind, String name, Map<String, Object> settings) {
        if (settings.isEmpty()) {
            System.out.print(Csv.record(List.of(kind, name, "", "")));
        }
        settings.forEach((setting, value) -> System.out.print(Csv.record(List.of(kind, name, setting,
                String.valueOf(value)))));
    }
}
