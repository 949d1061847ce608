package dev.mlpkit.features;

import java.io.IOException;

/** A file that cannot be read as an image; the message is one sentence that names the file and says why. */
public final class ImageDecodeException extends IOException {

    private static final long serialVersionUID = 1L;

    public ImageDecodeException(String message) {
        super(message);
    }

    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
