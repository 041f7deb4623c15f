package io.natgrad.cli.render;

import io.natgrad.rl.render.Scene;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Draws a {@link Scene} with Java2D (no OpenGL): world metres to pixels with the scene's camera
 * (its focus at the image's centre, its half-width and half-height inside the image), y up.
 */
public final class SceneImage {
  private SceneImage() {}

  /** The scene as a width × height RGB picture. */
  public static BufferedImage draw(Scene scene, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      double scale = Math.min(width / (2 * scene.halfWidth()),
          height / (2 * scene.halfHeight()));
      double ox = width / 2.0 - scene.focusX() * scale;
      double oy = height / 2.0 + scene.focusY() * scale;
      for (Scene.Shape s : scene.shapes()) {
        if (s instanceof Scene.Ground gr) {
          int y = (int) Math.round(oy - gr.y() * scale);
          g.setColor(new Color(gr.rgb()));
          g.fillRect(0, y, width, Math.max(0, height - y));
          // marks every metre, so that motion shows while the camera follows
          g.setColor(new Color(gr.rgb()).darker());
          double left = (0 - ox) / scale;
          for (long m = (long) Math.floor(left); m * scale + ox < width; m++) {
            int x = (int) Math.round(ox + m * scale);
            g.drawLine(x, y, x, Math.min(height, y + 8));
          }
          g.setColor(Color.DARK_GRAY);
          g.drawLine(0, y, width, y);
        } else if (s instanceof Scene.Segment seg) {
          g.setColor(new Color(seg.rgb()));
          g.setStroke(new BasicStroke((float) Math.max(1, seg.width() * scale),
              BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
          g.draw(new Line2D.Double(ox + seg.x1() * scale, oy - seg.y1() * scale,
              ox + seg.x2() * scale, oy - seg.y2() * scale));
        } else if (s instanceof Scene.Disc d) {
          g.setColor(new Color(d.rgb()));
          double r = Math.max(1, d.r() * scale);
          g.fill(new Ellipse2D.Double(ox + d.x() * scale - r, oy - d.y() * scale - r, 2 * r,
              2 * r));
        } else if (s instanceof Scene.Polygon p) {
          g.setColor(new Color(p.rgb()));
          g.fill(path(p.xs(), p.ys(), ox, oy, scale, true));
        } else if (s instanceof Scene.Polyline l) {
          g.setColor(new Color(l.rgb()));
          g.setStroke(new BasicStroke((float) Math.max(1, l.width() * scale),
              BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
          g.draw(path(l.xs(), l.ys(), ox, oy, scale, false));
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static Path2D path(double[] xs, double[] ys, double ox, double oy, double scale,
      boolean close) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < xs.length; i++) {
      double x = ox + xs[i] * scale;
      double y = oy - ys[i] * scale;
      if (i == 0) {
        p.moveTo(x, y);
      } else {
        p.lineTo(x, y);
      }
    }
    if (close) {
      p.closePath();
    }
    return p;
  }
}
