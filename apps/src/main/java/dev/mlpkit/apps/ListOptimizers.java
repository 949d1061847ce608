package dev.mlpkit.apps;

import com.beust.jcommander.Parameters;
import com.google.inject.Inject;

import dev.mlpkit.training.Registry;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.optimizer.Optimizer;

/** {@code mlp optimizers}: the registered optimizers and batchings with their default settings. */
public final class ListOptimizers implements Command {

    /** The command line of {@code mlp optimizers}. */
    @Parameters(commandDescription = "List the registered optimizers and batchings with their default settings")
    public static final class Options extends CommonOptions {
    }

    private final Registry<Optimizer> optimizers;
    private final Registry<Batching> batchings;

    @Inject
    ListOptimizers(Registry<Optimizer> optimizers, Registry<Batching> batchings) {
        this.optimizers = optimizers;
        this.batchings = batchings;
    }

    @Override
    public int run() {
        System.out.println("Optimizers (--optimizer NAME, --learning-rate sets learningRate):");
        optimizers.prototypes().forEach((name, o) -> System.out.printf("  %-10s %s%n", name, o));
        System.out.println("Batchings (--batching NAME, --batch-size sets size):");
        batchings.prototypes().forEach((name, b) -> System.out.printf("  %-10s %s%n", name, b));
        return 0;
    }
}
