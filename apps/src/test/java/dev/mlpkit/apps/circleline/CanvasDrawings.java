package dev.mlpkit.apps.circleline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A check set of drawings made as a drawing program saves them, larger than the tutorial's frame: Java2D strokes on
 * canvases of 32x32 to 400x400 pixels, with a round pen from 1% to 6% of the canvas wide. Circles are ovals up to 2:1
 * at any tilt, some left open by a small gap; lines run at any angle, straight or slightly bent; both from a third of
 * the canvas to nearly all of it, anywhere on it.
 */
final class CanvasDrawings {

    private static final int[] CANVASES = { 32, 64, 160, 400 };

    private CanvasDrawings() {
    }

    /** One drawing, from {@code seed}. */
    static BufferedImage draw(boolean circle, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int canvas = CANVASES[random.nextInt(CANVASES.length)];
        double pen = canvas * (0.01 + 0.05 * random.nextDouble());
        double size = canvas * (1 / 3.0 + 0.6 * random.nextDouble());
        Shape figure;
        if (circle) {
            double width = size;
            double height = size * (0.5 + 0.5 * random.nextDouble());
            double gap = random.nextDouble() < 0.3 ? 10 + 30 * random.nextDouble() : 0;
            figure = new Arc2D.Double(-width / 2, -height / 2, width, height, 360 * random.nextDouble(), 360 - gap,
                    Arc2D.OPEN);
        } else {
            double bend = random.nextBoolean() ? 0 : size * 0.16 * random.nextGaussian();  // half of them straight
            figure = new QuadCurve2D.Double(-size / 2, 0, 0, bend, size / 2, 0);
        }
        figure = AffineTransform.getRotateInstance(Math.PI * 2 * random.nextDouble()).createTransformedShape(figure);
        double reach = figure.getBounds2D().getWidth() / 2 + pen;
        double reachY = figure.getBounds2D().getHeight() / 2 + pen;
        double cx = reach >= canvas / 2.0 ? canvas / 2.0 : reach + (canvas - 2 * reach) * random.nextDouble();
        double cy = reachY >= canvas / 2.0 ? canvas / 2.0 : reachY + (canvas - 2 * reachY) * random.nextDouble();
        figure = AffineTransform.getTranslateInstance(cx - figure.getBounds2D().getCenterX(),
                cy - figure.getBounds2D().getCenterY()).createTransformedShape(figure);

        BufferedImage image = new BufferedImage(canvas, canvas, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, canvas, canvas);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int ink = random.nextInt(60);
        g.setColor(new Color(ink, ink, Math.min(255, ink + random.nextInt(60))));
        g.setStroke(new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(figure);
        g.dispose();
        return image;
    }
}
