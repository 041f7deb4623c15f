package io.natgrad.core.linalg;

/**
 * Small kernels on flat {@code double[]} vectors, the one currency of natgrad's parameters.
 *
 * <p>Hand-written rather than delegated to a library because they are one-line loops that the JIT
 * vectorizes, and calling a library for them would cost an allocation or a wrapper per call.
 */
public final class Vectors {
  private Vectors() {}

  /** Returns xᵀy. */
  public static double dot(double[] x, double[] y) {
    checkSameLength(x, y);
    double s = 0.0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  /** Returns the Euclidean norm ‖x‖₂. */
  public static double norm(double[] x) {
    return Math.sqrt(dot(x, x));
  }

  /** y ← y + a·x, in place. */
  public static void axpy(double a, double[] x, double[] y) {
    checkSameLength(x, y);
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  /** Returns x + a·y as a new vector. */
  public static double[] addScaled(double[] x, double a, double[] y) {
    checkSameLength(x, y);
    double[] out = x.clone();
    axpy(a, y, out);
    return out;
  }

  /** x ← a·x, in place. */
  public static void scale(double a, double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= a;
    }
  }

  /** True when every entry is finite (neither NaN nor ±∞). */
  public static boolean isFinite(double[] x) {
    for (double v : x) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Index of the first non-finite entry, or −1. */
  public static int firstNonFinite(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        return i;
      }
    }
    return -1;
  }

  static void checkSameLength(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "vector lengths differ: " + x.length + " and " + y.length);
    }
  }
}
