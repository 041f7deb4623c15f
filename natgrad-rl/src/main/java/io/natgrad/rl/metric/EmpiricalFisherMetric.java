package io.natgrad.rl.metric;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.metric.ScoreOuterProducts;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.policy.Policy;

/**
 * The empirical Fisher of the surrogate: the mean outer product of its per-sample gradients
 * gᵢ = ψᵢ ∇log π(aᵢ|sᵢ) (Kunstner et al. 2019, the paper's reference 4; what Adam-style second
 * moments use), G = (1/m) Σ gᵢ gᵢᵀ — per step for the per-step estimator (matrix-free for a network
 * policy: {@link NeuralPolicy#scoreOuterOperator} with weights ψᵢ²), per trajectory for the
 * paper's (g_τ = Σₜ ψₜ ∇log π). Unlike the Monte-Carlo Fisher it weights each score by its
 * advantage, which is why it is a poor stand-in for the Fisher; it is here to show that.
 */
final class EmpiricalFisherMetric implements PolicyMetric {

  @Override
  public String name() {
    return "empirical-fisher";
  }

  @Override
  public Metric on(PolicySample sample) {
    if (sample.psi() == null) {
      throw new IllegalArgumentException("the empirical Fisher needs the surrogate's weights "
          + "(advantages): estimate it on the surrogate's sample");
    }
    return new Metric() {
      @Override
      public LinearOperator at(double[] theta) {
        Batch b = sample.batch();
        double[] psi = sample.psi();
        if (sample.policy() instanceof NeuralPolicy np
            && sample.unit() == PolicySample.Unit.STEP) {
          double[] w = new double[psi.length];
          for (int i = 0; i < w.length; i++) {
            w[i] = psi[i] * psi[i];
          }
          return np.scoreOuterOperator(theta, b.observations(), b.actions(), w, b.size());
        }
        Policy policy = sample.policy();
        int d = policy.parameterDimension();
        boolean perEpisode = sample.unit() == PolicySample.Unit.EPISODE;
        int[] off = b.episodeOffsets();
        ScoreOuterProducts acc = new ScoreOuterProducts(d);
        double[] s = new double[d];
        double[] g = new double[d];
        int groups = perEpisode ? b.episodes() : b.size();
        for (int e = 0; e < groups; e++) {
          java.util.Arrays.fill(g, 0.0);
          int from = perEpisode ? off[e] : e;
          int to = perEpisode ? off[e + 1] : e + 1;
          for (int i = from; i < to; i++) {
            policy.score(theta, b.observation(i), b.action(i), s);
            for (int j = 0; j < d; j++) {
              g[j] += psi[i] * s[j];
            }
          }
          acc.add(g);
        }
        return LinearOperator.dense(acc.mean());
      }

      @Override
      public String name() {
        return "empirical-fisher";
      }
    };
  }
}
