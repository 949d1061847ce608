package dev.mlpkit.apps.circleline;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A check set made without the drawing generator's code: circles and lines as letters and digits of the JDK's fonts
 * ("O", "o", "0" for circles; "|", "l", "/" for lines; not "1", whose foot makes it an inverted T) in sans-serif
 * faces, anti-aliased, at sizes from a third of the 16x16 frame to all of it, anywhere in it and at any angle (half
 * the lines as typed), in dark inks on white or light grey paper.
 */
final class Glyphs {

    private static final String CIRCLES = "Oo0";
    private static final String LINES = "|l/";
    /** Sans-serif faces only: handwriting has no serifs. */
    private static final String[] FAMILIES = { Font.SANS_SERIF, Font.DIALOG };
    private static final int[] STYLES = { Font.PLAIN, Font.BOLD, Font.ITALIC };

    private Glyphs() {
    }

    /** One glyph drawing, from {@code seed}. */
    static BufferedImage draw(boolean circle, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String chars = circle ? CIRCLES : LINES;
        String glyph = String.valueOf(chars.charAt(random.nextInt(chars.length())));
        Font font = new Font(FAMILIES[random.nextInt(FAMILIES.length)], STYLES[random.nextInt(STYLES.length)], 64);
        Shape outline = font.createGlyphVector(new FontRenderContext(null, true, true), glyph).getOutline();
        // Half the lines stand as typed ("|" and "l" upright, "/" slanted), as people most often draw them.
        double angle = !circle && random.nextBoolean() ? 0 : Math.PI * random.nextDouble() * (circle ? 2 : 1);
        AffineTransform turn = AffineTransform.getRotateInstance(angle);
        outline = turn.createTransformedShape(outline);
        Rectangle2D bounds = outline.getBounds2D();
        double size = 16 / 3.0 + (16 - 16 / 3.0) * random.nextDouble();
        double scale = size / Math.max(bounds.getWidth(), bounds.getHeight());
        double x = (16 - bounds.getWidth() * scale) * random.nextDouble();
        double y = (16 - bounds.getHeight() * scale) * random.nextDouble();
        AffineTransform place = new AffineTransform();
        place.translate(x, y);
        place.scale(scale, scale);
        place.translate(-bounds.getX(), -bounds.getY());
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        int paper = 255 - random.nextInt(20);
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, 16, 16);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int ink = random.nextInt(60);
        g.setColor(new Color(ink, ink, Math.min(255, ink + random.nextInt(40))));
        g.fill(place.createTransformedShape(outline));
        g.dispose();
        return image;
    }
}
