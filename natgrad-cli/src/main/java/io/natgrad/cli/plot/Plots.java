package io.natgrad.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Headless PNG plots with XChart, in one house style. */
public final class Plots {
  /** Matplotlib's default cycle, so natgrad's figures look like the paper's. */
  public static final Color BLUE = new Color(0x1f77b4);
  public static final Color ORANGE = new Color(0xff7f0e);
  public static final Color GREEN = new Color(0x2ca02c);
  public static final Color RED = new Color(0xd62728);
  public static final Color GREY = new Color(0x7f7f7f);

  private Plots() {}

  /** An XY chart with the house style. */
  public static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
    XYChart c = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotBackgroundColor(Color.WHITE);
    c.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    c.getStyler().setMarkerSize(6);
    c.getStyler().setAntiAlias(true);
    return c;
  }

  /** Adds a line without markers. */
  public static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color,
      float width) {
    XYSeries s = c.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    return s;
  }

  /** Adds markers without a line. */
  public static XYSeries points(XYChart c, String name, double[] x, double[] y, Color color) {
    XYSeries s = c.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarkerColor(color);
    return s;
  }

  static {
    // encode PNGs in memory: ImageIO's default disk cache makes a temporary file per image, and
    // its random name costs a SecureRandom (security providers, a digest: ≈ 15 ms per process)
    javax.imageio.ImageIO.setUseCache(false);
  }

  /** Writes a chart as PNG. */
  public static void savePng(IChart chart, Path file) {
    try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Writes charts side by side (rows × cols) as one PNG. */
  public static void savePng(List<? extends IChart> charts, int rows, int cols, Path file) {
    try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(charts, rows, cols, out, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** An evenly thinned copy (first and last kept) of at most {@code max} points, for plotting only. */
  public static int[] thinIndices(int n, int max) {
    if (n <= max) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] idx = new int[max];
    for (int i = 0; i < max; i++) {
      idx[i] = (int) Math.round((double) i * (n - 1) / (max - 1));
    }
    return idx;
  }
}
