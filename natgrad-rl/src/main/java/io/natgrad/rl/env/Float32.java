package io.natgrad.rl.env;

/**
 * Helpers for matching NumPy's float32 arithmetic bit for bit: Gymnasium stores some states and
 * every observation as float32, and NumPy 2 (NEP 50) keeps float32 when a float32 meets a Python
 * float.
 */
final class Float32 {
  private Float32() {}

  /** x rounded to float32 and widened back. */
  static double round(double x) {
    return (float) x;
  }

  /** Every entry rounded to float32 and widened back (a float32 observation). */
  static double[] round(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) x[i];
    }
    return out;
  }
}
