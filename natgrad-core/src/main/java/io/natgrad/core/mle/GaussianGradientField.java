package io.natgrad.core.mle;

import io.natgrad.core.metric.Metric;
import io.natgrad.core.optim.DirectionSolver;

/**
 * The gradient and natural-gradient vector fields of the Gaussian maximum-likelihood problem with
 * population statistics (paper, Figure 3). The population objective is the cross-entropy
 *
 * <pre>f(μ, σ) = E_{x∼N(m, v)}[−log p_{μ,σ}(x)] = ½ log 2π + log σ + (v + (m − μ)²)/(2σ²),</pre>
 *
 * with ∇f = (−(m − μ)/σ², 1/σ − (v + (m − μ)²)/σ³) and natural gradient F⁻¹∇f with the exact Fisher
 * diag(1/σ², 2/σ²), solved by the same {@link DirectionSolver} the optimizer uses.
 */
public final class GaussianGradientField {
  private final double mean;
  private final double variance;
  private final Metric fisher = Metric.exactFisher(GaussianFit.FAMILY);
  private final DirectionSolver solver = DirectionSolver.direct();

  /**
   * @param mean the population mean m
   * @param variance the population variance v &gt; 0
   */
  public GaussianGradientField(double mean, double variance) {
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("mean must be finite, got " + mean);
    }
    if (!(variance > 0.0) || !Double.isFinite(variance)) {
      throw new IllegalArgumentException("variance must be finite and > 0, got " + variance);
    }
    this.mean = mean;
    this.variance = variance;
  }

  /** ∇f at (μ, σ). */
  public double[] gradient(double mu, double sigma) {
    GaussianFit.FAMILY.validate(new double[] {mu, sigma});
    double d = mean - mu;
    double s2 = sigma * sigma;
    return new double[] {-d / s2, 1.0 / sigma - (variance + d * d) / (s2 * sigma)};
  }

  /** F⁻¹∇f at (μ, σ). */
  public double[] naturalGradient(double mu, double sigma) {
    double[] theta = {mu, sigma};
    return solver.solve(fisher.at(theta), gradient(mu, sigma)).direction();
  }

  /** One arrow pair of the field. */
  public record FieldPoint(double mu, double sigma, double[] gradient, double[] naturalGradient) {}

  /** The field on a grid μ ∈ {muFrom, muFrom + muStep, …, ≤ muTo} × σ likewise. */
  public java.util.List<FieldPoint> grid(
      double muFrom, double muTo, double muStep, double sigmaFrom, double sigmaTo, double sigmaStep) {
    java.util.List<FieldPoint> points = new java.util.ArrayList<>();
    int nMu = (int) Math.floor((muTo - muFrom) / muStep + 1e-9) + 1;
    int nSigma = (int) Math.floor((sigmaTo - sigmaFrom) / sigmaStep + 1e-9) + 1;
    for (int i = 0; i < nMu; i++) {
      double mu = muFrom + i * muStep;
      for (int j = 0; j < nSigma; j++) {
        double sigma = sigmaFrom + j * sigmaStep;
        points.add(new FieldPoint(mu, sigma, gradient(mu, sigma), naturalGradient(mu, sigma)));
      }
    }
    return points;
  }

  /** The paper's grid: μ ∈ {0, 1, …, 14}, σ ∈ {0.5, 1.0, …, 6.0}. */
  public static java.util.List<FieldPoint> paperGrid(GaussianGradientField field) {
    return field.grid(0, 14, 1, 0.5, 6.0, 0.5);
  }

  /**
   * max/median of the vectors' Euclidean lengths over a grid (the median of an even count is the
   * mean of the two middle lengths): how unevenly a field's arrows are sized.
   */
  public static double maxOverMedianLength(java.util.List<FieldPoint> grid, boolean natural) {
    double[] len = grid.stream()
        .mapToDouble(p -> {
          double[] v = natural ? p.naturalGradient() : p.gradient();
          return Math.hypot(v[0], v[1]);
        })
        .sorted()
        .toArray();
    int n = len.length;
    double median = n % 2 == 1 ? len[n / 2] : 0.5 * (len[n / 2 - 1] + len[n / 2]);
    return len[n - 1] / median;
  }
}
