package io.natgrad.rl.algo;

import io.natgrad.core.dist.Scale;
import io.natgrad.core.optim.FixedLearningRate;
import io.natgrad.core.optim.Projection;
import io.natgrad.core.optim.StepRule;
import io.natgrad.core.optim.TrustRegion;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.LinearGaussianWalk;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.policy.GaussianPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper's Figure 4: agents trained by the policy gradient (PG, Euclidean metric) and the
 * natural policy gradient (NPG, trajectory Fisher) on {@code LinearGaussianWalk-v0}, from
 * (μ, σ) = (10, 14), with the same step size for both.
 *
 * <p>Agent k of either method samples with the seed {@code derive(seed, k)}, so PG and NPG agents
 * see common random numbers. When σ is parameterized directly it is floored at 1e-3 after each step.
 *
 * @param agents agents per method
 * @param iterations updates per agent
 * @param horizon T
 * @param trajectories episodes per iteration
 * @param step ε (trust region) or α (learning rate)
 * @param trustRegion true for the paper's trust-region reading, false for a learning rate
 * @param scale σ or log σ
 * @param npgMetric the NPG metric (fisher or mc-fisher: the exact or Monte-Carlo trajectory Fisher)
 * @param mu0 initial μ
 * @param sigma0 initial σ
 * @param seed the seed every agent's streams derive from
 */
public record ToyTaskExperiment(
    int agents,
    int iterations,
    int horizon,
    int trajectories,
    double step,
    boolean trustRegion,
    Scale scale,
    PolicyMetric npgMetric,
    double mu0,
    double sigma0,
    long seed) {

  /** The σ floor applied after each step when σ is parameterized directly. */
  public static final double SIGMA_FLOOR = 1e-3;

  public ToyTaskExperiment {
    if (agents < 1) {
      throw new IllegalArgumentException("agents must be >= 1, got " + agents);
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
    }
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
    }
    if (trajectories < 1) {
      throw new IllegalArgumentException("trajectories must be >= 1, got " + trajectories);
    }
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be finite and > 0, got " + step);
    }
    if (!(sigma0 > 0) || !Double.isFinite(sigma0)) {
      throw new IllegalArgumentException("sigma0 must be finite and > 0, got " + sigma0);
    }
    if (!Double.isFinite(mu0)) {
      throw new IllegalArgumentException("mu0 must be finite, got " + mu0);
    }
    if (npgMetric == PolicyMetric.EUCLIDEAN) {
      throw new IllegalArgumentException(
          "metric must be fisher or mc-fisher for NPG, got euclidean");
    }
  }

  /** The paper's settings: 10 agents, 300 iterations, T = 10, 10 episodes, ε = 0.075, (μ, σ). */
  public static ToyTaskExperiment paper(long seed) {
    return new ToyTaskExperiment(10, 300, 10, 10, 0.075, true, Scale.SIGMA,
        PolicyMetric.FISHER, 10, 14, seed);
  }

  /** One trained agent. */
  public record Agent(String method, int index, TrainingResult result) {}

  /** The configuration of one method (metric EUCLIDEAN = PG). */
  public PolicyGradientConfig config(PolicyMetric metric) {
    StepRule rule = trustRegion ? new TrustRegion(step) : new FixedLearningRate(step);
    Projection floor = scale == Scale.SIGMA ? Projection.floor(1, SIGMA_FLOOR) : Projection.none();
    return new PolicyGradientConfig(trajectories, Estimator.TOTAL_RETURN, Baseline.NONE, metric,
        0.0, rule, floor);
  }

  /** Trains every agent of one method: "pg" (Euclidean) or "npg" ({@link #npgMetric}). */
  public List<Agent> run(String method) {
    PolicyMetric metric = switch (method) {
      case "pg" -> PolicyMetric.EUCLIDEAN;
      case "npg" -> npgMetric;
      default -> throw new IllegalArgumentException("method must be pg or npg, got '" + method + "'");
    };
    GaussianPolicy policy = new GaussianPolicy(scale);
    PolicyGradient algo = new PolicyGradient(policy, config(metric));
    List<Agent> out = new ArrayList<>();
    for (int k = 0; k < agents; k++) {
      var env = EnvRegistry.make(LinearGaussianWalk.ID, Map.of("horizon", horizon));
      out.add(new Agent(method, k,
          algo.train(env, policy.theta(mu0, sigma0), Rng.derive(seed, k), iterations)));
    }
    return out;
  }

  /** μ and σ of a parameter vector of this experiment's policy. */
  public double[] muSigma(double[] theta) {
    return new double[] {theta[0], scale.sigma(theta[1])};
  }

  /** The exact expected return J(θ) at a parameter vector. */
  public double expectedReturn(double[] theta) {
    return LinearGaussianWalk.expectedReturn(theta[0], scale.sigma(theta[1]), horizon);
  }
}
