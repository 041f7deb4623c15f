package io.natgrad.rl.algo;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.metric.ScoreOuterProducts;
import io.natgrad.rl.policy.Policy;
import io.natgrad.rl.batch.Batch;
import org.ejml.data.DMatrixRMaj;

/**
 * The metric G of a policy-gradient update, built from the batch at θ: Euclidean (REINFORCE) or the
 * Fisher information of the trajectory distribution (the natural policy gradient, Kakade 2002).
 * Because the environment's dynamics do not depend on θ, the trajectory Fisher is the expected sum
 * of the per-step policy Fishers:
 *
 * <pre>
 * EXACT_FISHER     G = (1/N) Σ_steps F(θ; s_t)               (= T·F(θ) for a state-independent policy)
 * SAMPLED_FISHER   G = (1/N) Σ_τ S_τ S_τᵀ,  S_τ = Σ_t ∇log π_θ(a_t|s_t)   (Monte-Carlo, Algorithm 2)
 * </pre>
 */
public enum PolicyMetric {
  /** G = I: plain (REINFORCE) policy gradient. */
  EUCLIDEAN("euclidean"),
  /** The exact trajectory Fisher from the policy's closed-form per-step Fisher. */
  EXACT_FISHER("exact"),
  /** The Monte-Carlo trajectory Fisher from the batch's trajectory score vectors. */
  SAMPLED_FISHER("sampled");

  private final String label;

  PolicyMetric(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static PolicyMetric parse(String s) {
    for (PolicyMetric m : values()) {
      if (m.label.equals(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "metric must be euclidean, exact or sampled, got '" + s + "'");
  }

  /** G(θ) for this batch of N complete episodes, plus λI. */
  public LinearOperator at(Policy policy, double[] theta, Batch batch, double damping) {
    int n = policy.parameterDimension();
    int episodes = batch.episodes();
    LinearOperator g = switch (this) {
      case EUCLIDEAN -> LinearOperator.identity(n);
      case EXACT_FISHER -> {
        DMatrixRMaj sum = new DMatrixRMaj(n, n);
        for (int i = 0; i < batch.size(); i++) {
          DMatrixRMaj f = policy.fisher(theta, batch.observation(i));
          for (int k = 0; k < sum.data.length; k++) {
            sum.data[k] += f.data[k];
          }
        }
        for (int k = 0; k < sum.data.length; k++) {
          sum.data[k] /= episodes;
        }
        yield LinearOperator.dense(sum);
      }
      case SAMPLED_FISHER -> LinearOperator.dense(trajectoryScores(policy, theta, batch).mean());
    };
    return g.plusDamping(damping);
  }

  /** The outer products of the trajectory scores S_τ = Σ_t ∇log π_θ(a_t|s_t). */
  static ScoreOuterProducts trajectoryScores(Policy policy, double[] theta, Batch batch) {
    int n = policy.parameterDimension();
    ScoreOuterProducts acc = new ScoreOuterProducts(n);
    double[] s = new double[n];
    double[] total = new double[n];
    int[] off = batch.episodeOffsets();
    for (int e = 0; e < batch.episodes(); e++) {
      java.util.Arrays.fill(total, 0.0);
      for (int i = off[e]; i < off[e + 1]; i++) {
        policy.score(theta, batch.observation(i), batch.action(i), s);
        for (int j = 0; j < n; j++) {
          total[j] += s[j];
        }
      }
      acc.add(total);
    }
    return acc;
  }
}
