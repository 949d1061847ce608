package dev.mlpkit.apps;

/** One subcommand's work, made by Guice with its options injected. */
public interface Command {

    /** Does the work; returns the exit code (0 for success). Failures are thrown, and Main reports them. */
    int run() throws Exception;
}
