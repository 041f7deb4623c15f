package io.natgrad.core.metric;

import io.natgrad.core.dist.ParametricFamily;
import io.natgrad.core.linalg.LinearOperator;
import java.util.random.RandomGenerator;

/**
 * Algorithm 2's Fisher estimate: G ← (1/N) Σ_i ∇log p_θ(x_i) ∇log p_θ(x_i)ᵀ with x_i ∼ p_θ drawn
 * afresh at every θ. Stateful: each call consumes N draws from the generator it was given, so a
 * run is reproducible from the generator's seed.
 */
final class MonteCarloFisher implements Metric {
  private final ParametricFamily family;
  private final int samples;
  private final RandomGenerator rng;

  MonteCarloFisher(ParametricFamily family, int samples, RandomGenerator rng) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, got " + samples);
    }
    this.family = java.util.Objects.requireNonNull(family, "family");
    this.samples = samples;
    this.rng = java.util.Objects.requireNonNull(rng, "rng");
  }

  @Override
  public LinearOperator at(double[] theta) {
    ScoreOuterProducts acc = new ScoreOuterProducts(family.parameterDimension());
    double[] x = new double[family.eventDimension()];
    double[] s = new double[family.parameterDimension()];
    for (int i = 0; i < samples; i++) {
      family.sample(theta, rng, x);
      family.score(theta, x, s);
      acc.add(s);
    }
    return LinearOperator.dense(acc.mean());
  }

  @Override
  public String name() {
    return "mc-fisher(" + samples + ")";
  }
}
