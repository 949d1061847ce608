package dev.mlpkit.apps;

import com.beust.jcommander.ParametersDelegate;

/** What every command's options have: the global flags, so {@code mlp galaxy train --verbose} works too. */
public abstract class CommonOptions {

    @ParametersDelegate
    public GlobalOptions global = new GlobalOptions();
}
