package io.natgrad.rl.algo;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.config.Algorithm;
import io.natgrad.rl.config.CriticKind;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Discrete;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.ObservationNormalizer;
import io.natgrad.rl.env.RewardNormalizer;
import io.natgrad.rl.env.RunningMeanStd;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.policy.CategoricalMlpPolicy;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.policy.Policy;
import io.natgrad.rl.sample.Sampler;
import io.natgrad.rl.sample.SamplerEngine;
import io.natgrad.rl.sample.VectorSampler;
import io.natgrad.rl.value.LinearFeatureBaseline;
import io.natgrad.rl.value.MlpValueFunction;
import io.natgrad.rl.value.ValueFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pieces an {@link OnPolicyTrainer} is assembled from — one per stage of the loop:
 *
 * <pre>
 * sample     sampler.collect(θ, batchUnits)     VectorSampler | SamplerEngine (Spark) | EpisodeSampler
 * estimate   estimator.estimate(batch)          GaeEstimator (critic) | ReturnWeights (the paper's ψ)
 * update     update.apply(θ, rollout)           NaturalPolicyUpdate | PpoUpdate | PolicyGradientUpdate
 * </pre>
 *
 * {@link #of(TrainConfig, double[], RunningMeanStd, int, String, Map)} builds them from a
 * configuration (NPG, TRPO, PPO on neural policies); a Java user may put others together.
 *
 * @param envId the environment's id (evaluations make a fresh copy)
 * @param envOptions the options its copies are made with (e.g. {@code seeding})
 * @param policy π
 * @param theta0 the initial parameters
 * @param sampler the sample stage
 * @param batchUnits what the sampler is asked for per iteration (steps per copy, or episodes)
 * @param estimator the estimate stage
 * @param update the algorithm
 * @param critic the critic the estimator and the update share, or null
 * @param normalizer the observation normalizer the sampler trains, or null
 */
public record TrainerParts(String envId, Map<String, Object> envOptions, Policy policy, double[] theta0, Sampler sampler,
    int batchUnits, AdvantageEstimator estimator, PolicyUpdate<?> update, ValueFunction critic,
    ObservationNormalizer normalizer) {

  public TrainerParts {
    envOptions = Map.copyOf(envOptions);
    java.util.Objects.requireNonNull(policy, "policy");
    java.util.Objects.requireNonNull(sampler, "sampler");
    java.util.Objects.requireNonNull(estimator, "estimator");
    java.util.Objects.requireNonNull(update, "update");
    policy.validate(theta0);
    if (batchUnits < 1) {
      throw new IllegalArgumentException("batch units must be >= 1, got " + batchUnits);
    }
  }

  /**
   * Refuses a metric, or a compared one, the environment's policy cannot have (wasserstein with
   * discrete actions), before any work starts; the message starts with the key, {@code metric: …}
   * or {@code compare_metrics: …}.
   */
  public static void checkMetric(TrainConfig config) {
    if (config.algo() != Algorithm.PPO) {
      Env probe = EnvRegistry.make(config.env(), config.envOptions());
      checkMetric(config, probe, makePolicy(config, probe));
    }
  }

  private static void checkMetric(TrainConfig config, Env probe, NeuralPolicy policy) {
    if (config.algo() == Algorithm.PPO) {
      return; // PPO has no metric (the configuration refuses one)
    }
    try {
      PolicyMetric.named(config.naturalGradient().metric()).check(policy);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("metric: " + config.env() + " has "
          + probe.actionSpace() + " actions: " + e.getMessage(), e);
    }
    try {
      NaturalPolicyUpdate.compared(config.naturalGradient().compareMetrics(), policy);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("compare_metrics: " + config.env() + " has "
          + probe.actionSpace() + " actions: "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
  }

  /**
   * The parts of a configured run: an MLP policy for the environment's action space, its critic
   * (MLP or linear), the normalizers, a sampler of n_envs copies (in process with {@code workers}
   * threads, or through the engine called {@code engine}), GAE, and the algorithm's update.
   *
   * @param config the validated configuration
   * @param initialTheta parameters to start from (fine-tuning), or null for a fresh policy
   * @param initialNormalizer normalizer statistics to start from, or null
   * @param workers sampler threads (results do not depend on it)
   * @param engine "local" (in process) or a {@link SamplerEngine}'s name
   * @param engineOptions the engine's options
   */
  public static TrainerParts of(TrainConfig config, double[] initialTheta,
      RunningMeanStd initialNormalizer, int workers, String engine,
      Map<String, String> engineOptions) {
    Env probe = EnvRegistry.make(config.env(), config.envOptions());
    if (!(probe.observationSpace() instanceof Box)) {
      throw new IllegalArgumentException("environment " + config.env()
          + " must have a Box observation space, has " + probe.observationSpace());
    }
    int od = probe.observationSpace().flatDimension();
    NeuralPolicy policy = makePolicy(config, probe);
    checkMetric(config, probe, policy);
    long seed = config.seed();
    double[] theta;
    if (initialTheta != null) {
      policy.validate(initialTheta);
      theta = initialTheta.clone();
    } else {
      theta = initialParameters(config, policy, Rng.of(Rng.derive(seed, "policy")));
    }
    ObservationNormalizer normalizer = null;
    if (config.normalization().observations()) {
      RunningMeanStd stats = initialNormalizer != null ? initialNormalizer.copy()
          : new RunningMeanStd(od);
      if (stats.dimension() != od) {
        throw new IllegalArgumentException("normalizer has dimension " + stats.dimension()
            + ", environment " + config.env() + " has observations of dimension " + od);
      }
      normalizer = new ObservationNormalizer(stats, config.normalization().clipObs());
    }
    ValueFunction critic = config.critic() == CriticKind.LINEAR
        ? new LinearFeatureBaseline(od)
        : new MlpValueFunction(od, config.networks().vf(), config.networks().activation(),
            Rng.of(Rng.derive(seed, "value")), config.networks().orthoInit(),
            config.optimization().learningRate().initial(),
            config.naturalGradient().nCriticUpdates(), config.optimization().batchSize());
    Sampler sampler = sampler(config, policy, normalizer, workers, engine, engineOptions);
    Rng criticRng = Rng.of(Rng.derive(seed, "critic"));
    PolicyUpdate<?> update;
    if (config.algo() == Algorithm.PPO) {
      if (!(critic instanceof MlpValueFunction mlp)) {
        sampler.close();
        throw new IllegalArgumentException("ppo needs baseline mlp (its critic shares the "
            + "optimizer), got " + config.critic());
      }
      update = new PpoUpdate(policy, mlp, config, criticRng);
    } else if (config.algo() == Algorithm.ACKTR) {
      if (!(critic instanceof MlpValueFunction mlp)) {
        sampler.close();
        throw new IllegalArgumentException("acktr needs baseline mlp (its critic takes the same "
            + "K-FAC step), got " + config.critic());
      }
      update = new AcktrUpdate(policy, mlp, config, criticRng,
          Rng.of(Rng.derive(seed, "kfac")));
    } else {
      update = new NaturalPolicyUpdate(policy, critic, config, metric(config), criticRng);
    }
    return new TrainerParts(config.env(), config.envOptions(), policy, theta, sampler, config.sampling().nSteps(),
        new GaeEstimator(critic, config.sampling().gamma(), config.sampling().gaeLambda()),
        update, critic, normalizer);
  }

  /**
   * The run's metric: the named one, or for {@code kfac} an instance of its own holding the
   * running factors (checkpointed) with the configuration's decay, refresh period and resampling
   * stream.
   */
  public static PolicyMetric metric(TrainConfig config) {
    PolicyMetric named = PolicyMetric.named(config.naturalGradient().metric());
    if (named != PolicyMetric.KFAC) {
      return named;
    }
    io.natgrad.rl.config.KfacSettings k = config.naturalGradient().kfac();
    return new io.natgrad.rl.metric.KfacMetric(
        new io.natgrad.rl.metric.KfacMetric.Settings(k.decay(), k.refreshEvery(), k.resample()),
        Rng.of(Rng.derive(config.seed(), "kfac")));
  }

  private static Sampler sampler(TrainConfig config, NeuralPolicy policy,
      ObservationNormalizer normalizer, int workers, String engine,
      Map<String, String> engineOptions) {
    long seed = config.seed();
    boolean local = engine == null || engine.equals("local");
    if (config.normalization().rewards() && !local) {
      throw new IllegalArgumentException("normalize: reward normalization (norm_reward, part "
          + "of normalize: true) is not supported with --engine " + engine + ": its statistics "
          + "need every copy's reward after each step; train with normalize: false or with the "
          + "local engine");
    }
    if (!local && !config.envOptions().isEmpty()) {
      throw new IllegalArgumentException("seeding: " + config.seeding() + " is not supported with "
          + "--engine " + engine + " (its executors make the environments by id); train with "
          + "the local engine");
    }
    if (!local) {
      return SamplerEngine.find(engine).create(config.env(), config.sampling().nEnvs(), policy,
          Rng.derive(seed, "sampler"), normalizer, engineOptions);
    }
    List<Env> envs = new ArrayList<>();
    for (int k = 0; k < config.sampling().nEnvs(); k++) {
      envs.add(Evaluation.makeEnv(config.env(), config.envOptions()));
    }
    VectorSampler vs = new VectorSampler(envs, policy, Rng.derive(seed, "sampler"), normalizer,
        workers);
    if (config.normalization().rewards()) {
      vs.normalizeRewards(new RewardNormalizer(config.sampling().nEnvs(),
          config.rewardNormGamma(), config.normalization().clipReward()));
    }
    return vs;
  }

  /** The policy family for the environment's action space. */
  public static NeuralPolicy makePolicy(TrainConfig config, Env env) {
    int od = env.observationSpace().flatDimension();
    if (env.actionSpace() instanceof Discrete d) {
      return new CategoricalMlpPolicy(od, d.n(), config.networks().pi(),
          config.networks().activation());
    }
    return new GaussianMlpPolicy(od, env.actionSpace().flatDimension(), config.networks().pi(),
        config.networks().activation(), config.networks().logStdInit());
  }

  static double[] initialParameters(TrainConfig config, NeuralPolicy policy, Rng rng) {
    double[] t = policy.initialParameters(rng);
    if (!config.networks().orthoInit()) {
      double[] net = policy.network().uniformInitialParameters(rng);
      System.arraycopy(net, 0, t, 0, net.length);
    }
    return t;
  }
}
