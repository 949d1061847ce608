package dev.mlpkit.features;

/**
 * A decoded 8-bit colour image: {@code rgb} holds red, green and blue for each pixel, row by row from the top left.
 *
 * @param width  pixels per row, at least 1
 * @param height rows, at least 1
 * @param rgb    {@code 3 * width * height} bytes, read as unsigned
 */
public record RgbImage(int width, int height, byte[] rgb) {

    public RgbImage {
        if (width < 1 || height < 1 || rgb.length != 3L * width * height) {
            throw new IllegalArgumentException("an RGB image of " + width + "x" + height + " needs "
                    + 3L * width * height + " bytes, not " + rgb.length);
        }
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue) of pixel ({@code x}, {@code y}), 0 to 255. */
    public int sample(int x, int y, int c) {
        return rgb[3 * (y * width + x) + c] & 0xFF;
    }
}
