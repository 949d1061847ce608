package dev.mlpkit.apps.circleline;

import com.google.inject.AbstractModule;
import com.google.inject.name.Names;

import dev.mlpkit.features.CircleLineFeatures;
import dev.mlpkit.features.CircleLinePixels;
import dev.mlpkit.features.FeatureExtractor;

/** The circle/line app's choices: its two feature extractors, by the names {@code --features} takes. */
public final class CircleLineModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(FeatureExtractor.class).annotatedWith(Names.named("features")).toInstance(new CircleLineFeatures());
        bind(FeatureExtractor.class).annotatedWith(Names.named("pixels")).toInstance(new CircleLinePixels());
    }
}
