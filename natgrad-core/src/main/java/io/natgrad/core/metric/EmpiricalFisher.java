package io.natgrad.core.metric;

import io.natgrad.core.dist.ParametricFamily;
import io.natgrad.core.linalg.LinearOperator;

/**
 * The empirical Fisher (1/n) Σ_i ∇log p_θ(x_i) ∇log p_θ(x_i)ᵀ over fixed data x_i. It equals the
 * Fisher only at the maximum-likelihood point of a well-specified model; elsewhere it can be far off
 * (Kunstner, Balles and Hennig 2019).
 */
final class EmpiricalFisher implements Metric {
  private final ParametricFamily family;
  private final double[][] data;

  EmpiricalFisher(ParametricFamily family, double[][] data) {
    this.family = java.util.Objects.requireNonNull(family, "family");
    if (data.length == 0) {
      throw new IllegalArgumentException("empirical Fisher needs at least one data point");
    }
    this.data = data;
  }

  @Override
  public LinearOperator at(double[] theta) {
    ScoreOuterProducts acc = new ScoreOuterProducts(family.parameterDimension());
    double[] s = new double[family.parameterDimension()];
    for (double[] x : data) {
      family.score(theta, x, s);
      acc.add(s);
    }
    return LinearOperator.dense(acc.mean());
  }

  @Override
  public String name() {
    return "empirical-fisher";
  }
}
