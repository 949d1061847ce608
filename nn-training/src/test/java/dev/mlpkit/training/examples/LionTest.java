package dev.mlpkit.training.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;

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

/** Lion keeps the optimizer contract, and is found by name once its module is installed, as a user would do it. */
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
        Injector injector = Guice.createInjector(new BuiltInOptimizers(), new LionModule());
        Map<String, Optimizer> bound = injector.getInstance(Key.get(new TypeLiteral<Map<String, Optimizer>>() {
        }));
        Registry<Optimizer> registry = Optimizers.registry(bound);
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

    /** What the apps bind: every built-in under its own name. */
    static final class BuiltInOptimizers extends AbstractModule {
        @Override
        protected void configure() {
            MapBinder<String, Optimizer> optimizers = MapBinder.newMapBinder(binder(), String.class, Optimizer.class);
            Optimizers.builtIns().forEach((name, optimizer) -> optimizers.addBinding(name).toInstance(optimizer));
        }
    }
}
