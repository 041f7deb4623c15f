package io.natgrad.rl.render;

import java.util.List;

/**
 * What an environment looks like at one moment, as flat shapes in world coordinates (metres, y
 * up): what {@code natgrad render} draws. A side or top view chosen by the environment; the camera
 * centres on (focusX, focusY) and shows at least {@code halfWidth} metres either side and
 * {@code halfHeight} above and below, whatever the picture's shape.
 */
public record Scene(List<Shape> shapes, double focusX, double focusY, double halfWidth,
    double halfHeight) {

  /** A shape of the picture, drawn in list order (later over earlier). */
  public sealed interface Shape permits Segment, Disc, Polygon, Ground, Polyline {}

  /** A thick segment with round ends (a capsule seen from the side, a rod, a link). */
  public record Segment(double x1, double y1, double x2, double y2, double width, int rgb)
      implements Shape {}

  /** A filled circle (a sphere, a joint, a wheel). */
  public record Disc(double x, double y, double r, int rgb) implements Shape {}

  /** A filled polygon (a box, a cart). */
  public record Polygon(double[] xs, double[] ys, int rgb) implements Shape {}

  /** The floor: everything below height y, filled, with a line on top and marks to show motion. */
  public record Ground(double y, int rgb) implements Shape {}

  /** An open line (a track, a hill's profile). */
  public record Polyline(double[] xs, double[] ys, double width, int rgb) implements Shape {}
}
