package io.natgrad.rl.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.dist.Scale;
import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.FixedLearningRate;
import io.natgrad.core.optim.Projection;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.LinearGaussianWalk;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.policy.GaussianPolicy;
import io.natgrad.rl.sample.SerialSampler;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Monte-Carlo returns, the REINFORCE gradient and the natural gradient of the toy task against the
 * closed form J(μ, σ; T) = −(Aμ² + Bσ²).
 */
class ToyTaskGradientTest {

  static Batch sample(GaussianPolicy policy, double[] theta, int horizon, int episodes, long seed) {
    var env = EnvRegistry.make(LinearGaussianWalk.ID, Map.of("horizon", horizon));
    return new SerialSampler(env, policy, seed).sampleEpisodes(theta, episodes);
  }

  static PolicyGradient algorithm(GaussianPolicy p, Estimator e, Baseline b, PolicyMetric m) {
    return new PolicyGradient(p, new PolicyGradientConfig(
        1, e, b, m, 0.0, new FixedLearningRate(1e-3), Projection.none()));
  }

  @ParameterizedTest
  @CsvSource({"10, 14, 10", "1, 1, 10", "-3, 0.7, 7", "0.5, 2, 3"})
  void monteCarloReturnAndReinforceGradientsAgreeWithTheClosedForm(
      double mu, double sigma, int horizon) {
    GaussianPolicy policy = GaussianPolicy.meanSigma();
    double[] theta = policy.theta(mu, sigma);
    int n = 100_000;
    Batch batch = sample(policy, theta, horizon, n, 17);
    // mean return within 3 standard errors of J
    double sum = 0;
    double sumSq = 0;
    for (int e = 0; e < n; e++) {
      double r = batch.episodeReturn(e);
      sum += r;
      sumSq += r * r;
    }
    double mean = sum / n;
    double se = Math.sqrt((sumSq / n - mean * mean) / n);
    double j = LinearGaussianWalk.expectedReturn(mu, sigma, horizon);
    assertThat(Math.abs(mean - j)).isLessThan(3 * se);

    double[] exactGrad = LinearGaussianWalk.expectedReturnGradient(mu, sigma, horizon);
    for (Estimator est : Estimator.values()) {
      for (Baseline base : Baseline.values()) {
        // per-trajectory gradient terms, for their standard errors
        double[] psi = StepWeights.of(batch, est, base);
        double[][] terms = new double[n][2];
        double[] s = new double[2];
        int[] off = batch.episodeOffsets();
        for (int e = 0; e < n; e++) {
          for (int i = off[e]; i < off[e + 1]; i++) {
            policy.score(theta, batch.observation(i), batch.action(i), s);
            terms[e][0] += psi[i] * s[0];
            terms[e][1] += psi[i] * s[1];
          }
        }
        double[] estimate = algorithm(policy, est, base, PolicyMetric.EUCLIDEAN)
            .gradientEstimate(theta, batch);
        for (int c = 0; c < 2; c++) {
          double m = 0;
          double m2 = 0;
          for (double[] t : terms) {
            m += t[c] / n;
            m2 += t[c] * t[c] / n;
          }
          assertThat(estimate[c]).isCloseTo(m, within(1e-9 * (1 + Math.abs(m))));
          double seC = Math.sqrt((m2 - m * m) / n);
          assertThat(Math.abs(estimate[c] - exactGrad[c]))
              .as("%s/%s component %d", est, base, c).isLessThan(3 * seC);
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"10, 14, 10", "1, 1, 10", "-3, 0.7, 7", "2, 0.01, 1"})
  void naturalGradientIsTheGradientScaledBySigmaSquared(double mu, double sigma, int horizon) {
    // (μ, σ): F_traj = T·diag(1/σ², 2/σ²), so F⁻¹∇J = ∇J ⊙ (σ²/T, σ²/(2T))
    GaussianPolicy policy = GaussianPolicy.meanSigma();
    double[] theta = policy.theta(mu, sigma);
    Batch batch = sample(policy, theta, horizon, 3, 1);
    LinearOperator fisher = PolicyMetric.FISHER.on(PolicySample.perEpisode(policy, batch)).at(theta);
    double[] grad = LinearGaussianWalk.expectedReturnGradient(mu, sigma, horizon);
    double[] nat = DirectionSolver.direct().solve(fisher, grad).direction();
    double t = horizon;
    assertThat(nat[0]).isCloseTo(grad[0] * sigma * sigma / t, within(1e-12 * Math.abs(nat[0])));
    assertThat(nat[1]).isCloseTo(grad[1] * sigma * sigma / (2 * t),
        within(1e-12 * Math.abs(nat[1])));

    // (μ, log σ): ∂J/∂log σ = σ ∂J/∂σ, F_traj = T·diag(1/σ², 2): the log σ scale is 1/(2T)
    GaussianPolicy logPolicy = new GaussianPolicy(Scale.LOG_SIGMA);
    double[] logTheta = logPolicy.theta(mu, sigma);
    LinearOperator logFisher = PolicyMetric.FISHER.on(
        PolicySample.perEpisode(logPolicy, sample(logPolicy, logTheta, horizon, 3, 1)))
        .at(logTheta);
    double[] logGrad = {grad[0], sigma * grad[1]};
    double[] logNat = DirectionSolver.direct().solve(logFisher, logGrad).direction();
    assertThat(logNat[0]).isCloseTo(logGrad[0] * sigma * sigma / t,
        within(1e-12 * Math.abs(logNat[0])));
    assertThat(logNat[1]).isCloseTo(logGrad[1] / (2 * t), within(1e-12 * Math.abs(logNat[1])));
  }

  @ParameterizedTest
  @CsvSource({"10, 14, 10", "0, 1, 10", "-3, 0.7, 7"})
  void sampledTrajectoryFisherIsCloseToTheExactOne(double mu, double sigma, int horizon) {
    GaussianPolicy policy = GaussianPolicy.meanSigma();
    double[] theta = policy.theta(mu, sigma);
    Batch batch = sample(policy, theta, horizon, 10_000, 5);
    DMatrixRMaj sampled = PolicyMetric.MC_FISHER.on(PolicySample.perEpisode(policy, batch)).at(theta).toDense();
    double t = horizon;
    DMatrixRMaj exact = new DMatrixRMaj(new double[][] {
        {t / (sigma * sigma), 0}, {0, 2 * t / (sigma * sigma)}});
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < 4; i++) {
      diff += Math.pow(sampled.data[i] - exact.data[i], 2);
      norm += exact.data[i] * exact.data[i];
    }
    assertThat(Math.sqrt(diff / norm)).isLessThan(0.05);
    // and the exact metric from the batch is T·F (up to the rounding of summing 10⁵ per-step terms)
    DMatrixRMaj fromBatch = PolicyMetric.FISHER.on(PolicySample.perEpisode(policy, batch)).at(theta).toDense();
    assertThat(fromBatch.data).containsExactly(exact.data, within(1e-10 * exact.data[3]));
  }
}
