package io.natgrad.core.glm;

/**
 * Householder QR with R's limited column pivoting (LINPACK {@code dqrdc2}, which {@code lm} and
 * {@code glm.fit} use): going left to right, a column whose norm — of its part not yet explained by
 * the columns before it — has fallen below {@code tol} times its original norm is moved to the end
 * and counts as aliased; the others keep their order. The rank is the number kept. Unlike LINPACK,
 * the remaining norms are recomputed rather than downdated (the same decisions without its loss of
 * precision). {@link #solve} gives the least-squares coefficients (NaN for aliased columns) and
 * {@link #unscaledCovariance} (RᵀR)⁻¹ in the original column order.
 */
public final class PivotedQr {
  private final int n;
  private final int p;
  /** Columns in pivoted order; below and on the diagonal the Householder vectors. */
  private final double[][] cols;
  private final double[] betas;
  private final double[] rDiagonal;
  private final int[] pivot;
  private final int rank;

  private PivotedQr(int n, int p, double[][] cols, double[] betas, double[] rDiagonal,
      int[] pivot, int rank) {
    this.n = n;
    this.p = p;
    this.cols = cols;
    this.betas = betas;
    this.rDiagonal = rDiagonal;
    this.pivot = pivot;
    this.rank = rank;
  }

  /**
   * Factors X (n × p, row-major; not modified).
   *
   * @param tol R's {@code tol}: glm.fit passes min(1e-7, ε/1000), lm 1e-7
   */
  public static PivotedQr of(double[] x, int n, int p, double tol) {
    double[][] c = new double[p][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        c[j][i] = x[i * p + j];
      }
    }
    double[] original = new double[p];
    int[] pivot = new int[p];
    for (int j = 0; j < p; j++) {
      original[j] = norm(c[j], 0);
      if (original[j] == 0) {
        original[j] = 1; // LINPACK: a zero column's reference norm is 1 (so it is aliased)
      }
      pivot[j] = j;
    }
    double[] betas = new double[p];
    double[] rDiagonal = new double[p];
    int k = p; // columns [k, p) have been moved to the end as aliased
    for (int l = 0; l < Math.min(n, p); l++) {
      while (l < k && norm(c[l], l) < original[l] * tol) {
        double[] col = c[l];
        double on = original[l];
        int pv = pivot[l];
        for (int j = l + 1; j < p; j++) {
          c[j - 1] = c[j];
          original[j - 1] = original[j];
          pivot[j - 1] = pivot[j];
        }
        c[p - 1] = col;
        original[p - 1] = on;
        pivot[p - 1] = pv;
        k--;
      }
      if (l >= k) {
        break;
      }
      double[] a = c[l];
      double alpha = norm(a, l);
      if (a[l] > 0) {
        alpha = -alpha;
      }
      a[l] -= alpha; // v = x − α e₁ (no cancellation: opposite signs)
      double vv = 0;
      for (int i = l; i < n; i++) {
        vv += a[i] * a[i];
      }
      betas[l] = vv == 0 ? 0 : 2 / vv;
      rDiagonal[l] = alpha;
      for (int j = l + 1; j < p; j++) {
        reflect(a, betas[l], c[j], l);
      }
    }
    return new PivotedQr(n, p, c, betas, rDiagonal, pivot, Math.min(k, n));
  }

  /** y ← (I − β v vᵀ) y on rows [from, n). */
  private static void reflect(double[] v, double beta, double[] y, int from) {
    double s = 0;
    for (int i = from; i < v.length; i++) {
      s += v[i] * y[i];
    }
    s *= beta;
    for (int i = from; i < v.length; i++) {
      y[i] -= s * v[i];
    }
  }

  /** ‖a[from..)‖₂, scaled against overflow. */
  private static double norm(double[] a, int from) {
    double scale = 0;
    for (int i = from; i < a.length; i++) {
      scale = Math.max(scale, Math.abs(a[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int i = from; i < a.length; i++) {
      double t = a[i] / scale;
      s += t * t;
    }
    return scale * Math.sqrt(s);
  }

  /** R[i][j] (pivoted order, i ≤ j). */
  private double r(int i, int j) {
    return i == j ? rDiagonal[i] : cols[j][i];
  }

  /** The least-squares b with X b ≈ z, in the original column order; aliased columns NaN. */
  public double[] solve(double[] z) {
    if (z.length != n) {
      throw new IllegalArgumentException("z must have " + n + " values, got " + z.length);
    }
    double[] qz = z.clone();
    for (int l = 0; l < rank; l++) {
      reflect(cols[l], betas[l], qz, l);
    }
    double[] b = new double[rank];
    for (int l = rank - 1; l >= 0; l--) {
      double s = qz[l];
      for (int j = l + 1; j < rank; j++) {
        s -= r(l, j) * b[j];
      }
      b[l] = s / r(l, l);
    }
    double[] out = new double[p];
    java.util.Arrays.fill(out, Double.NaN);
    for (int l = 0; l < rank; l++) {
      out[pivot[l]] = b[l];
    }
    return out;
  }

  /** (RᵀR)⁻¹ of the kept columns in the original order, p × p, NaN rows/columns for aliased. */
  public double[][] unscaledCovariance() {
    double[][] rinv = new double[rank][rank];
    for (int j = 0; j < rank; j++) {
      rinv[j][j] = 1 / r(j, j);
      for (int i = j - 1; i >= 0; i--) {
        double s = 0;
        for (int m = i + 1; m <= j; m++) {
          s += r(i, m) * rinv[m][j];
        }
        rinv[i][j] = -s / r(i, i);
      }
    }
    double[][] cov = new double[p][p];
    for (double[] row : cov) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (int a = 0; a < rank; a++) {
      for (int b = 0; b < rank; b++) {
        double s = 0;
        for (int m = Math.max(a, b); m < rank; m++) {
          s += rinv[a][m] * rinv[b][m];
        }
        cov[pivot[a]][pivot[b]] = s;
      }
    }
    return cov;
  }

  /** The number of columns kept (not aliased). */
  public int rank() {
    return rank;
  }

  /** Whether original column j was kept. */
  public boolean kept(int j) {
    for (int l = 0; l < rank; l++) {
      if (pivot[l] == j) {
        return true;
      }
    }
    return false;
  }
}
