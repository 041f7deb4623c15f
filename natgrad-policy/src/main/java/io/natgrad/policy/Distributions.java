package io.natgrad.policy;

import java.util.random.RandomGenerator;

/**
 * The action distributions' math a deployed policy needs — Gaussian sampling with a shared log σ,
 * softmax, inverse-CDF sampling and the mode of logits — in the same operation order as the
 * trainer's ({@code io.natgrad.core.dist.DiagonalGaussian} and {@code Categorical}), so that a
 * deployed policy draws the trainer's actions bit for bit. natgrad-policy depends on nothing of
 * natgrad, hence this copy; the trainer's tests check it against the originals.
 */
public final class Distributions {
  private Distributions() {}

  /** a_j = μ_j + exp(log σ_j) ε_j, ε_j = rng.nextGaussian() in order, into out[0 .. d). */
  public static void gaussianSample(double[] mu, double[] logStd, int lsOff, int d,
      RandomGenerator rng, double[] out) {
    for (int j = 0; j < d; j++) {
      out[j] = mu[j] + Math.exp(logStd[lsOff + j]) * rng.nextGaussian();
    }
  }

  /** Softmax of logits[0 .. k) into p (max-shifted), as the trainer computes it. */
  public static void softmax(double[] logits, int k, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, logits[j]);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      p[j] = Math.exp(logits[j] - max);
      sum += p[j];
    }
    for (int j = 0; j < k; j++) {
      p[j] /= sum;
    }
  }

  /** The category of u ∈ [0, 1) by the inverse CDF of p[0 .. k) (the last one on overflow). */
  public static int sampleIndex(double[] p, int k, double u) {
    double c = 0;
    for (int j = 0; j < k; j++) {
      c += p[j];
      if (u < c) {
        return j;
      }
    }
    return k - 1;
  }

  /** The first index of the largest logit. */
  public static int argMax(double[] logits, int k) {
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (logits[j] > logits[best]) {
        best = j;
      }
    }
    return best;
  }
}
