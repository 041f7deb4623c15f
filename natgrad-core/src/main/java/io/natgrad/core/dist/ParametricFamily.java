package io.natgrad.core.dist;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A family of probability distributions p_θ indexed by a flat parameter vector θ ∈ ℝⁿ, with
 * everything natural-gradient methods need from it: log-density, score ∇θ log p_θ(x), sampling,
 * KL divergence, entropy and the closed-form Fisher information
 *
 * <pre>F(θ) = E_{x∼p_θ}[∇θ log p_θ(x) ∇θ log p_θ(x)ᵀ] = −E_{x∼p_θ}[∇²θ log p_θ(x)]</pre>
 *
 * (paper, "The Natural Gradient on Probability Spaces" and Appendix A).
 *
 * <p>An event x is a {@code double[]} of length {@link #eventDimension()} (a categorical outcome is
 * its index stored as a double). The parameterization is part of the family: a Gaussian in (μ, σ)
 * and one in (μ, log σ) are two families with two different Fisher matrices.
 */
public interface ParametricFamily {

  /** n, the length of θ. */
  int parameterDimension();

  /** The length of an event x. */
  int eventDimension();

  /** Names of θ's components, for messages and CSV headers (e.g. {@code "mu", "sigma"}). */
  String[] parameterNames();

  /**
   * Checks that θ lies in the parameter space.
   *
   * @throws IllegalArgumentException naming the offending component and its value
   */
  void validate(double[] theta);

  /** log p_θ(x). */
  double logProb(double[] theta, double[] x);

  /** Writes the score ∇θ log p_θ(x) into {@code out} (length n). */
  void score(double[] theta, double[] x, double[] out);

  /** Returns the score ∇θ log p_θ(x) as a new array. */
  default double[] score(double[] theta, double[] x) {
    double[] out = new double[parameterDimension()];
    score(theta, x, out);
    return out;
  }

  /** Draws x ∼ p_θ from {@code rng} into {@code out} (length {@link #eventDimension()}). */
  void sample(double[] theta, RandomGenerator rng, double[] out);

  /** Draws x ∼ p_θ as a new array. */
  default double[] sample(double[] theta, RandomGenerator rng) {
    double[] out = new double[eventDimension()];
    sample(theta, rng, out);
    return out;
  }

  /** KL(p_θp ‖ p_θq) = E_{x∼p_θp}[log p_θp(x) − log p_θq(x)], in nats. */
  double kl(double[] thetaP, double[] thetaQ);

  /** The other direction, KL(p_θq ‖ p_θp). */
  default double klReverse(double[] thetaP, double[] thetaQ) {
    return kl(thetaQ, thetaP);
  }

  /** The differential (or Shannon) entropy H(p_θ) = −E[log p_θ(x)], in nats. */
  double entropy(double[] theta);

  /** The exact Fisher information matrix F(θ) (n×n, symmetric positive semi-definite). */
  DMatrixRMaj fisher(double[] theta);

  /**
   * Σ_i −log p_θ(x_i) over {@code data}, and −Σ_i ∇θ log p_θ(x_i) written into {@code gradient}
   * when it is not null. The default loops over {@link #logProb} and {@link #score}; families
   * override it when sufficient statistics make it much cheaper (the Gaussian needs no logarithm
   * per point).
   */
  default double sumNegativeLogLikelihood(double[] theta, double[][] data, double[] gradient) {
    double[] s = gradient == null ? null : new double[parameterDimension()];
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0.0);
    }
    double total = 0.0;
    for (double[] x : data) {
      total -= logProb(theta, x);
      if (gradient != null) {
        score(theta, x, s);
        for (int j = 0; j < s.length; j++) {
          gradient[j] -= s[j];
        }
      }
    }
    return total;
  }
}
