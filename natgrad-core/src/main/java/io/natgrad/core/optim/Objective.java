package io.natgrad.core.optim;

/**
 * A differentiable function f: ℝⁿ → ℝ to be minimized. To maximize J (a return, a likelihood),
 * minimize −J.
 *
 * <p>An objective may be stochastic (a sampled policy-gradient surrogate); the optimizer evaluates
 * the gradient once per iterate and only calls {@link #value} again inside line searches.
 */
public interface Objective {

  /** n, the length of θ. */
  int dimension();

  /** f(θ). */
  double value(double[] theta);

  /** Writes ∇f(θ) into {@code gradient} and returns f(θ). */
  double valueAndGradient(double[] theta, double[] gradient);
}
