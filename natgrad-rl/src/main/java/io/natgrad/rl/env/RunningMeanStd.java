package io.natgrad.rl.env;

/**
 * Running mean and variance of vectors, merged batch by batch with the parallel algorithm of Chan
 * et al. (as Stable-Baselines3's {@code RunningMeanStd}, starting from count ε = 1e-4). Mutable;
 * its state (mean, var, count) is saved with a trained policy.
 */
public final class RunningMeanStd {
  private final double[] mean;
  private final double[] var;
  private double count;

  public RunningMeanStd(int dim) {
    this.mean = new double[dim];
    this.var = new double[dim];
    java.util.Arrays.fill(var, 1.0);
    this.count = 1e-4;
  }

  /** Restores saved statistics. */
  public RunningMeanStd(double[] mean, double[] var, double count) {
    if (mean.length != var.length) {
      throw new IllegalArgumentException("mean and var lengths differ");
    }
    for (int i = 0; i < var.length; i++) {
      if (!Double.isFinite(mean[i]) || !(var[i] >= 0) || !Double.isFinite(var[i])) {
        throw new IllegalArgumentException("normalizer statistics must be finite with var >= 0, "
            + "got mean[" + i + "] = " + mean[i] + ", var[" + i + "] = " + var[i]);
      }
    }
    if (!(count > 0) || !Double.isFinite(count)) {
      throw new IllegalArgumentException("normalizer count must be > 0, got " + count);
    }
    this.mean = mean.clone();
    this.var = var.clone();
    this.count = count;
  }

  public int dimension() {
    return mean.length;
  }

  public double[] mean() {
    return mean.clone();
  }

  public double[] var() {
    return var.clone();
  }

  public double count() {
    return count;
  }

  /** Merges a batch of m rows (row-major, m × dim). */
  public void update(double[] rows, int m) {
    int d = mean.length;
    if (m == 0) {
      return;
    }
    double[] bm = new double[d];
    double[] bv = new double[d];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        bm[j] += rows[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      bm[j] /= m;
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        double x = rows[i * d + j] - bm[j];
        bv[j] += x * x;
      }
    }
    double total = count + m;
    for (int j = 0; j < d; j++) {
      bv[j] /= m;
      double delta = bm[j] - mean[j];
      double newMean = mean[j] + delta * m / total;
      double m2 = var[j] * count + bv[j] * m + delta * delta * count * m / total;
      mean[j] = newMean;
      var[j] = m2 / total;
    }
    count = total;
  }

  /** Overwrites these statistics with another's. */
  public void restore(RunningMeanStd other) {
    if (other.dimension() != dimension()) {
      throw new IllegalArgumentException("normalizer statistics have dimension "
          + other.dimension() + ", expected " + dimension());
    }
    System.arraycopy(other.mean, 0, mean, 0, mean.length);
    System.arraycopy(other.var, 0, var, 0, var.length);
    count = other.count;
  }

  /** A copy. */
  public RunningMeanStd copy() {
    return new RunningMeanStd(mean, var, count);
  }
}
