package dev.mlpkit.datasets;

import java.io.IOException;

/** Data that cannot be loaded as asked; the message is one sentence that names the folder or file and says why. */
public final class DatasetException extends IOException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
