package io.natgrad.core.metric;

import io.natgrad.core.dist.ParametricFamily;
import io.natgrad.core.linalg.LinearOperator;

/** The closed-form Fisher information F(θ) of a {@link ParametricFamily}. */
final class ExactFisher implements Metric {
  private final ParametricFamily family;

  ExactFisher(ParametricFamily family) {
    this.family = java.util.Objects.requireNonNull(family, "family");
  }

  @Override
  public LinearOperator at(double[] theta) {
    return LinearOperator.dense(family.fisher(theta));
  }

  @Override
  public String name() {
    return "fisher";
  }
}
