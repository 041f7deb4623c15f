package io.natgrad.core.metric;

import org.ejml.data.DMatrixRMaj;

/**
 * The sample second moment of score vectors, (1/N) Σ_i s_i s_iᵀ: the estimator behind both the
 * Monte-Carlo Fisher (scores of model samples) and the empirical Fisher (scores of data), and the
 * RL trajectory Fisher (scores of sampled trajectories).
 */
public final class ScoreOuterProducts {
  private final int n;
  private final double[] sum;
  private int count;

  /** An empty accumulator for scores of dimension n. */
  public ScoreOuterProducts(int n) {
    this.n = n;
    this.sum = new double[n * n];
  }

  /** Adds s sᵀ. */
  public void add(double[] s) {
    if (s.length != n) {
      throw new IllegalArgumentException("score has length " + s.length + ", expected " + n);
    }
    for (int i = 0; i < n; i++) {
      double si = s[i];
      int row = i * n;
      for (int j = i; j < n; j++) {
        sum[row + j] += si * s[j];
      }
    }
    count++;
  }

  /** Number of scores added. */
  public int count() {
    return count;
  }

  /** (1/N) Σ s sᵀ as a symmetric matrix. */
  public DMatrixRMaj mean() {
    if (count == 0) {
      throw new IllegalStateException("no score vectors were added");
    }
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double v = sum[i * n + j] / count;
        m.unsafe_set(i, j, v);
        m.unsafe_set(j, i, v);
      }
    }
    return m;
  }
}
