package dev.mlpkit.apps.circleline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A check set of the lines a paint program's line tool draws level or upright, made with Java2D: at every height or
 * column of the 16x16 frame, a pixel wide and crisp or 1.6 and 2.5 pixels wide and anti-aliased, across the whole
 * frame or most of it.
 */
final class RulerLines {

    private RulerLines() {
    }

    /** Writes the 180 lines into {@code folder} as {@code line-N.png} and returns how many there are. */
    static int write(Path folder) throws IOException {
        Files.createDirectories(folder);
        int n = 0;
        for (double at = 2; at <= 13; at += 0.75) {
            for (boolean level : new boolean[] { true, false }) {
                for (double width : new double[] { 1, 1.6, 2.5 }) {
                    for (boolean across : new boolean[] { true, false }) {
                        double from = across ? 0 : 3;
                        double to = across ? 16 : 13;
                        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
                        Graphics2D g = image.createGraphics();
                        g.setColor(Color.WHITE);
                        g.fillRect(0, 0, 16, 16);
                        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                                width == 1 ? RenderingHints.VALUE_ANTIALIAS_OFF : RenderingHints.VALUE_ANTIALIAS_ON);
                        g.setColor(Color.BLACK);
                        g.fill(level ? new Rectangle2D.Double(from, at, to - from, width)
                                : new Rectangle2D.Double(at, from, width, to - from));
                        g.dispose();
                        LabelledFolder.write(folder, "line-" + ++n, image);
                    }
                }
            }
        }
        return n;
    }
}
