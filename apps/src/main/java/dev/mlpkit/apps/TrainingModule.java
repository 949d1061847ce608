package dev.mlpkit.apps;

import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;

import dev.mlpkit.training.Registry;
import dev.mlpkit.training.batching.Batching;
import dev.mlpkit.training.batching.Batchings;
import dev.mlpkit.training.optimizer.Optimizer;
import dev.mlpkit.training.optimizer.Optimizers;

/**
 * The optimizers and batchings the commands choose from by name, each bound into a {@code MapBinder}: the built-ins,
 * and the optimizers found on the class path ({@link Optimizers#found()}: a user's needs only its services file).
 */
public final class TrainingModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, Optimizer> optimizers = MapBinder.newMapBinder(binder(), String.class, Optimizer.class);
        Optimizers.builtIns().forEach((name, optimizer) -> optimizers.addBinding(name).toInstance(optimizer));
        Optimizers.found().forEach((name, optimizer) -> optimizers.addBinding(name).toInstance(optimizer));
        MapBinder<String, Batching> batchings = MapBinder.newMapBinder(binder(), String.class, Batching.class);
        Batchings.builtIns().forEach((name, batching) -> batchings.addBinding(name).toInstance(batching));
    }

    @Provides
    @Singleton
    Registry<Optimizer> optimizers(Map<String, Optimizer> bound) {
        return Optimizers.registry(bound);
    }

    @Provides
    @Singleton
    Registry<Batching> batchings(Map<String, Batching> bound) {
        return Batchings.registry(bound);
    }
}
