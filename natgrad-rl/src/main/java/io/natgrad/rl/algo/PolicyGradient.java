package io.natgrad.rl.algo;

import io.natgrad.core.linalg.Vectors;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.NonFiniteEnvironmentException;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.policy.Policy;
import io.natgrad.rl.sample.EpisodeSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * REINFORCE and the natural policy gradient of the paper's toy task (paper, "Policy Gradient
 * Methods and the Natural Gradient"; Williams 1992; Kakade 2002), trained by the one
 * {@link OnPolicyTrainer} loop on these parts:
 *
 * <pre>
 * sample     N complete episodes with π_θ                   EpisodeSampler
 * estimate   ψ_t = Σ r (or reward-to-go) − baseline          ReturnWeights
 * update     θ ← Π(θ + β G⁻¹ĝ), G = I or the trajectory      PolicyGradientUpdate (core UpdateRule)
 *            Fisher (exact or Monte-Carlo)
 * </pre>
 *
 * REINFORCE and NPG differ only in {@link PolicyGradientConfig#metric()}. A non-finite action,
 * observation, reward, gradient or step ends training with a reason naming the iteration, and the
 * last finite parameters are kept.
 */
public final class PolicyGradient {
  private final Policy policy;
  private final PolicyGradientConfig config;

  public PolicyGradient(Policy policy, PolicyGradientConfig config) {
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
    this.config = java.util.Objects.requireNonNull(config, "config");
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
    EpisodeSampler sampler = new EpisodeSampler(env, policy, seed);
    TrainerParts parts = new TrainerParts(env.id(), java.util.Map.of(), policy, theta0, sampler,
        config.trajectories(), new ReturnWeights(config.estimator(), config.baseline()),
        new PolicyGradientUpdate(policy, config), null, null);
    List<IterationRecord> history = new ArrayList<>();
    String[] stop = {null};
    double[][] before = {theta0.clone()};
    try (OnPolicyTrainer trainer = new OnPolicyTrainer(parts, Long.MAX_VALUE, iterations, 0, 0)) {
      try {
        trainer.train(it -> {
          PolicyGradientUpdate.Result u = (PolicyGradientUpdate.Result) it.update();
          Batch batch = it.rollout().batch();
          int k = it.iteration() - 1;
          history.add(new IterationRecord(k, before[0], batch.meanCompleteEpisodeReturn(),
              batch.episodes(), batch.size(), u.gradientNorm(), u.beta(), u.metricStepLength(),
              u.rejection()));
          before[0] = it.snapshot().theta();
          if (u.stopReason() != null) {
            stop[0] = "stopped at iteration " + k + ": " + u.stopReason();
            return false;
          }
          return true;
        });
        double[] theta = trainer.theta();
        if (stop[0] != null) {
          return new TrainingResult(history, theta, stop[0]);
        }
        // the last record: a batch sampled at the final parameters
        Batch last = sampler.collect(theta, config.trajectories());
        history.add(new IterationRecord(iterations, theta.clone(),
            last.meanCompleteEpisodeReturn(), last.episodes(), last.size(), Double.NaN,
            Double.NaN, Double.NaN, null));
        return new TrainingResult(history, theta, null);
      } catch (NonFiniteEnvironmentException e) {
        return stoppedBySampling(history, trainer.theta(), e);
      }
    }
  }

  private static TrainingResult stoppedBySampling(List<IterationRecord> history, double[] theta,
      NonFiniteEnvironmentException e) {
    return new TrainingResult(history, theta, "stopped at iteration " + history.size() + ": "
        + e.getMessage() + "; the last finite parameters are theta = " + Arrays.toString(theta));
  }
}
