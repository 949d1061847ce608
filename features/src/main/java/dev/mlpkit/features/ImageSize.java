package dev.mlpkit.features;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** An image's size read from its header alone, for a look at a folder before decoding it. */
public final class ImageSize {

    private ImageSize() {
    }

    /**
     * The width and height of the image in {@code bytes}, as {@link ImageDecoder#decode} would give them (upright);
     * {@code {0, 0}} when it is not an image the decoder reads.
     */
    public static int[] of(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageDecoder.reader(in, "");
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                boolean turned = reader.getFormatName().equalsIgnoreCase("jpeg") && ImageDecoder.exifOrientation(bytes) >= 5;
                return turned ? new int[] { height, width } : new int[] { width, height };
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new int[] { 0, 0 };
        }
    }
}
