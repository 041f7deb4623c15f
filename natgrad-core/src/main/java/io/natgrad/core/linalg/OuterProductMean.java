package io.natgrad.core.linalg;

/**
 * The operator v ↦ (1/N) Σᵢ sᵢ (sᵢᵀ v) of N vectors sᵢ held as the rows of a flat N × n array,
 * never forming the n × n matrix: the matrix-free form of a score second moment (Monte-Carlo or
 * empirical Fisher) when n is too large for a dense one. Costs 2·N·n multiply-adds per product.
 */
public final class OuterProductMean implements LinearOperator {
  private final double[] rows;
  private final int count;
  private final int n;

  /**
   * @param rows the vectors, row-major (N × n; not copied)
   * @param count N ≥ 1
   * @param n the dimension
   */
  public OuterProductMean(double[] rows, int count, int n) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
    if (rows.length < (long) count * n) {
      throw new IllegalArgumentException("rows hold " + rows.length + " values, need "
          + (long) count * n);
    }
    this.rows = rows;
    this.count = count;
    this.n = n;
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public void apply(double[] v, double[] out) {
    java.util.Arrays.fill(out, 0, n, 0.0);
    for (int i = 0; i < count; i++) {
      int o = i * n;
      double dot = 0;
      for (int j = 0; j < n; j++) {
        dot += rows[o + j] * v[j];
      }
      double c = dot / count;
      for (int j = 0; j < n; j++) {
        out[j] += c * rows[o + j];
      }
    }
  }

  @Override
  public double[] diagonal() {
    double[] d = new double[n];
    for (int i = 0; i < count; i++) {
      int o = i * n;
      for (int j = 0; j < n; j++) {
        d[j] += rows[o + j] * rows[o + j];
      }
    }
    for (int j = 0; j < n; j++) {
      d[j] /= count;
    }
    return d;
  }
}
