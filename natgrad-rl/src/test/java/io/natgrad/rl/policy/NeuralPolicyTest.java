package io.natgrad.rl.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.nn.Activation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Gradients, KL, sampling and the Fisher–vector product of the MLP policies. */
class NeuralPolicyTest {
  static final int N = 9;

  static List<Arguments> policies() {
    return List.of(
        Arguments.of("gaussian tanh", new GaussianMlpPolicy(3, 2, new int[] {5, 4},
            Activation.TANH, -0.3)),
        Arguments.of("gaussian relu", new GaussianMlpPolicy(2, 1, new int[] {6},
            Activation.RELU, 0.2)),
        Arguments.of("categorical tanh", new CategoricalMlpPolicy(4, 3, new int[] {5, 5},
            Activation.TANH)),
        Arguments.of("categorical relu", new CategoricalMlpPolicy(2, 2, new int[] {7},
            Activation.RELU)));
  }

  /** θ with larger output weights than the SB3 init, so every term matters. */
  static double[] theta(NeuralPolicy p, Rng rng) {
    double[] t = p.initialParameters(rng);
    for (int i = 0; i < t.length; i++) {
      t[i] += 0.3 * rng.nextGaussian();
    }
    return t;
  }

  static double[] observations(NeuralPolicy p, Rng rng) {
    double[] o = new double[N * p.observationDim()];
    for (int i = 0; i < o.length; i++) {
      o[i] = rng.nextGaussian();
    }
    return o;
  }

  static double[] actions(NeuralPolicy p, double[] theta, double[] obs, Rng rng) {
    int ad = p.actionDimension();
    double[] a = new double[N * ad];
    for (int i = 0; i < N; i++) {
      double[] ai = new double[ad];
      p.sample(theta, java.util.Arrays.copyOfRange(obs, i * p.observationDim(),
          (i + 1) * p.observationDim()), rng, ai);
      System.arraycopy(ai, 0, a, i * ad, ad);
    }
    return a;
  }

  static double relErr(double[] a, double[] b) {
    double d = 0;
    double n = 0;
    for (int i = 0; i < a.length; i++) {
      d += (a[i] - b[i]) * (a[i] - b[i]);
      n += Math.max(a[i] * a[i], b[i] * b[i]);
    }
    return Math.sqrt(d / Math.max(n, 1e-300));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void weightedScoreSumIsTheGradientOfTheWeightedLogProbs(String name, NeuralPolicy p) {
    Rng rng = Rng.of(1);
    double[] theta = theta(p, rng);
    double[] obs = observations(p, rng);
    double[] act = actions(p, theta, obs, rng);
    double[] w = new double[N];
    for (int i = 0; i < N; i++) {
      w[i] = rng.nextGaussian();
    }
    double[] grad = new double[p.parameterDimension()];
    p.weightedScoreSum(theta, obs, act, N, w, grad);
    double[] fd = new double[grad.length];
    double[] lp = new double[N];
    for (int j = 0; j < fd.length; j++) {
      double[] tp = theta.clone();
      double[] tm = theta.clone();
      tp[j] += 1e-6;
      tm[j] -= 1e-6;
      double sp = 0;
      double sm = 0;
      p.logProbs(tp, obs, act, N, lp);
      for (int i = 0; i < N; i++) {
        sp += w[i] * lp[i];
      }
      p.logProbs(tm, obs, act, N, lp);
      for (int i = 0; i < N; i++) {
        sm += w[i] * lp[i];
      }
      fd[j] = (sp - sm) / 2e-6;
    }
    assertThat(relErr(grad, fd)).isLessThan(1e-7);
    // per-sample methods agree with the batched ones
    p.logProbs(theta, obs, act, N, lp);
    int od = p.observationDim();
    int ad = p.actionDimension();
    for (int i = 0; i < N; i++) {
      double[] o = java.util.Arrays.copyOfRange(obs, i * od, (i + 1) * od);
      double[] a = java.util.Arrays.copyOfRange(act, i * ad, (i + 1) * ad);
      assertThat(p.logProb(theta, o, a)).isCloseTo(lp[i], within(1e-12 * (1 + Math.abs(lp[i]))));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void meanKlIsZeroAtItselfAndItsGradientMatchesFiniteDifferences(String name, NeuralPolicy p) {
    Rng rng = Rng.of(2);
    double[] old = theta(p, rng);
    double[] obs = observations(p, rng);
    assertThat(p.meanKl(old, old, obs, N)).isCloseTo(0.0, within(1e-14));
    double[] nu = theta(p, rng);
    assertThat(p.meanKl(old, nu, obs, N)).isPositive();
    double[] g = new double[p.parameterDimension()];
    p.meanKlGradient(old, nu, obs, N, g);
    double[] fd = new double[g.length];
    for (int j = 0; j < fd.length; j++) {
      double[] tp = nu.clone();
      double[] tm = nu.clone();
      tp[j] += 1e-6;
      tm[j] -= 1e-6;
      fd[j] = (p.meanKl(old, tp, obs, N) - p.meanKl(old, tm, obs, N)) / 2e-6;
    }
    assertThat(relErr(g, fd)).isLessThan(1e-7);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void theLineSearchShortcutGivesTheBitsOfLogProbsAndMeanKl(String name, NeuralPolicy p) {
    Rng rng = Rng.of(6);
    double[] old = theta(p, rng);
    double[] obs = observations(p, rng);
    double[] act = actions(p, old, obs, rng);
    double[] nu = theta(p, rng);
    double[] lp = new double[N];
    p.logProbs(nu, obs, act, N, lp);
    double kl = p.meanKl(old, nu, obs, N);
    double[] lp2 = new double[N];
    double kl2 = p.logProbsAndMeanKl(old, p.outputs(old, obs, N), nu, obs, act, N, lp2);
    assertThat(lp2).containsExactly(lp);
    assertThat(kl2).isEqualTo(kl);
    assertThat(kl2).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void fisherVectorProductPassesTheSelfTest(String name, NeuralPolicy p) {
    Rng rng = Rng.of(3);
    double[] theta = theta(p, rng);
    double[] obs = observations(p, rng);
    FisherSelfTest.Report r = FisherSelfTest.run(p, theta, obs, N, rng, 5);
    assertThat(r.passed()).as(r.toString()).isTrue();
    assertThat(r.denseRelativeError()).isLessThan(1e-10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void scoreHasZeroMeanUnderThePolicy(String name, NeuralPolicy p) {
    // E_a[∇log π(a|s)] = 0: check within standard errors with 20 000 sampled actions at one state
    Rng rng = Rng.of(4);
    double[] theta = theta(p, rng);
    double[] s = new double[p.observationDim()];
    for (int i = 0; i < s.length; i++) {
      s[i] = rng.nextGaussian();
    }
    int m = 20_000;
    int dim = p.parameterDimension();
    double[] sum = new double[dim];
    double[] sumSq = new double[dim];
    double[] a = new double[p.actionDimension()];
    double[] g = new double[dim];
    for (int t = 0; t < m; t++) {
      p.sample(theta, s, rng, a);
      p.score(theta, s, a, g);
      for (int j = 0; j < dim; j++) {
        sum[j] += g[j];
        sumSq[j] += g[j] * g[j];
      }
    }
    for (int j = 0; j < dim; j++) {
      double mean = sum[j] / m;
      double se = Math.sqrt(Math.max(sumSq[j] / m - mean * mean, 0) / m);
      assertThat(Math.abs(mean)).as("component %d", j).isLessThanOrEqualTo(4.5 * se + 1e-12);
    }
  }
}
