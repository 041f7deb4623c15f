package io.natgrad.core;

import java.util.function.ToDoubleFunction;

/** Central finite differences for gradient checks. */
public final class FiniteDifferences {
  private FiniteDifferences() {}

  /** ∇f(θ) by central differences with step h·max(1, |θ_i|). */
  public static double[] gradient(ToDoubleFunction<double[]> f, double[] theta, double h) {
    double[] g = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      double step = h * Math.max(1.0, Math.abs(theta[i]));
      double[] p = theta.clone();
      double[] m = theta.clone();
      p[i] += step;
      m[i] -= step;
      g[i] = (f.applyAsDouble(p) - f.applyAsDouble(m)) / (2 * step);
    }
    return g;
  }

  /** ‖a − b‖ / max(‖a‖, ‖b‖, tiny). */
  public static double relativeError(double[] a, double[] b) {
    double diff = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      diff += (a[i] - b[i]) * (a[i] - b[i]);
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return Math.sqrt(diff) / Math.max(Math.sqrt(Math.max(na, nb)), 1e-300);
  }
}
