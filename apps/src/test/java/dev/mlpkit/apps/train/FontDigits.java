package dev.mlpkit.apps.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

/**
 * An MNIST-like check set made without the digit generator's code: the digits of the JDK's fonts (sans-serif,
 * serif, monospaced and dialog faces, plain, bold and italic), white on black at 28x28, 14 to 22 pixels tall, turned
 * by up to 15 degrees either way, anywhere in the frame, with a pen of 0 to 2 pixels drawn around the outline for
 * stroke weight, anti-aliased.
 */
final class FontDigits {

    private static final String[] FAMILIES = { Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED, Font.DIALOG };
    private static final int[] STYLES = { Font.PLAIN, Font.BOLD, Font.ITALIC };

    private FontDigits() {
    }

    /** One image of {@code digit}, from {@code seed}. */
    static BufferedImage draw(int digit, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Font font = new Font(FAMILIES[random.nextInt(FAMILIES.length)], STYLES[random.nextInt(STYLES.length)], 64);
        Shape outline = font.createGlyphVector(new FontRenderContext(null, true, true), Integer.toString(digit))
                .getOutline();
        outline = AffineTransform.getRotateInstance(Math.toRadians(-15 + 30 * random.nextDouble()))
                .createTransformedShape(outline);
        Rectangle2D bounds = outline.getBounds2D();
        double pen = 2 * random.nextDouble();
        double scale = (14 + 8 * random.nextDouble()) / bounds.getHeight();
        double room = 28 - 2 - pen;
        scale = Math.min(scale, room / Math.max(bounds.getWidth(), bounds.getHeight()));
        double x = 1 + pen / 2 + (room - bounds.getWidth() * scale) * random.nextDouble();
        double y = 1 + pen / 2 + (room - bounds.getHeight() * scale) * random.nextDouble();
        AffineTransform place = new AffineTransform();
        place.translate(x, y);
        place.scale(scale, scale);
        place.translate(-bounds.getX(), -bounds.getY());
        Shape glyph = place.createTransformedShape(outline);
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int ink = 160 + random.nextInt(96);
        g.setColor(new Color(ink, ink, ink));
        g.fill(glyph);
        if (pen > 0.2) {
            g.setStroke(new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(glyph);
        }
        g.dispose();
        return image;
    }

    /** Writes {@code count} images, the digits taking turns, as class folders {@code 0/ ... 9/} of {@code folder}. */
    static Path write(Path folder, int count, long seed) throws IOException {
        for (int i = 0; i < count; i++) {
            Path dir = Files.createDirectories(folder.resolve(Integer.toString(i % 10)));
            ImageIO.write(draw(i % 10, seed * 1_000_003L + i), "png", dir.resolve("font-" + i + ".png").toFile());
        }
        return folder;
    }
}
