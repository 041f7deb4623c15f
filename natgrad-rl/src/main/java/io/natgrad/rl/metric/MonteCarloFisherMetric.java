package io.natgrad.rl.metric;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.linalg.OuterProductMean;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.metric.ScoreOuterProducts;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.policy.Policy;

/**
 * The Monte-Carlo Fisher (paper, Algorithm 2) from the batch's own actions: on-policy actions are
 * samples of the model, so the second moment of their scores is an unbiased estimate of the Fisher.
 * Its form follows the sample's unit:
 *
 * <pre>
 * EPISODE   G = (1/N) Σ_τ S_τ S_τᵀ,   S_τ = Σ_t ∇log π_θ(a_t|s_t)     the trajectory Fisher
 * STEP      G = (1/n) Σ_t s_t s_tᵀ,   s_t = ∇log π_θ(a_t|s_t)         the per-step Fisher
 * </pre>
 *
 * For a network policy per step it is matrix-free at the cost of one Fisher product
 * ({@link NeuralPolicy#scoreOuterOperator}); otherwise dense (d × d) for small parameter counts and
 * matrix-free beyond {@link #DENSE_LIMIT} parameters (v ↦ (1/m) Σ s (sᵀv), scores kept as rows).
 */
final class MonteCarloFisherMetric implements PolicyMetric {
  /** Above this many parameters the estimate stays matrix-free. */
  static final int DENSE_LIMIT = 256;

  @Override
  public String name() {
    return "mc-fisher";
  }

  @Override
  public Metric on(PolicySample sample) {
    return new Metric() {
      @Override
      public LinearOperator at(double[] theta) {
        if (sample.policy() instanceof NeuralPolicy np
            && sample.unit() == PolicySample.Unit.STEP) {
          Batch b = sample.batch();
          double[] ones = new double[b.size()];
          java.util.Arrays.fill(ones, 1.0);
          return np.scoreOuterOperator(theta, b.observations(), b.actions(), ones, b.size());
        }
        double[] rows = scores(sample, theta);
        int d = sample.policy().parameterDimension();
        int m = rows.length / d;
        if (d > DENSE_LIMIT) {
          return new OuterProductMean(rows, m, d);
        }
        ScoreOuterProducts acc = new ScoreOuterProducts(d);
        double[] s = new double[d];
        for (int i = 0; i < m; i++) {
          System.arraycopy(rows, i * d, s, 0, d);
          acc.add(s);
        }
        return LinearOperator.dense(acc.mean());
      }

      @Override
      public String name() {
        return "mc-fisher";
      }
    };
  }

  /** The score vectors, one row per episode (summed over its steps) or per step. */
  static double[] scores(PolicySample sample, double[] theta) {
    Policy policy = sample.policy();
    Batch batch = sample.batch();
    int d = policy.parameterDimension();
    boolean perEpisode = sample.unit() == PolicySample.Unit.EPISODE;
    int m = perEpisode ? batch.episodes() : batch.size();
    double[] rows = new double[m * d];
    double[] s = new double[d];
    if (!perEpisode) {
      for (int i = 0; i < batch.size(); i++) {
        policy.score(theta, batch.observation(i), batch.action(i), s);
        System.arraycopy(s, 0, rows, i * d, d);
      }
      return rows;
    }
    int[] off = batch.episodeOffsets();
    for (int e = 0; e < m; e++) {
      int o = e * d;
      for (int i = off[e]; i < off[e + 1]; i++) {
        policy.score(theta, batch.observation(i), batch.action(i), s);
        for (int j = 0; j < d; j++) {
          rows[o + j] += s[j];
        }
      }
    }
    return rows;
  }
}
