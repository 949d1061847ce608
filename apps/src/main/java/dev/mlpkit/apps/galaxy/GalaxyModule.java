package dev.mlpkit.apps.galaxy;

import com.google.inject.AbstractModule;

import dev.mlpkit.features.FeatureExtractor;
import dev.mlpkit.features.PixelFeatures;

/** The galaxy app's choices: the tutorial's 64x64 grey pixels as features. */
public final class GalaxyModule extends AbstractModule {

    /** The tutorial resizes every image to 64x64. */
    public static final PixelFeatures TUTORIAL_PIXELS = new PixelFeatures(64, 64);

    @Override
    protected void configure() {
        bind(FeatureExtractor.class).toInstance(TUTORIAL_PIXELS);
    }
}
