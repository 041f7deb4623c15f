package io.natgrad.core.mle;

/** How per-point negative log-likelihoods are combined. */
public enum Reduction {
  /** (1/n) Σ_i −log p_θ(x_i): independent of the data size; the library's default. */
  MEAN,
  /** Σ_i −log p_θ(x_i): a learning rate on it acts n times larger than on the mean. */
  SUM
}
