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
 * The built-in optimizers and batchings, each bound by name into a {@code MapBinder}. Another module adds its own
 * with {@code MapBinder.newMapBinder(binder(), String.class, Optimizer.class).addBinding("lion").toInstance(...)}.
 */
public final class TrainingModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, Optimizer> optimizers = MapBinder.newMapBinder(binder(), String.class, Optimizer.class);
        Optimizers.builtIns().forEach((name, optimizer) -> optimizers.addBinding(name).toInstance(optimizer));
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
