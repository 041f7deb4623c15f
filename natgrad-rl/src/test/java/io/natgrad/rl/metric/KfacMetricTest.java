package io.natgrad.rl.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code kfac} metric: its operator is exactly diag(A_l ⊗ S_l, 2I) built from the policy's
 * factors (1e-10), solved in closed form; exact where K-FAC is exact (a linear-Gaussian policy
 * μ = W s + b with fixed Σ, whose Fisher is E[s̄ s̄ᵀ] ⊗ Σ⁻¹); its running factors and refresh
 * period as documented, and through its state.
 */
class KfacMetricTest {

  static double relative(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj d = a.copy();
    CommonOps_DDRM.subtractEquals(d, b);
    return NormOps_DDRM.normF(d) / NormOps_DDRM.normF(b);
  }

  /** diag(A_l ⊗ S_l, …, 2I for a Gaussian's log σ) from the factors, with EJML's kron. */
  static DMatrixRMaj dense(NeuralPolicy p, DMatrixRMaj[][] f) {
    int d = p.parameterDimension();
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    int off = 0;
    for (DMatrixRMaj[] layer : f) {
      DMatrixRMaj k = CommonOps_DDRM.kron(layer[0], layer[1], null);
      CommonOps_DDRM.insert(k, m, off, off);
      off += k.numRows;
    }
    for (; off < d; off++) {
      m.set(off, off, 2.0);
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void theOperatorIsTheBlockDiagonalOfItsKroneckerFactors(boolean gaussian) {
    Rng r = Rng.of(gaussian ? 21 : 22);
    NeuralPolicy p = PolicyMetricsTest.policy(gaussian);
    double[] theta = p.initialParameters(r);
    for (int i = 0; i < theta.length; i++) {
      theta[i] += 0.3 * r.nextGaussian();
    }
    Batch b = PolicyMetricsTest.batch(p, theta, 40, r);
    DMatrixRMaj expected = dense(p, p.kfacFactors(theta, b.observations(), b.actions(),
        b.size()));
    LinearOperator g = PolicyMetric.KFAC.on(PolicySample.perStep(p, b)).at(theta);
    assertThat(relative(g.toDense(), expected)).isLessThan(1e-10);
    // the damped closed-form solve against a dense LU solve of G + λI
    LinearOperator damped = PolicyMetric.KFAC.on(PolicySample.perStep(p, b)).withDamping(0.01)
        .at(theta);
    int d = p.parameterDimension();
    double[] v = new double[d];
    for (int i = 0; i < d; i++) {
      v[i] = r.nextGaussian();
    }
    double[] solved = new double[d];
    ((io.natgrad.core.linalg.SolvableOperator) damped).solve(v, solved);
    DMatrixRMaj a = expected.copy();
    for (int i = 0; i < d; i++) {
      a.add(i, i, 0.01);
    }
    DMatrixRMaj x = new DMatrixRMaj(d, 1);
    assertThat(CommonOps_DDRM.solve(a, DMatrixRMaj.wrap(d, 1, v.clone()), x)).isTrue();
    assertThat(relative(DMatrixRMaj.wrap(d, 1, solved), x)).isLessThan(1e-10);
  }

  /** μ = W s + b, log σ fixed: a linear model, where K-FAC's factorization is exact. */
  private static GaussianMlpPolicy linearGaussian() {
    return new GaussianMlpPolicy(3, 2, new int[0], Activation.TANH, 0.0);
  }

  private static double[] linearTheta(Rng r) {
    double[] theta = new double[10];
    for (int i = 0; i < 8; i++) {
      theta[i] = r.nextGaussian();
    }
    theta[8] = -0.3; // log σ₁
    theta[9] = 0.4; // log σ₂
    return theta;
  }

  /** The exact Fisher's block of (W, b): the first 8 × 8 of (1/n) Σ Jᵢᵀ Mᵢ Jᵢ. */
  private static DMatrixRMaj weightBlock(DMatrixRMaj f) {
    return CommonOps_DDRM.extract(f, 0, 8, 0, 8);
  }

  @Test
  void linearGaussianWithExpectedFactorsIsTheExactFisher() {
    Rng r = Rng.of(5);
    GaussianMlpPolicy p = linearGaussian();
    double[] theta = linearTheta(r);
    Batch b = PolicyMetricsTest.batch(p, theta, 200, r);
    DMatrixRMaj exact = weightBlock(p.fisherOperator(theta, b.observations(), b.size())
        .toDense());
    DMatrixRMaj a = p.kfacFactors(theta, b.observations(), b.actions(), b.size())[0][0];
    // E_a[δ δᵀ] with δ = Σ⁻¹(a − μ) is Σ⁻¹ = diag(e^{−2 log σ})
    DMatrixRMaj sigmaInv = CommonOps_DDRM.diag(Math.exp(-2 * theta[8]), Math.exp(-2 * theta[9]));
    assertThat(relative(CommonOps_DDRM.kron(a, sigmaInv, null), exact)).isLessThan(1e-10);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void linearGaussianWithSampledActionsIsWithinFivePercent(boolean resample) {
    Rng r = Rng.of(6);
    GaussianMlpPolicy p = linearGaussian();
    double[] theta = linearTheta(r);
    Batch b = PolicyMetricsTest.batch(p, theta, 10_000, r);
    DMatrixRMaj exact = weightBlock(p.fisherOperator(theta, b.observations(), b.size())
        .toDense());
    PolicyMetric m = resample
        ? new KfacMetric(new KfacMetric.Settings(0, 1, true), Rng.of(77)) : PolicyMetric.KFAC;
    DMatrixRMaj kfac = weightBlock(m.on(PolicySample.perStep(p, b)).at(theta).toDense());
    // 10⁴ sampled actions: the bound the issue sets for the sampling error
    assertThat(relative(kfac, exact)).isLessThan(0.05);
  }

  @Test
  void runningFactorsAdvanceOncePerUpdateAndTheBlocksRefreshEveryKUpdates() {
    Rng r = Rng.of(8);
    NeuralPolicy p = PolicyMetricsTest.policy(true);
    double[] theta = p.initialParameters(r);
    KfacMetric m = new KfacMetric(new KfacMetric.Settings(0.5, 2, false), null);
    DMatrixRMaj[][][] f = new DMatrixRMaj[3][][];
    DMatrixRMaj[] g = new DMatrixRMaj[3];
    Batch[] batches = new Batch[3];
    for (int k = 0; k < 3; k++) {
      batches[k] = PolicyMetricsTest.batch(p, theta, 30, r);
      f[k] = p.kfacFactors(theta, batches[k].observations(), batches[k].actions(), 30);
      var metric = m.on(PolicySample.perStep(p, batches[k]));
      g[k] = metric.at(theta).toDense();
      assertThat(metric.at(theta).toDense().data).as("asked twice, advanced once")
          .containsExactly(g[k].data);
    }
    assertThat(relative(g[0], dense(p, f[0]))).isLessThan(1e-12);
    assertThat(g[1].data).as("kept until the refresh").containsExactly(g[0].data);
    // update 3 refreshes from r3 = ½(½ f1 + ½ f2) + ½ f3
    DMatrixRMaj[][] r3 = new DMatrixRMaj[f[0].length][2];
    for (int l = 0; l < r3.length; l++) {
      for (int k = 0; k < 2; k++) {
        r3[l][k] = f[0][l][k].copy();
        CommonOps_DDRM.scale(0.25, r3[l][k]);
        CommonOps_DDRM.addEquals(r3[l][k], 0.25, f[1][l][k]);
        CommonOps_DDRM.addEquals(r3[l][k], 0.5, f[2][l][k]);
      }
    }
    assertThat(relative(g[2], dense(p, r3))).isLessThan(1e-12);

    // the state continues the run exactly
    Map<String, double[]> state = m.state();
    assertThat(state.get("kfac/updates")).containsExactly(3);
    KfacMetric copy = new KfacMetric(new KfacMetric.Settings(0.5, 2, false), null);
    copy.restore(state, p);
    Batch next = PolicyMetricsTest.batch(p, theta, 30, r);
    for (int k = 0; k < 2; k++) { // update 4 keeps the blocks, update 5 refreshes
      assertThat(copy.on(PolicySample.perStep(p, next)).at(theta).toDense().data)
          .containsExactly(m.on(PolicySample.perStep(p, next)).at(theta).toDense().data);
    }
    assertThat(copy.state().keySet()).isEqualTo(m.state().keySet());
  }

  @Test
  void theResampledActionsStreamIsState() {
    Rng r = Rng.of(9);
    NeuralPolicy p = PolicyMetricsTest.policy(false);
    double[] theta = p.initialParameters(r);
    Batch b = PolicyMetricsTest.batch(p, theta, 50, r);
    KfacMetric m = new KfacMetric(new KfacMetric.Settings(0.9, 1, true), Rng.of(4));
    m.on(PolicySample.perStep(p, b)).at(theta);
    KfacMetric copy = new KfacMetric(new KfacMetric.Settings(0.9, 1, true), Rng.of(123));
    copy.restore(m.state(), p);
    assertThat(copy.on(PolicySample.perStep(p, b)).at(theta).toDense().data)
        .containsExactly(m.on(PolicySample.perStep(p, b)).at(theta).toDense().data);
    assertThat(KfacMetric.doublesAsLongs(KfacMetric.longsAsDoubles(
        new long[] {-1L, Long.MIN_VALUE, 0x123456789abcdefL}))).containsExactly(-1L,
        Long.MIN_VALUE, 0x123456789abcdefL);
  }

  @Test
  void refusals() {
    assertThatThrownBy(() -> new KfacMetric.Settings(1.0, 1, false))
        .hasMessageContaining("kfac_decay must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> new KfacMetric.Settings(0.5, 0, false))
        .hasMessageContaining("kfac_refresh must be >= 1, got 0");
    NeuralPolicy p = PolicyMetricsTest.policy(false);
    Rng r = Rng.of(1);
    double[] theta = p.initialParameters(r);
    Batch b = PolicyMetricsTest.batch(p, theta, 5, r);
    assertThatThrownBy(() -> PolicyMetric.KFAC.on(PolicySample.perEpisode(p, b)))
        .hasMessageContaining("metric kfac is a per-step estimate");
    KfacMetric m = new KfacMetric(new KfacMetric.Settings(0.5, 1, false), null);
    var metric = m.on(PolicySample.perStep(p, b));
    metric.at(theta);
    double[] other = theta.clone();
    other[0] += 1;
    assertThatThrownBy(() -> metric.at(other)).hasMessageContaining("advance once per update");
  }
}
