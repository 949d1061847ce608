package dev.mlpkit.datasets;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import dev.mlpkit.features.ImageDecoder;
import dev.mlpkit.features.RgbImage;

/** A grid of thumbnails in one PNG, to look at a data set at a glance (generated next to real, for example). */
public final class ContactSheet {

    private ContactSheet() {
    }

    /** Writes {@code images} as {@code columns} thumbnails of {@code tile} pixels per row into {@code png}. */
    public static void write(List<Path> images, int tile, int columns, Path png) throws IOException {
        Files.write(png, png(images, tile, columns));
    }

    /** {@code images} as {@code columns} thumbnails of {@code tile} pixels per row: the bytes of a PNG. */
    public static byte[] png(List<Path> images, int tile, int columns) throws IOException {
        int rows = (images.size() + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * tile, Math.max(1, rows) * tile, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        ImageDecoder decoder = new ImageDecoder();
        for (int k = 0; k < images.size(); k++) {
            RgbImage image = decoder.decode(images.get(k));
            BufferedImage thumbnail = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    thumbnail.setRGB(x, y, (image.sample(x, y, 0) << 16) | (image.sample(x, y, 1) << 8) | image.sample(x, y, 2));
                }
            }
            g.drawImage(thumbnail, (k % columns) * tile, (k / columns) * tile, tile - 1, tile - 1, null);
        }
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(sheet, "png", png);
        return png.toByteArray();
    }
}
