package io.natgrad.core.glm;

import java.util.stream.IntStream;

/**
 * Weighted least squares by the normal equations XᵀWX b = XᵀWz, for tall designs (n ≫ p) where a
 * QR of the weighted n × p copy would cost O(np²) memory traffic and a copy of the design: one
 * pass over the rows accumulates the p × p and p × 1 sums (fixed chunks of rows, added in order,
 * so the result does not depend on the number of threads), then a Cholesky factorization with R's
 * aliasing rule — going left to right, a column whose residual norm after the kept columns before
 * it (the square root of its Schur complement) is below {@code tol} times its norm is aliased —
 * the rule {@link PivotedQr} applies to the same weighted columns. The condition number is
 * squared, so {@link GlmFitter} uses this only for well-conditioned factors (see
 * {@link #wellConditioned}).
 */
final class NormalEquations {
  private static final int CHUNK = 8192;
  private final int p;
  private final double[][] l;
  private final boolean[] kept;
  private final int rank;
  private final double[] solution;
  private final double minRatio;

  private NormalEquations(int p, double[][] l, boolean[] kept, int rank, double[] solution,
      double minRatio) {
    this.p = p;
    this.l = l;
    this.kept = kept;
    this.rank = rank;
    this.solution = solution;
    this.minRatio = minRatio;
  }

  /**
   * Solves the weighted least squares of z on X over the rows with {@code good[i]}, weights
   * {@code w[i]} (the squares of IRLS's √w).
   */
  static NormalEquations solve(double[] x, int n, int p, boolean[] good, double[] w, double[] z,
      double tol) {
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[][] parts = IntStream.range(0, chunks).parallel().mapToObj(c -> {
      double[] acc = new double[p * p + p];
      int r1 = Math.min(n, (c + 1) * CHUNK);
      for (int i = c * CHUNK; i < r1; i++) {
        if (!good[i]) {
          continue;
        }
        double wi = w[i];
        int off = i * p;
        for (int a = 0; a < p; a++) {
          double xa = x[off + a] * wi;
          int row = a * p;
          for (int b = a; b < p; b++) {
            acc[row + b] += xa * x[off + b];
          }
          acc[p * p + a] += xa * z[i];
        }
      }
      return acc;
    }).toArray(double[][]::new);
    double[] sum = new double[p * p + p];
    for (double[] part : parts) {
      for (int k = 0; k < sum.length; k++) {
        sum[k] += part[k];
      }
    }
    return fromSums(sum, p, tol);
  }

  /**
   * Solves from the sums: {@code sum} holds XᵀWX's upper triangle row-major in its first p²
   * entries (the lower one is not read) and XᵀWz in the last p.
   */
  static NormalEquations fromSums(double[] sum, int p, double tol) {
    double[][] a = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        a[i][j] = sum[i * p + j];
        a[j][i] = sum[i * p + j];
      }
    }
    // Cholesky of the kept columns in order: L Lᵀ = A_kk; a column whose Schur complement falls
    // below tol² of its diagonal is aliased (R's QR rule on the same weighted columns)
    double[][] lower = new double[p][p];
    boolean[] kept = new boolean[p];
    int rank = 0;
    double minRatio = 1;
    for (int j = 0; j < p; j++) {
      double d = a[j][j];
      for (int k = 0; k < j; k++) {
        if (kept[k]) {
          d -= lower[j][k] * lower[j][k];
        }
      }
      double original = a[j][j] == 0 ? 1 : a[j][j];
      if (!(d >= tol * tol * original) || d <= 0) {
        continue; // aliased
      }
      kept[j] = true;
      rank++;
      minRatio = Math.min(minRatio, d / original);
      lower[j][j] = Math.sqrt(d);
      for (int i = j + 1; i < p; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          if (kept[k]) {
            s -= lower[i][k] * lower[j][k];
          }
        }
        lower[i][j] = s / lower[j][j];
      }
    }
    double[] rhs = java.util.Arrays.copyOfRange(sum, p * p, p * p + p);
    double[] y = new double[p];
    for (int i = 0; i < p; i++) {
      if (!kept[i]) {
        continue;
      }
      double s = rhs[i];
      for (int k = 0; k < i; k++) {
        if (kept[k]) {
          s -= lower[i][k] * y[k];
        }
      }
      y[i] = s / lower[i][i];
    }
    double[] b = new double[p];
    java.util.Arrays.fill(b, Double.NaN);
    for (int i = p - 1; i >= 0; i--) {
      if (!kept[i]) {
        continue;
      }
      double s = y[i];
      for (int k = i + 1; k < p; k++) {
        if (kept[k]) {
          s -= lower[k][i] * b[k];
        }
      }
      b[i] = s / lower[i][i];
    }
    return new NormalEquations(p, lower, kept, rank, b, minRatio);
  }

  /**
   * Whether squaring the condition number still leaves about eight correct digits: the smallest
   * kept Schur complement is at least 1e-8 of its column's norm², i.e. each kept column has at
   * least 1e-4 of its norm outside the span of those before it.
   */
  boolean wellConditioned() {
    return minRatio >= 1e-8;
  }

  double[] solution() {
    return solution.clone();
  }

  int rank() {
    return rank;
  }

  boolean kept(int j) {
    return kept[j];
  }

  /** (XᵀWX)⁻¹ of the kept columns, NaN for aliased ones. */
  double[][] unscaledCovariance() {
    double[][] cov = new double[p][p];
    for (double[] row : cov) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    // L⁻¹ over the kept columns, then L⁻ᵀ L⁻¹
    double[][] inv = new double[p][p];
    for (int j = 0; j < p; j++) {
      if (!kept[j]) {
        continue;
      }
      inv[j][j] = 1 / l[j][j];
      for (int i = j + 1; i < p; i++) {
        if (!kept[i]) {
          continue;
        }
        double s = 0;
        for (int k = j; k < i; k++) {
          if (kept[k]) {
            s -= l[i][k] * inv[k][j];
          }
        }
        inv[i][j] = s / l[i][i];
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        if (!kept[a] || !kept[b]) {
          continue;
        }
        double s = 0;
        for (int k = Math.max(a, b); k < p; k++) {
          if (kept[k]) {
            s += inv[k][a] * inv[k][b];
          }
        }
        cov[a][b] = s;
      }
    }
    return cov;
  }
}
