package dev.mlpkit.training.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.training.Registry;
import dev.mlpkit.training.Samples;
import dev.mlpkit.training.Trainer;
import dev.mlpkit.training.TrainingResult;
import dev.mlpkit.training.TrainingSettings;
import dev.mlpkit.training.batching.FullBatch;
import dev.mlpkit.training.optimizer.Optimizer;
import dev.mlpkit.training.optimizer.OptimizerContractTest;
import dev.mlpkit.training.optimizer.Optimizers;

/** Lion keeps the optimizer contract, and is found by name through its services file, as a user would add one. */
class LionTest extends OptimizerContractTest {

    @Override
    protected Optimizer optimizer() {
        return new Lion(0.003, 0.9, 0.99, 0.0);
    }

    @Override
    protected int steps() {
        return 1000;
    }

    @Test
    void lionIsSelectedByNameAndSolvesXor() {
        Registry<Optimizer> registry = Optimizers.registry();
        Optimizer lion = registry.create("lion", Map.of("learningRate", 0.01));
        assertEquals("Lion(learningRate=0.01, beta1=0.9, beta2=0.99, weightDecay=0)", lion.toString());

        Network network = new Network(NetworkSpec.parse("2-4:sigmoid-1:sigmoid"));
        Initializer.XAVIER.initialize(network.parameters(), 1);
        Samples xor = new Samples(new double[][] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } },
                new double[][] { { 0 }, { 1 }, { 1 }, { 0 } });
        TrainingSettings settings = TrainingSettings.defaults().withOptimizer(lion).withBatching(new FullBatch())
                .withEpochs(1000);
        TrainingResult result = new Trainer(settings, List.of()).train(network, xor, Samples.none());
        assertEquals(1.0, result.last().trainingAccuracy());
    }
}
