package dev.mlpkit.apps;

import com.beust.jcommander.Parameter;

/** Options every command takes. */
public final class GlobalOptions {

    @Parameter(names = { "-h", "--help" }, help = true, description = "Show this help (or a command's, after its name)")
    public boolean help;

    @Parameter(names = "--verbose", description = "Log timestamps, logger names and debug messages; print stack traces")
    public boolean verbose;

    @Parameter(names = { "-q", "--quiet" }, description = "Print only results and errors")
    public boolean quiet;

    @Parameter(names = "--version", description = "Print the mlpkit version")
    public boolean version;

    @Parameter(names = "--no-progress", description = "Draw no progress bars (they are drawn only when standard error"
            + " is a terminal)")
    public boolean noProgress;
}
