package io.natgrad.mujoco;

/**
 * NumPy's summation order for the short arrays the tasks sum ({@code np.sum}): below 8 elements
 * one after the other from 0; from 8 (up to 128) eight running partial sums combined as
 * ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the remainder added in order — NumPy's
 * {@code pairwise_sum} — so that rewards are Gymnasium's bits.
 */
final class Sums {
  private Sums() {}

  /** np.sum(np.square(a)). */
  static double sumOfSquares(double[] a) {
    double[] sq = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      sq[i] = a[i] * a[i];
    }
    return sum(sq);
  }

  /** np.sum(a) for a.length ≤ 128 (NumPy's pairwise_sum base case). */
  static double sum(double[] a) {
    int n = a.length;
    if (n > 128) {
      throw new IllegalArgumentException("NumPy's pairwise split above 128 elements is not needed");
    }
    if (n < 8) {
      double res = 0.;
      for (double v : a) {
        res += v;
      }
      return res;
    }
    double[] r = new double[8];
    System.arraycopy(a, 0, r, 0, 8);
    int i;
    for (i = 8; i < n - (n % 8); i += 8) {
      for (int k = 0; k < 8; k++) {
        r[k] += a[i + k];
      }
    }
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) {
      res += a[i];
    }
    return res;
  }

  /**
   * np.linalg.norm of a short vector: √(Σ vᵢ²) with the squares accumulated by fused
   * multiply-adds, as OpenBLAS's dot does on the machines the recordings came from.
   */
  static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s = Math.fma(x, x, s);
    }
    return Math.sqrt(s);
  }
}
