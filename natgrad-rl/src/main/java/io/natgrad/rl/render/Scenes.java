package io.natgrad.rl.render;

import io.natgrad.rl.env.BusyWork;
import io.natgrad.rl.env.ClipAction;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.StatefulEnv;
import io.natgrad.rl.env.TimeLimit;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture of an environment's current state: a {@link Drawable}'s own, or for the classic
 * control tasks the familiar ones drawn from their state (Gymnasium's renderings' geometry): the
 * cart and pole, the pendulum, the car on the hill, the acrobot's two links.
 */
public final class Scenes {
  private static final int DARK = 0x202020;
  private static final int POLE = 0xCA9865;
  private static final int CART = 0x3C3C3C;
  private static final int AXLE = 0x8184CB;
  private static final int TRACK = 0x808080;

  private Scenes() {}

  /** The scene of {@code env} (wrappers looked through), or an error naming the environment. */
  public static Scene of(Env env) {
    Env e = inner(env);
    if (e instanceof Drawable d) {
      return d.scene();
    }
    if (e instanceof StatefulEnv s) {
      double[] x = s.state();
      switch (e.id()) {
        case "CartPole-v1":
          return cartPole(x[0], x[2]);
        case "Pendulum-v1":
          return pendulum(x[0]);
        case "MountainCar-v0":
        case "MountainCarContinuous-v0":
          return mountainCar(x[0], e.id().startsWith("MountainCarC") ? 0.45 : 0.5);
        case "Acrobot-v1":
          return acrobot(x[0], x[1]);
        default:
          break;
      }
    }
    throw new IllegalArgumentException("no picture for environment " + env.id() + " (an "
        + "environment draws itself by implementing io.natgrad.rl.render.Drawable)");
  }

  /**
   * Steps per second of simulated time, as Gymnasium's {@code render_fps} gives it: a
   * {@link Drawable}'s own; CartPole 50, Pendulum 30, MountainCar 30, Acrobot 15.
   */
  public static double framesPerSecond(Env env) {
    Env e = inner(env);
    if (e instanceof Drawable d) {
      return d.framesPerSecond();
    }
    return switch (e.id()) {
      case "CartPole-v1" -> 50;
      case "Acrobot-v1" -> 15;
      default -> 30;
    };
  }

  /** The first {@link Drawable} inside natgrad's wrappers, or the innermost environment. */
  private static Env inner(Env env) {
    Env e = env;
    while (!(e instanceof Drawable)) {
      if (e instanceof TimeLimit t) {
        e = t.unwrapped();
      } else if (e instanceof ClipAction c) {
        e = c.unwrapped();
      } else if (e instanceof BusyWork b) {
        e = b.unwrapped();
      } else {
        break;
      }
    }
    return e;
  }

  /** Cart at x on the track, pole (length 1 m) at angle θ from upright (clockwise positive). */
  public static Scene cartPole(double x, double theta) {
    List<Scene.Shape> s = new ArrayList<>();
    s.add(new Scene.Polyline(new double[] {-2.4, 2.4}, new double[] {0, 0}, 0.01, DARK));
    double w = 0.25;
    double h = 0.15;
    s.add(new Scene.Polygon(new double[] {x - w, x + w, x + w, x - w},
        new double[] {-h / 2, -h / 2, h / 2, h / 2}, CART));
    s.add(new Scene.Segment(x, h / 4, x + Math.sin(theta), h / 4 + Math.cos(theta), 0.05, POLE));
    s.add(new Scene.Disc(x, h / 4, 0.025, AXLE));
    return new Scene(s, 0, 0.4, 2.6, 1.0);
  }

  /** The pendulum (length 1) at angle θ from upright, counter-clockwise positive. */
  static Scene pendulum(double theta) {
    List<Scene.Shape> s = new ArrayList<>();
    s.add(new Scene.Segment(0, 0, -Math.sin(theta), Math.cos(theta), 0.2, 0xCC4C4C));
    s.add(new Scene.Disc(0, 0, 0.05, DARK));
    return new Scene(s, 0, 0, 1.25, 1.25);
  }

  /** The hill y = 0.45 sin(3x) + 0.55, the car at x, the flag at the goal. */
  static Scene mountainCar(double pos, double goal) {
    List<Scene.Shape> s = new ArrayList<>();
    int n = 100;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = -1.2 + 1.8 * i / (n - 1);
      ys[i] = 0.45 * Math.sin(3 * xs[i]) + 0.55;
    }
    s.add(new Scene.Polyline(xs, ys, 0.01, DARK));
    double gy = 0.45 * Math.sin(3 * goal) + 0.55;
    s.add(new Scene.Polyline(new double[] {goal, goal}, new double[] {gy, gy + 0.1}, 0.005, DARK));
    s.add(new Scene.Polygon(new double[] {goal, goal + 0.05, goal}, new double[] {gy + 0.1,
        gy + 0.09, gy + 0.08}, 0xCCCC00));
    double angle = Math.atan(1.35 * Math.cos(3 * pos));
    double cx = pos;
    double cy = 0.45 * Math.sin(3 * pos) + 0.55;
    double c = Math.cos(angle);
    double sn = Math.sin(angle);
    double[] lx = {-0.05, 0.05, 0.05, -0.05};
    double[] ly = {0.01, 0.01, 0.05, 0.05};
    double[] px = new double[4];
    double[] py = new double[4];
    for (int i = 0; i < 4; i++) {
      px[i] = cx + lx[i] * c - ly[i] * sn;
      py[i] = cy + lx[i] * sn + ly[i] * c;
    }
    s.add(new Scene.Polygon(px, py, DARK));
    for (double wx : new double[] {-0.03, 0.03}) {
      s.add(new Scene.Disc(cx + wx * c - 0.01 * sn, cy + wx * sn + 0.01 * c, 0.012, TRACK));
    }
    return new Scene(s, -0.3, 0.55, 0.95, 0.55);
  }

  /** Two unit links hanging from the origin at angles θ₁ (from down) and θ₁ + θ₂. */
  static Scene acrobot(double th1, double th2) {
    List<Scene.Shape> s = new ArrayList<>();
    double x1 = Math.sin(th1);
    double y1 = -Math.cos(th1);
    double x2 = x1 + Math.sin(th1 + th2);
    double y2 = y1 - Math.cos(th1 + th2);
    s.add(new Scene.Polyline(new double[] {-2.2, 2.2}, new double[] {1, 1}, 0.01, DARK));
    s.add(new Scene.Segment(0, 0, x1, y1, 0.1, 0x00CCCC));
    s.add(new Scene.Segment(x1, y1, x2, y2, 0.1, 0x00CCCC));
    s.add(new Scene.Disc(0, 0, 0.05, 0xCCCC00));
    s.add(new Scene.Disc(x1, y1, 0.05, 0xCCCC00));
    return new Scene(s, 0, 0, 2.3, 2.3);
  }
}
