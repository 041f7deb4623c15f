package io.natgrad.rl.value;

import io.natgrad.core.random.Rng;

/**
 * A state-value estimate V(s) used as the baseline of the policy gradient and for bootstrapping in
 * GAE. Inputs are n observations (row-major) with the steps' indices within their episodes (used
 * by time-aware features). Mutable: {@link #fit} changes it.
 */
public interface ValueFunction {

  /** V for n observations into {@code out}. */
  void predict(double[] observations, int[] timesteps, int n, double[] out);

  /** Fits V to the targets (regression); returns the mean squared error of the fit's last pass. */
  double fit(double[] observations, int[] timesteps, int n, double[] targets, Rng rng);

  /** The parameters (a copy), for checkpoints and policy files. */
  double[] parameters();
}
