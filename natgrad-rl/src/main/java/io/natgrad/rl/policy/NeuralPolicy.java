package io.natgrad.rl.policy;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.rl.nn.Mlp;

/**
 * A policy whose action distribution is computed by an {@link Mlp} from the observation, with
 * batched operations on n steps given as flat row-major arrays (observations n × obsDim, actions
 * n × actionDim):
 *
 * <ul>
 *   <li>log π for every step, and ∇θ Σᵢ wᵢ log π(aᵢ|sᵢ) by one forward and one reverse pass;
 *   <li>the mean KL(π_old(·|sᵢ) ‖ π_new(·|sᵢ)) over the steps, and its gradient in θ_new;
 *   <li>the Fisher–vector product v ↦ F v with F = (1/n) Σᵢ Jᵢᵀ Mᵢ Jᵢ, Jᵢ the Jacobian of the
 *       distribution parameters at sᵢ and Mᵢ their closed-form Fisher (Schulman et al. 2015,
 *       appendix C) — one forward-mode and one reverse pass per product, no double backpropagation,
 *       the forward activations cached across the products of one solve.
 * </ul>
 * F is the Hessian of the mean KL at θ_new = θ_old, the metric of the natural policy gradient.
 */
public interface NeuralPolicy extends Policy {

  /** The network computing the distribution parameters. */
  Mlp network();

  /** The observation dimension. */
  default int observationDim() {
    return network().inputDim();
  }

  /** log π_θ(aᵢ|sᵢ) for n steps into {@code out}. */
  void logProbs(double[] theta, double[] observations, double[] actions, int n, double[] out);

  /** ∇θ Σᵢ wᵢ log π_θ(aᵢ|sᵢ) into {@code out} (overwritten). */
  void weightedScoreSum(double[] theta, double[] observations, double[] actions, int n,
      double[] weights, double[] out);

  /** (1/n) Σᵢ KL(π_old(·|sᵢ) ‖ π_new(·|sᵢ)). */
  double meanKl(double[] thetaOld, double[] thetaNew, double[] observations, int n);

  /** ∇ in θ_new of {@link #meanKl}, into {@code out} (overwritten). */
  void meanKlGradient(double[] thetaOld, double[] thetaNew, double[] observations, int n,
      double[] out);

  /** (1/n) Σᵢ H(π_θ(·|sᵢ)). */
  double meanEntropy(double[] theta, double[] observations, int n);

  /** ∇θ of {@link #meanEntropy}, into {@code out} (overwritten). */
  void meanEntropyGradient(double[] theta, double[] observations, int n, double[] out);

  /**
   * The network's outputs at θ for n observations (a copy), for {@link #logProbsAndMeanKl}; null
   * when the policy has no such shortcut.
   */
  default double[] outputs(double[] theta, double[] observations, int n) {
    return null;
  }

  /**
   * log π_θ(aᵢ|sᵢ) into {@code logProbs} and the mean KL(π_old ‖ π_θ) — a line-search trial's two
   * numbers — from one forward pass at θ, π_old given by its parameters and its
   * {@link #outputs} on the same observations. The same bits as {@link #logProbs} and
   * {@link #meanKl}, which the default calls.
   */
  default double logProbsAndMeanKl(double[] thetaOld, double[] outputsOld, double[] theta,
      double[] observations, double[] actions, int n, double[] logProbs) {
    logProbs(theta, observations, actions, n, logProbs);
    return meanKl(thetaOld, theta, observations, n);
  }

  /** Chooses the per-step weights of a surrogate step from the log-probabilities. */
  @FunctionalInterface
  interface StepWeights {
    /**
     * Fills {@code weights[0..n)} from {@code logProbs[0..n)}; returns false to skip the gradient
     * (e.g. PPO's KL early stop).
     */
    boolean choose(double[] logProbs, double[] weights);
  }

  /**
   * One policy-gradient step's evaluation with one forward and at most one reverse pass (PPO's
   * minibatch): writes log π_θ(aᵢ|sᵢ) into {@code logProbs}; asks {@code weights} for wᵢ; if it
   * agrees, writes ∇θ [Σᵢ wᵢ log π_θ(aᵢ|sᵢ) − c·H̄] into {@code out} (c = {@code entCoef}).
   * Returns H̄ = (1/n) Σᵢ H(π_θ(·|sᵢ)). The default composes the single-purpose methods.
   */
  default double surrogateStep(double[] theta, double[] observations, double[] actions, int n,
      double[] logProbs, StepWeights weights, double entCoef, double[] out) {
    logProbs(theta, observations, actions, n, logProbs);
    double[] w = new double[n];
    double entropy = meanEntropy(theta, observations, n);
    if (!weights.choose(logProbs, w)) {
      return entropy;
    }
    weightedScoreSum(theta, observations, actions, n, w, out);
    if (entCoef > 0) {
      double[] g = new double[out.length];
      meanEntropyGradient(theta, observations, n, g);
      for (int k = 0; k < out.length; k++) {
        out[k] -= entCoef * g[k];
      }
    }
    return entropy;
  }

  /** The Fisher operator v ↦ F v at θ over n observations (activations computed once). */
  LinearOperator fisherOperator(double[] theta, double[] observations, int n);

  /**
   * The weighted second moment of the scores at the given actions, v ↦ (1/n) Σᵢ wᵢ sᵢ (sᵢᵀ v) with
   * sᵢ = ∇θ log π_θ(aᵢ|sᵢ), matrix-free at the cost of one Fisher product (sᵢᵀv = eᵢᵀ(Jᵢv) by the
   * forward-mode pass, eᵢ the score in the distribution's parameters): with w = 1 and on-policy
   * actions the Monte-Carlo Fisher, with wᵢ = Âᵢ² the empirical Fisher of the surrogate.
   */
  LinearOperator scoreOuterOperator(double[] theta, double[] observations, double[] actions,
      double[] weights, int n);

  /**
   * The diagonal of {@link #fisherOperator}, exactly, from each row's Jacobian of the network's
   * outputs (one reverse pass per row and output).
   */
  double[] fisherDiagonal(double[] theta, double[] observations, int n);

  /**
   * K-FAC's factors {A_l, S_l} of every layer (Martens and Grosse 2015; {@link Mlp#kfacFactors}) at
   * the given actions — the batch's own on-policy actions, as ACKTR uses them: δ is the gradient of
   * log π(aᵢ|sᵢ) at each layer's pre-activations, never weighted by advantages. The Gaussian
   * policy's log σ is not a network parameter and has no factors (its Fisher block is exact).
   */
  org.ejml.data.DMatrixRMaj[][] kfacFactors(double[] theta, double[] observations,
      double[] actions, int n);

  /** Initial parameters (SB3-style orthogonal initialization) from a seeded generator. */
  double[] initialParameters(io.natgrad.core.random.Rng rng);
}
