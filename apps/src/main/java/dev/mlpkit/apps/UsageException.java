package dev.mlpkit.apps;

/** The command line asks for something that cannot be done as written: exit code 2, with this one sentence. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
