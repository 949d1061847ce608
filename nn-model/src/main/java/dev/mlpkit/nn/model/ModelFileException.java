package dev.mlpkit.nn.model;

import java.io.IOException;

/** A file that cannot be read as a model; the message is one sentence that names the file and says why. */
public final class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
