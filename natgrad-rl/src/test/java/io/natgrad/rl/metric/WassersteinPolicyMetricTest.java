package io.natgrad.rl.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.nn.Mlp;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The Wasserstein metric of a Gaussian network policy: the operator equals its dense construction
 * G = 2 (1/n) Σᵢ (J_μ,ᵢᵀJ_μ,ᵢ + J_σ,ᵢᵀJ_σ,ᵢ) from per-row Jacobians (1e-10), G is the Hessian of the
 * closed-form mean W₂² at the current parameters (central differences, 1e-6), and the closed form
 * agrees with the 1-D quantile formula W₂² = ∫₀¹ (F⁻¹(u) − G⁻¹(u))² du per action coordinate.
 * Random policies and states from seeded generators.
 */
class WassersteinPolicyMetricTest {

  static GaussianMlpPolicy policy() {
    return (GaussianMlpPolicy) PolicyMetricsTest.policy(true);
  }

  static double[] perturbed(NeuralPolicy p, Rng r) {
    double[] theta = p.initialParameters(r);
    for (int i = 0; i < theta.length; i++) {
      theta[i] += 0.3 * r.nextGaussian();
    }
    return theta;
  }

  @Test
  void operatorEqualsTwiceTheMeanJacobianGram() {
    Rng r = Rng.of(21);
    GaussianMlpPolicy p = policy();
    double[] theta = perturbed(p, r);
    int n = 7;
    Batch b = PolicyMetricsTest.batch(p, theta, n, r);
    int dim = p.parameterDimension();
    int d = p.actionDimension();
    int net = dim - d;
    Mlp mlp = p.network();
    DMatrixRMaj dense = new DMatrixRMaj(dim, dim);
    Mlp.Workspace ws = mlp.workspace(1);
    for (int i = 0; i < n; i++) {
      mlp.forward(theta, b.observation(i), 1, ws, null);
      for (int j = 0; j < d; j++) {
        double[] unit = new double[d];
        unit[j] = 1;
        double[] jac = new double[dim];
        mlp.backward(theta, unit, ws, jac, null); // row j of J_μ at state i
        for (int x = 0; x < net; x++) {
          for (int y = 0; y < net; y++) {
            dense.data[x * dim + y] += 2.0 * jac[x] * jac[y] / n;
          }
        }
      }
    }
    for (int j = 0; j < d; j++) {
      double sigma = Math.exp(theta[net + j]); // ∂σ/∂log σ = σ
      dense.set(net + j, net + j, 2.0 * sigma * sigma);
    }
    DMatrixRMaj op = PolicyMetric.WASSERSTEIN.on(PolicySample.perStep(p, b)).at(theta).toDense();
    assertThat(PolicyMetricsTest.relativeDiff(op, dense)).isLessThan(1e-10);
  }

  @Test
  void isTheHessianOfTheMeanSquaredW2() {
    Rng r = Rng.of(22);
    GaussianMlpPolicy p = policy();
    double[] theta = perturbed(p, r);
    int n = 6;
    Batch b = PolicyMetricsTest.batch(p, theta, n, r);
    int dim = p.parameterDimension();
    DMatrixRMaj g = PolicyMetric.WASSERSTEIN.on(PolicySample.perStep(p, b)).at(theta).toDense();
    double h = 1e-4;
    double maxErr = 0;
    double scale = 0;
    for (int a = 0; a < dim; a++) {
      for (int c = a; c < dim; c++) {
        double fd = (w2(p, b, theta, a, h, c, h) - w2(p, b, theta, a, h, c, -h)
            - w2(p, b, theta, a, -h, c, h) + w2(p, b, theta, a, -h, c, -h)) / (4 * h * h);
        maxErr = Math.max(maxErr, Math.abs(fd - g.get(a, c)));
        scale = Math.max(scale, Math.abs(g.get(a, c)));
      }
    }
    assertThat(scale).isGreaterThan(0.1);
    assertThat(maxErr).isLessThan(1e-6);
  }

  private static double w2(GaussianMlpPolicy p, Batch b, double[] theta, int a, double ha, int c,
      double hc) {
    double[] t = theta.clone();
    t[a] += ha;
    t[c] += hc;
    return p.meanW2Squared(theta, t, b.observations(), b.size());
  }

  @Test
  void closedFormAgreesWithTheQuantileFormula() {
    Rng r = Rng.of(23);
    GaussianMlpPolicy p = policy();
    double[] theta = perturbed(p, r);
    double[] other = perturbed(p, r);
    int n = 3;
    Batch b = PolicyMetricsTest.batch(p, theta, n, r);
    int d = p.actionDimension();
    int net = p.parameterDimension() - d;
    double[] mu1 = PolicyMetricsTest.means(p, theta, b);
    double[] mu2 = PolicyMetricsTest.means(p, other, b);
    NormalDistribution z = new NormalDistribution(0, 1);
    int m = 100_000;
    double[] q = new double[m];
    for (int k = 0; k < m; k++) {
      q[k] = z.inverseCumulativeProbability((k + 0.5) / m);
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        // per coordinate (independent coordinates: W₂² of the product is the sum), midpoint rule
        double s1 = Math.exp(theta[net + j]);
        double s2 = Math.exp(other[net + j]);
        double sum = 0;
        for (int k = 0; k < m; k++) {
          double diff = (mu1[i * d + j] + s1 * q[k]) - (mu2[i * d + j] + s2 * q[k]);
          sum += diff * diff / m;
        }
        total += sum / n;
      }
    }
    // the midpoint rule's error is in the tails, ≈ 2e-4 relative to (Δσ)² here
    assertThat(p.meanW2Squared(theta, other, b.observations(), n))
        .isCloseTo(total, within(1e-3 * (1 + total)));
  }

  @Test
  void categoricalPoliciesAreRefusedSayingWhy() {
    NeuralPolicy p = PolicyMetricsTest.policy(false);
    Rng r = Rng.of(24);
    double[] theta = p.initialParameters(r);
    Batch b = PolicyMetricsTest.batch(p, theta, 3, r);
    assertThatThrownBy(() -> PolicyMetric.WASSERSTEIN.on(PolicySample.perStep(p, b)))
        .hasMessageContaining("needs a Gaussian policy")
        .hasMessageContaining("discrete actions are unordered");
  }
}
