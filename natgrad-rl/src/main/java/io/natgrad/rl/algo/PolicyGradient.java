package io.natgrad.rl.algo;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.linalg.Vectors;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.Update;
import io.natgrad.core.optim.UpdateRule;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.NonFiniteEnvironmentException;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.policy.Policy;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.sample.SerialSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * REINFORCE and the natural policy gradient as one algorithm (paper, "Policy Gradient Methods and
 * the Natural Gradient"; Williams 1992; Kakade 2002). Each iteration:
 *
 * <pre>
 * sample N episodes with π_θ                       SerialSampler
 * ĝ = (1/N) Σ_τ Σ_t ∇log π(a_t|s_t) ψ_t            StepWeights (ψ = total return or reward-to-go − b)
 * G = I, or the trajectory Fisher (exact/sampled)  PolicyMetric: euclidean | fisher | mc-fisher
 * θ ← Π(θ + β G⁻¹ĝ)                                core UpdateRule on f = −surrogate (∇f = −ĝ)
 * </pre>
 *
 * The update is the core's {@link UpdateRule} — the same routine as {@code Optimizer}'s — with the
 * batch's metric; REINFORCE and NPG differ only in {@link PolicyGradientConfig#metric()}. A
 * non-finite action, observation, reward, gradient or step ends training with a reason naming the
 * iteration, and the last finite parameters are kept.
 */
public final class PolicyGradient {
  private final Policy policy;
  private final PolicyGradientConfig config;
  private final UpdateRule updateRule;

  public PolicyGradient(Policy policy, PolicyGradientConfig config) {
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
    this.config = java.util.Objects.requireNonNull(config, "config");
    this.updateRule =
        new UpdateRule(DirectionSolver.direct(), config.stepRule(), config.projection());
  }

  public PolicyGradientConfig config() {
    return config;
  }

  /** The policy-gradient estimate ĝ of ∇J at θ from a batch of complete episodes. */
  public double[] gradientEstimate(double[] theta, Batch batch) {
    double[] psi = StepWeights.of(batch, config.estimator(), config.baseline());
    double[] g = new double[policy.parameterDimension()];
    Surrogate f = new Surrogate(PolicySample.perEpisode(policy, batch), theta, psi);
    f.valueAndGradient(theta, g);
    Vectors.scale(-1.0, g);
    return g;
  }

  /**
   * Trains for {@code iterations} updates from θ₀ in {@code env}, with every random stream derived
   * from {@code seed}. The history has one record per update and a last record for the batch
   * sampled at the final parameters (so iterations + 1 records when training completes).
   */
  public TrainingResult train(Env env, double[] theta0, long seed, int iterations) {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
    }
    policy.validate(theta0);
    SerialSampler sampler = new SerialSampler(env, policy, seed);
    double[] theta = theta0.clone();
    List<IterationRecord> history = new ArrayList<>();
    for (int k = 0; k <= iterations; k++) {
      Batch batch;
      try {
        batch = sampler.sampleEpisodes(theta, config.trajectories());
      } catch (NonFiniteEnvironmentException e) {
        return new TrainingResult(history, theta, "stopped at iteration " + k + ": "
            + e.getMessage() + "; the last finite parameters are theta = " + Arrays.toString(theta));
      }
      double meanReturn = batch.meanCompleteEpisodeReturn();
      if (k == iterations) {
        history.add(new IterationRecord(k, theta.clone(), meanReturn, batch.episodes(),
            batch.size(), Double.NaN, Double.NaN, Double.NaN, null));
        break;
      }
      double[] psi = StepWeights.of(batch, config.estimator(), config.baseline());
      Surrogate f = new Surrogate(PolicySample.perEpisode(policy, batch), theta, psi);
      double[] grad = new double[policy.parameterDimension()];
      double value = f.valueAndGradient(theta, grad);
      if (!Double.isFinite(value) || !Vectors.isFinite(grad)) {
        String why = "non-finite policy gradient " + Arrays.toString(grad)
            + " at iteration " + k + " (theta = " + Arrays.toString(theta) + ", mean return "
            + meanReturn + ")";
        history.add(new IterationRecord(k, theta.clone(), meanReturn, batch.episodes(),
            batch.size(), Double.NaN, Double.NaN, Double.NaN, why));
        return new TrainingResult(history, theta, "stopped at iteration " + k + ": " + why);
      }
      Metric metric = config.metric().on(f.sample()).withDamping(config.damping());
      LinearOperator g = metric.at(theta);
      Update u;
      String rejection;
      try {
        u = updateRule.step(f, g, theta, value, grad);
        rejection = u.rejection();
      } catch (IllegalArgumentException e) {
        u = null;
        rejection = e.getMessage();
      }
      if (rejection == null) {
        try {
          policy.validate(u.thetaNext());
        } catch (IllegalArgumentException e) {
          rejection = "the step leaves the parameter space: " + e.getMessage();
        }
      }
      history.add(new IterationRecord(k, theta.clone(), meanReturn, batch.episodes(), batch.size(),
          Vectors.norm(grad), u == null ? Double.NaN : u.beta(),
          u == null ? Double.NaN : u.metricStepLength(), rejection));
      if (rejection != null) {
        return new TrainingResult(history, theta,
            "stopped at iteration " + k + ": update rejected: " + rejection);
      }
      theta = u.thetaNext();
    }
    return new TrainingResult(history, theta, null);
  }
}
