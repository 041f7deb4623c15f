package io.natgrad.cli.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;

/**
 * A quiver plot on an XChart chart: each arrow is a short polyline (shaft and two head strokes).
 * XChart has no quiver series, so arrows are drawn as line series without legend entries.
 */
public final class Quiver {
  private Quiver() {}

  /**
   * Draws arrows from (x, y) along (u, v). Lengths are measured in grid cells (cellX × cellY) and
   * scaled so that the median arrow is {@code medianCells} cells long; arrows longer than
   * {@code maxCells} are clipped to it and drawn in {@code clippedColor}.
   *
   * @return the number of clipped arrows
   */
  public static int draw(XYChart chart, double[] x, double[] y, double[] u, double[] v,
      double cellX, double cellY, double medianCells, double maxCells, Color color,
      Color clippedColor) {
    int n = x.length;
    double[] len = new double[n];
    for (int i = 0; i < n; i++) {
      len[i] = Math.hypot(u[i] / cellX, v[i] / cellY);
    }
    double[] sorted = len.clone();
    java.util.Arrays.sort(sorted);
    double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    double k = median > 0 ? medianCells / median : 1.0;
    int clipped = 0;
    for (int i = 0; i < n; i++) {
      // work in cell units so that arrow heads look the same on both axes
      double du = u[i] / cellX * k;
      double dv = v[i] / cellY * k;
      double l = Math.hypot(du, dv);
      boolean clip = l > maxCells;
      if (clip) {
        du *= maxCells / l;
        dv *= maxCells / l;
        l = maxCells;
        clipped++;
      }
      if (l == 0) {
        continue;
      }
      double head = Math.min(0.25, 0.4 * l);
      double ux = du / l;
      double uy = dv / l;
      double cos = Math.cos(Math.toRadians(25));
      double sin = Math.sin(Math.toRadians(25));
      double w1x = -(ux * cos - uy * sin) * head;
      double w1y = -(ux * sin + uy * cos) * head;
      double w2x = -(ux * cos + uy * sin) * head;
      double w2y = -(-ux * sin + uy * cos) * head;
      double hx = x[i] + du * cellX;
      double hy = y[i] + dv * cellY;
      double[] px = {x[i], hx, hx + w1x * cellX, hx, hx + w2x * cellX};
      double[] py = {y[i], hy, hy + w1y * cellY, hy, hy + w2y * cellY};
      Plots.line(chart, "arrow " + i, px, py, clip ? clippedColor : color, 1.3f)
          .setShowInLegend(false);
    }
    return clipped;
  }
}
