package io.natgrad.mujoco;

import io.natgrad.rl.render.Scene;
import java.util.ArrayList;
import java.util.List;

/**
 * A MuJoCo model's geoms as flat shapes: each geom at its world position ({@code geom_xpos}) and
 * orientation ({@code geom_xmat}) projected onto a plane — the side view x–z (walkers, pendulums)
 * or the top view x–y (Reacher, Swimmer): a capsule or cylinder as a thick segment between its
 * ends, a sphere or ellipsoid as a disc, a box as its projected outline, a plane as the floor;
 * colours from {@code geom_rgba}.
 */
final class GeomPicture {
  // mjtGeom: plane 0, hfield 1, sphere 2, capsule 3, ellipsoid 4, cylinder 5, box 6
  private static final int PLANE = 0;
  private static final int SPHERE = 2;
  private static final int CAPSULE = 3;
  private static final int ELLIPSOID = 4;
  private static final int CYLINDER = 5;
  private static final int BOX = 6;
  private final int[] type;
  private final double[] size;
  private final int[] rgb;
  private final boolean top;

  GeomPicture(MjModel model, boolean topView) {
    this.type = model.ints("geom_type");
    this.size = model.doubles("geom_size");
    float[] rgba = model.floats("geom_rgba");
    this.rgb = new int[type.length];
    for (int g = 0; g < type.length; g++) {
      int r = Math.round(255 * rgba[4 * g]);
      int gr = Math.round(255 * rgba[4 * g + 1]);
      int b = Math.round(255 * rgba[4 * g + 2]);
      rgb[g] = (r << 16) | (gr << 8) | b;
    }
    this.top = topView;
  }

  /** The shapes at the data's current positions, the camera on (focusX, focusY). */
  Scene scene(MjData data, double focusX, double focusY, double halfWidth, double halfHeight) {
    double[] pos = data.get("geom_xpos");
    double[] mat = data.get("geom_xmat");
    List<Scene.Shape> shapes = new ArrayList<>();
    // the floor first, then the bodies' geoms in model order, farthest (most +y) first
    for (int g = 0; g < type.length; g++) {
      if (type[g] == PLANE && !top) {
        shapes.add(new Scene.Ground(pos[3 * g + 2], 0xD9E6D9));
      }
    }
    Integer[] order = new Integer[type.length];
    for (int g = 0; g < order.length; g++) {
      order[g] = g;
    }
    int depth = top ? 2 : 1;
    java.util.Arrays.sort(order, (a, b) -> Double.compare(
        top ? pos[3 * a + depth] : -pos[3 * a + depth], top ? pos[3 * b + depth]
            : -pos[3 * b + depth]));
    for (int g : order) {
      double cx = pos[3 * g];
      double cy = top ? pos[3 * g + 1] : pos[3 * g + 2];
      int c = rgb[g];
      switch (type[g]) {
        case SPHERE, ELLIPSOID -> shapes.add(new Scene.Disc(cx, cy, size[3 * g], c));
        case CAPSULE, CYLINDER -> {
          // the local z axis is the third column of the rotation matrix
          double ax = mat[9 * g + 2];
          double ay = top ? mat[9 * g + 5] : mat[9 * g + 8];
          double h = size[3 * g + 1];
          shapes.add(new Scene.Segment(cx - h * ax, cy - h * ay, cx + h * ax, cy + h * ay,
              2 * size[3 * g], c));
        }
        case BOX -> {
          double[] xs = new double[4];
          double[] ys = new double[4];
          int[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
          int second = top ? 1 : 2;
          for (int k = 0; k < 4; k++) {
            double u = corners[k][0] * size[3 * g];
            double v = corners[k][1] * size[3 * g + second];
            xs[k] = cx + mat[9 * g] * u + mat[9 * g + second] * v;
            ys[k] = cy + mat[9 * g + (top ? 3 : 6)] * u + mat[9 * g + (top ? 3 : 6) + second] * v;
          }
          shapes.add(new Scene.Polygon(xs, ys, c));
        }
        default -> {
        }
      }
    }
    return new Scene(shapes, focusX, focusY, halfWidth, halfHeight);
  }
}
