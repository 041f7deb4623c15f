package io.natgrad.core.mle;

import io.natgrad.core.dist.ParametricFamily;
import io.natgrad.core.optim.Objective;

/**
 * The maximum-likelihood objective f(θ) = −(1/n) Σ_i log p_θ(x_i) (or the sum, see
 * {@link Reduction}), with gradient −(1/n) Σ_i ∇θ log p_θ(x_i): minimizing it fits the family to the
 * data (paper, the Gaussian experiment of Figure 2).
 *
 * <p>A θ outside the parameter space (σ ≤ 0) has value +∞, so line searches back away from it and
 * a fixed-step optimizer that lands there stops with a clear error.
 */
public final class NegativeLogLikelihood implements Objective {
  private final ParametricFamily family;
  private final double[][] data;
  private final Reduction reduction;

  /**
   * @param family the model family p_θ
   * @param data the observations, each of length {@code family.eventDimension()}, all finite
   * @param reduction mean or sum over the observations
   */
  public NegativeLogLikelihood(ParametricFamily family, double[][] data, Reduction reduction) {
    this.family = java.util.Objects.requireNonNull(family, "family");
    this.reduction = java.util.Objects.requireNonNull(reduction, "reduction");
    if (data.length == 0) {
      throw new IllegalArgumentException("data must hold at least one observation, got none");
    }
    for (int i = 0; i < data.length; i++) {
      if (data[i].length != family.eventDimension()) {
        throw new IllegalArgumentException("data[" + i + "] has " + data[i].length
            + " values, the family's events have " + family.eventDimension());
      }
      for (double v : data[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("data[" + i + "] must be finite, got " + v);
        }
      }
    }
    this.data = data;
  }

  /** Univariate data as a column. */
  public static double[][] column(double[] values) {
    double[][] d = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      d[i] = new double[] {values[i]};
    }
    return d;
  }

  public ParametricFamily family() {
    return family;
  }

  public int size() {
    return data.length;
  }

  @Override
  public int dimension() {
    return family.parameterDimension();
  }

  private boolean inside(double[] theta) {
    try {
      family.validate(theta);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public double value(double[] theta) {
    if (!inside(theta)) {
      return Double.POSITIVE_INFINITY;
    }
    return scaled(family.sumNegativeLogLikelihood(theta, data, null), null);
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    if (!inside(theta)) {
      java.util.Arrays.fill(gradient, Double.NaN);
      return Double.POSITIVE_INFINITY;
    }
    return scaled(family.sumNegativeLogLikelihood(theta, data, gradient), gradient);
  }

  private double scaled(double sum, double[] gradient) {
    if (reduction == Reduction.SUM) {
      return sum;
    }
    if (gradient != null) {
      for (int j = 0; j < gradient.length; j++) {
        gradient[j] /= data.length;
      }
    }
    return sum / data.length;
  }
}
