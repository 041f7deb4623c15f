package io.natgrad.rl.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.policy.CategoricalMlpPolicy;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network policies' metrics against their dense constructions from per-sample scores (each
 * sᵢ = ∇log π(aᵢ|sᵢ) by the policy's own one-row score): the Monte-Carlo Fisher (1/n) Σ sᵢsᵢᵀ, the
 * empirical Fisher (1/n) Σ ψᵢ² sᵢsᵢᵀ, the diagonal of the exact Fisher; each symmetric, positive
 * semi-definite, and giving a descent direction. Random policies, states, actions and weights from
 * seeded generators; tolerance 1e-10 relative.
 */
class PolicyMetricsTest {

  static NeuralPolicy policy(boolean gaussian) {
    return gaussian ? new GaussianMlpPolicy(3, 2, new int[] {5}, Activation.TANH, -0.3)
        : new CategoricalMlpPolicy(3, 3, new int[] {5}, Activation.TANH);
  }

  /** n steps of random states with actions drawn from the policy and their log-probabilities. */
  static Batch batch(NeuralPolicy p, double[] theta, int n, Rng r) {
    int od = 3;
    int ad = p.actionDimension();
    double[] obs = new double[n * od];
    for (int i = 0; i < obs.length; i++) {
      obs[i] = r.nextGaussian();
    }
    double[] actions = new double[n * ad];
    double[] lp = new double[n];
    double[] a = new double[ad];
    for (int i = 0; i < n; i++) {
      double[] o = java.util.Arrays.copyOfRange(obs, i * od, (i + 1) * od);
      lp[i] = p.sampleWithLogProb(theta, o, r, a);
      System.arraycopy(a, 0, actions, i * ad, ad);
    }
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
    }
    boolean[] trunc = new boolean[n];
    trunc[n - 1] = true;
    return new Batch(od, ad, obs, actions, new double[n], new boolean[n], trunc, lp, t,
        new int[] {0, n}, new double[od]);
  }

  /** μ_θ(sᵢ) for the batch's states, n × d. */
  static double[] means(NeuralPolicy p, double[] theta, Batch b) {
    int d = p.actionDimension();
    double[] out = new double[b.size() * d];
    io.natgrad.rl.nn.Mlp.Workspace ws = p.network().workspace(1);
    double[] row = new double[d];
    for (int i = 0; i < b.size(); i++) {
      p.network().forward(theta, b.observation(i), 1, ws, row);
      System.arraycopy(row, 0, out, i * d, d);
    }
    return out;
  }

  static double relativeDiff(DMatrixRMaj a, DMatrixRMaj b) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < a.data.length; i++) {
      diff += (a.data[i] - b.data[i]) * (a.data[i] - b.data[i]);
      norm += b.data[i] * b.data[i];
    }
    return Math.sqrt(diff / Math.max(norm, 1e-300));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void operatorsEqualTheirDenseConstructions(boolean gaussian) {
    Rng r = Rng.of(gaussian ? 11 : 12);
    NeuralPolicy p = policy(gaussian);
    double[] theta = p.initialParameters(r);
    for (int i = 0; i < theta.length; i++) {
      theta[i] += 0.3 * r.nextGaussian();
    }
    int n = 9;
    Batch b = batch(p, theta, n, r);
    double[] psi = new double[n];
    for (int i = 0; i < n; i++) {
      psi[i] = r.nextGaussian();
    }
    int d = p.parameterDimension();
    DMatrixRMaj mc = new DMatrixRMaj(d, d);
    DMatrixRMaj emp = new DMatrixRMaj(d, d);
    double[] s = new double[d];
    for (int i = 0; i < n; i++) {
      p.score(theta, b.observation(i), b.action(i), s);
      for (int x = 0; x < d; x++) {
        for (int y = 0; y < d; y++) {
          mc.data[x * d + y] += s[x] * s[y] / n;
          emp.data[x * d + y] += psi[i] * psi[i] * s[x] * s[y] / n;
        }
      }
    }
    PolicySample sample = PolicySample.perStep(p, b).withPsi(psi);
    DMatrixRMaj mcOp = PolicyMetric.MC_FISHER.on(sample).at(theta).toDense();
    DMatrixRMaj empOp = PolicyMetric.EMPIRICAL_FISHER.on(sample).at(theta).toDense();
    assertThat(relativeDiff(mcOp, mc)).isLessThan(1e-10);
    assertThat(relativeDiff(empOp, emp)).isLessThan(1e-10);
    DMatrixRMaj fisher = PolicyMetric.FISHER.on(sample).at(theta).toDense();
    DMatrixRMaj diag = PolicyMetric.DIAGONAL_FISHER.on(sample).at(theta).toDense();
    for (int x = 0; x < d; x++) {
      assertThat(diag.get(x, x)).isCloseTo(fisher.get(x, x),
          org.assertj.core.data.Offset.offset(1e-10 * (1 + Math.abs(fisher.get(x, x)))));
    }
    double[] grad = new double[d];
    for (int i = 0; i < d; i++) {
      grad[i] = r.nextGaussian();
    }
    for (PolicyMetric m : PolicyMetric.BY_NAME.values()) {
      if (m == PolicyMetric.WASSERSTEIN && !gaussian) {
        continue; // refused for categorical policies (WassersteinPolicyMetricTest)
      }
      LinearOperator g = m.on(sample).withDamping(1e-3).at(theta);
      DMatrixRMaj dense = g.toDense();
      for (int x = 0; x < d; x++) {
        for (int y = 0; y < d; y++) {
          assertThat(dense.get(x, y)).as("%s symmetric", m.name())
              .isCloseTo(dense.get(y, x), org.assertj.core.data.Offset.offset(1e-12));
        }
      }
      for (int k = 0; k < 5; k++) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
          v[i] = r.nextGaussian();
        }
        assertThat(g.quadraticForm(v)).as("%s positive", m.name()).isPositive();
      }
      double[] dir = DirectionSolver.direct().solve(g, grad).direction();
      assertThat(io.natgrad.core.linalg.Vectors.dot(grad, dir)).as("%s descent", m.name())
          .isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fisher", "mc-fisher", "empirical-fisher", "diagonal-fisher",
      "euclidean", "wasserstein", "kfac", "exact", "sampled"})
  void everyNameIsAMetric(String name) {
    assertThat(PolicyMetric.named(name).name()).isIn(PolicyMetric.names());
  }

  @org.junit.jupiter.api.Test
  void theEmpiricalFisherNeedsTheSurrogatesWeightsAndUnknownNamesAreRefused() {
    NeuralPolicy p = policy(false);
    Rng r = Rng.of(3);
    double[] theta = p.initialParameters(r);
    Batch b = batch(p, theta, 4, r);
    assertThatThrownBy(() -> PolicyMetric.EMPIRICAL_FISHER.on(PolicySample.perStep(p, b)))
        .hasMessageContaining("needs the surrogate's weights");
    assertThatThrownBy(() -> PolicyMetric.named("kfac2"))
        .hasMessageContaining("metric must be one of").hasMessageContaining("'kfac2'");
  }
}
