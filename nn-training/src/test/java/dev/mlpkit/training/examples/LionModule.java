package dev.mlpkit.training.examples;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

import dev.mlpkit.training.optimizer.Optimizer;

/** Registers {@link Lion} under its name, with its paper's defaults: the one binding a new optimizer needs. */
public final class LionModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, Optimizer.class).addBinding("lion")
                .toInstance(new Lion(1e-4, 0.9, 0.99, 0.0));
    }
}
