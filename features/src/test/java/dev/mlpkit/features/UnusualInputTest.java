package dev.mlpkit.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class UnusualInputTest {

    @Test
    void aBlankImageIsNotedForBothApps() {
        RgbImage black = image(300, 300, (x, y) -> 0);
        assertEquals(Optional.of("the image is blank (one colour throughout); the model only knows sky survey images"
                + " and photos"), UnusualInput.forGalaxy(black));
        assertEquals(Optional.of("the image is blank: there is no drawing in it"), UnusualInput.forDrawing(image(16, 16,
                (x, y) -> 255)));
    }

    @Test
    void aDrawingOfAnotherSizeOrInkedDarkIsNoted() {
        RgbImage photo = image(424, 424, (x, y) -> (x * 7 + y * 3) % 256);
        assertTrue(UnusualInput.forDrawing(photo).orElseThrow().startsWith("the image is 424x424, not a 16x16 drawing"));
        RgbImage inverted = image(16, 16, (x, y) -> x == 8 ? 255 : 0);
        assertEquals(Optional.of("more than half of the image is dark: the model knows dark ink on light paper"),
                UnusualInput.forDrawing(inverted));
    }

    @Test
    void ordinaryImagesGetNoNote() {
        RgbImage drawing = image(16, 16, (x, y) -> x == y ? 0 : 255);
        assertEquals(Optional.empty(), UnusualInput.forDrawing(drawing));
        RgbImage photo = image(300, 300, (x, y) -> (x * 7 + y * 3) % 256);
        assertEquals(Optional.empty(), UnusualInput.forGalaxy(photo));
    }

    /** A grey image whose value at (x, y) is given. */
    private static RgbImage image(int width, int height, java.util.function.IntBinaryOperator grey) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * width + x) * 3 + c] = (byte) grey.applyAsInt(x, y);
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
