package io.natgrad.rl.policy;

import io.natgrad.rl.batch.Batch;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A parameterized stochastic policy π_θ(a | s) on flat parameters θ.
 *
 * <p>Everything a policy-gradient method needs: sampling, log π, the score ∇θ log π, the weighted
 * batch gradient ∇θ Σᵢ wᵢ log π(aᵢ|sᵢ), and the exact per-state Fisher
 * F(θ; s) = E_{a∼π(·|s)}[∇log π ∇log πᵀ].
 */
public interface Policy {

  /** n, the length of θ. */
  int parameterDimension();

  /** The length of an action's flat encoding. */
  int actionDimension();

  /** Names of θ's components. */
  String[] parameterNames();

  /** Checks θ, naming the offending component. */
  void validate(double[] theta);

  /** Draws a ∼ π_θ(·|s) into {@code action}. */
  void sample(double[] theta, double[] observation, RandomGenerator rng, double[] action);

  /**
   * Draws a ∼ π_θ(·|s) into {@code action} and returns log π_θ(a|s). The default calls
   * {@link #sample} then {@link #logProb}; network policies do both with one forward pass.
   */
  default double sampleWithLogProb(
      double[] theta, double[] observation, RandomGenerator rng, double[] action) {
    sample(theta, observation, rng, action);
    return logProb(theta, observation, action);
  }

  /**
   * Samples one action per row of {@code observations} (n × obsDim), row i from {@code rngs[i]},
   * writing actions (n × actionDim) and their log-probabilities. Each row's result equals
   * {@link #sampleWithLogProb} on that row alone; network policies evaluate all rows in one pass.
   */
  default void sampleBatch(double[] theta, double[] observations, int n,
      RandomGenerator[] rngs, double[] actions, double[] logProbs) {
    int od = observations.length / Math.max(n, 1);
    int ad = actionDimension();
    double[] a = new double[ad];
    for (int i = 0; i < n; i++) {
      double[] o = java.util.Arrays.copyOfRange(observations, i * od, (i + 1) * od);
      logProbs[i] = sampleWithLogProb(theta, o, rngs[i], a);
      System.arraycopy(a, 0, actions, i * ad, ad);
    }
  }

  /** The deterministic action (the mode of π_θ(·|s)), for evaluation. */
  void mode(double[] theta, double[] observation, double[] action);

  /** log π_θ(a|s). */
  double logProb(double[] theta, double[] observation, double[] action);

  /** Writes ∇θ log π_θ(a|s) into {@code out}. */
  void score(double[] theta, double[] observation, double[] action, double[] out);

  /** The exact Fisher F(θ; s) of the action distribution at state s. */
  DMatrixRMaj fisher(double[] theta, double[] observation);

  /**
   * Writes ∇θ Σᵢ wᵢ log π_θ(aᵢ|sᵢ) over the batch's steps into {@code out}. The default loops over
   * {@link #score}; network policies override it with one reverse pass.
   */
  default void weightedScoreSum(double[] theta, Batch batch, double[] weights, double[] out) {
    if (weights.length != batch.size()) {
      throw new IllegalArgumentException(
          "weights have length " + weights.length + ", batch has " + batch.size() + " steps");
    }
    java.util.Arrays.fill(out, 0.0);
    double[] s = new double[parameterDimension()];
    for (int i = 0; i < batch.size(); i++) {
      score(theta, batch.observation(i), batch.action(i), s);
      for (int j = 0; j < s.length; j++) {
        out[j] += weights[i] * s[j];
      }
    }
  }
}
