package io.natgrad.rl.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.algo.NaturalPolicyUpdate;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.value.LinearFeatureBaseline;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TRPO with {@code metric: wasserstein}: the line search checks the closed-form mean W₂² against
 * target_kl instead of the KL. On random batches (random advantages, default cg_damping 0.1) the
 * accepted full step's mean W₂² is at most target_kl and more than half of it (the damped model
 * overestimates); the Fisher step on the same batch bounds the KL instead and is another step.
 * (With cg_damping 1e-4 both metrics' full steps overshoot their divergence about 2× through
 * near-null directions of G, and the line search backtracks: measured, not asserted.)
 */
class WassersteinTrustRegionTest {

  static NaturalPolicyUpdate update(String metric, double targetKl, GaussianMlpPolicy p) {
    Map<String, Object> m = new HashMap<>();
    m.put("env", "Pendulum-v1");
    m.put("algo", "trpo");
    m.put("target_kl", targetKl);
    m.put("metric", metric);
    return new NaturalPolicyUpdate(p, new LinearFeatureBaseline(3), TrainConfig.fromMap(m),
        PolicyMetric.named(metric), Rng.of(0));
  }

  @Test
  void theLineSearchBoundsTheMeanSquaredW2() {
    GaussianMlpPolicy p = new GaussianMlpPolicy(3, 1, new int[] {8}, io.natgrad.rl.nn.Activation.TANH,
        0.0);
    for (int seed = 0; seed < 5; seed++) {
      Rng r = Rng.of(100 + seed);
      double[] theta = p.initialParameters(r);
      int n = 64;
      Batch b = PolicyMetricsTest.batch(p, theta, n, r);
      double[] adv = new double[n];
      for (int i = 0; i < n; i++) {
        adv[i] = r.nextGaussian();
      }
      double eps = 0.01;
      NaturalPolicyUpdate.Step w = update("wasserstein", eps, p).policyStep(theta, b, adv);
      assertThat(w.stats().lineSearchSuccess()).as(w.stats().toString()).isTrue();
      double w2 = p.meanW2Squared(theta, w.theta(), b.observations(), n);
      // the damped model ½β²dᵀ(G + 0.1 I)d = ε overestimates the undamped one: 0.77–0.82 ε here
      assertThat(w2).isLessThanOrEqualTo(eps).isGreaterThan(0.5 * eps);
      assertThat(w.stats().backtracks()).isZero();
      assertThat(w.stats().measuredDivergence()).isEqualTo(w2);
      assertThat(w.stats().measuredKl()).isEqualTo(p.meanKl(theta, w.theta(), b.observations(), n));
      NaturalPolicyUpdate.Step f = update("fisher", eps, p).policyStep(theta, b, adv);
      assertThat(f.stats().measuredKl()).isLessThanOrEqualTo(eps);
      assertThat(f.stats().measuredDivergence()).isNaN();
      assertThat(f.theta()).isNotEqualTo(w.theta());
    }
  }
}
