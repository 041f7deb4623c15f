package io.natgrad.rl.algo;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Discrete;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.ObservationNormalizer;
import io.natgrad.rl.env.RewardNormalizer;
import io.natgrad.rl.env.RunningMeanStd;
import io.natgrad.rl.nn.Parallelism;
import io.natgrad.rl.policy.CategoricalMlpPolicy;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.sample.Gae;
import io.natgrad.rl.sample.Sampler;
import io.natgrad.rl.sample.SamplerEngine;
import io.natgrad.rl.sample.VectorSampler;
import io.natgrad.rl.value.LinearFeatureBaseline;
import io.natgrad.rl.value.MlpValueFunction;
import io.natgrad.rl.value.ValueFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-policy training loop of NPG and TRPO — sample → estimate → update → log — in the shape of
 * Stable-Baselines3's {@code OnPolicyAlgorithm.learn}:
 *
 * <pre>
 * repeat until n_timesteps:
 *   batch  = n_envs × n_steps steps of π_θ                       (VectorSampler, auto-reset)
 *   Â, R   = GAE(γ, λ) with V bootstrapped on truncation          (Gae)
 *   θ      = natural-gradient step on the surrogate              (NaturalPolicyUpdate → core UpdateRule)
 *   V      ← fit to R (n_critic_updates epochs of Adam)          (MlpValueFunction)
 *   log a metrics row; evaluate every eval_every steps
 * </pre>
 *
 * Every random stream derives from the seed: policy and critic initialization, the sampler (per
 * environment copy), the critic's minibatch shuffles and the evaluations.
 */
public final class OnPolicyTrainer implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OnPolicyTrainer.class);
  /** The metrics columns, SB3's names where they exist and natgrad's under {@code ngd/}. */
  public static final List<String> METRIC_KEYS = List.of(
      "time/iterations", "time/total_timesteps", "time/time_elapsed", "time/fps",
      "time/collect_seconds", "time/policy_update_seconds", "time/critic_seconds",
      "rollout/ep_rew_mean", "rollout/ep_len_mean", "rollout/episodes",
      "train/policy_objective", "train/value_loss", "train/kl_divergence_loss",
      "train/is_line_search_success", "train/explained_variance", "train/entropy", "train/std",
      "train/n_updates", "ngd/cg_iterations", "ngd/cg_relative_residual", "ngd/cg_status",
      "ngd/beta", "ngd/predicted_kl", "ngd/measured_kl", "ngd/predicted_improvement",
      "ngd/actual_improvement", "ngd/backtracks", "ngd/rejection", "ngd/health",
      "train/approx_kl", "train/clip_fraction", "train/entropy_loss",
      "train/policy_gradient_loss", "train/loss", "train/clip_range", "train/learning_rate",
      "eval/mean_reward", "eval/std_reward");

  private final TrainConfig config;
  private final NeuralPolicy policy;
  private final ObservationNormalizer normalizer;
  private final ValueFunction valueFunction;
  private final Sampler sampler;
  private final NaturalPolicyUpdate update;
  private final PpoUpdate ppo;
  private Rng criticRng;
  private final long evalEvery;
  private final int evalEpisodes;
  private double[] theta;
  // loop state, part of a checkpoint
  private final Deque<double[]> recent = new ArrayDeque<>();
  private long steps;
  private int iteration;
  private long nextEval;
  private int evals;
  private double bestEval = Double.NEGATIVE_INFINITY;
  private double elapsedBefore;
  private double lastElapsed;
  private int failStreak;
  /** Updates so far whose measured KL was far from the predicted (logged sparingly). */
  private int modelWarnings;

  /** The policy after an update: what a listener may save. */
  public record Snapshot(NeuralPolicy policy, double[] theta, RunningMeanStd normalizerStats,
      long timesteps, boolean bestSoFar) {}

  /**
   * @param config the validated configuration
   * @param initialTheta parameters to start from (fine-tuning), or null for a fresh policy
   * @param initialNormalizer normalizer statistics to start from, or null
   * @param evalEvery evaluate every this many steps (0: never)
   * @param evalEpisodes episodes per evaluation
   */
  public OnPolicyTrainer(TrainConfig config, double[] initialTheta,
      RunningMeanStd initialNormalizer, long evalEvery, int evalEpisodes) {
    this(config, initialTheta, initialNormalizer, evalEvery, evalEpisodes, 1);
  }

  /**
   * As above, with {@code workers} sampler threads (results do not depend on it).
   */
  public OnPolicyTrainer(TrainConfig config, double[] initialTheta,
      RunningMeanStd initialNormalizer, long evalEvery, int evalEpisodes, int workers) {
    this(config, initialTheta, initialNormalizer, evalEvery, evalEpisodes, workers, "local",
        Map.of());
  }

  /**
   * As above, sampling through the engine called {@code engine} ("local": in process; others are
   * found through {@link SamplerEngine}), with its options.
   */
  public OnPolicyTrainer(TrainConfig config, double[] initialTheta,
      RunningMeanStd initialNormalizer, long evalEvery, int evalEpisodes, int workers,
      String engine, Map<String, String> engineOptions) {
    this.config = config;
    if (evalEvery < 0) {
      throw new IllegalArgumentException("eval_every must be >= 0, got " + evalEvery);
    }
    if (evalEvery > 0 && evalEpisodes < 1) {
      throw new IllegalArgumentException("eval episodes must be >= 1, got " + evalEpisodes);
    }
    this.evalEvery = evalEvery;
    this.evalEpisodes = evalEpisodes;
    this.nextEval = evalEvery;
    Env probe = EnvRegistry.make(config.env());
    if (!(probe.observationSpace() instanceof Box)) {
      throw new IllegalArgumentException("environment " + config.env()
          + " must have a Box observation space, has " + probe.observationSpace());
    }
    int od = probe.observationSpace().flatDimension();
    this.policy = makePolicy(config, probe);
    long seed = config.seed();
    if (initialTheta != null) {
      policy.validate(initialTheta);
      this.theta = initialTheta.clone();
    } else {
      this.theta = initialParameters(config, policy, Rng.of(Rng.derive(seed, "policy")));
    }
    if (config.normalize()) {
      RunningMeanStd stats = initialNormalizer != null ? initialNormalizer.copy()
          : new RunningMeanStd(od);
      if (stats.dimension() != od) {
        throw new IllegalArgumentException("normalizer has dimension " + stats.dimension()
            + ", environment " + config.env() + " has observations of dimension " + od);
      }
      this.normalizer = new ObservationNormalizer(stats, config.clipObs());
    } else {
      this.normalizer = null;
    }
    this.valueFunction = config.baseline().equals("linear")
        ? new LinearFeatureBaseline(od)
        : new MlpValueFunction(od, config.netArchVf(), config.activation(),
            Rng.of(Rng.derive(seed, "value")), config.learningRate(), config.nCriticUpdates(),
            config.batchSize());
    List<Env> envs = new ArrayList<>();
    for (int k = 0; k < config.nEnvs(); k++) {
      envs.add(Evaluation.makeEnv(config.env()));
    }
    boolean local = engine == null || engine.equals("local");
    if (config.normReward() && !local) {
      throw new IllegalArgumentException("normalize: reward normalization (norm_reward, part "
          + "of normalize: true) is not supported with --engine " + engine + ": its statistics "
          + "need every copy's reward after each step; train with normalize: false or with the "
          + "local engine");
    }
    if (local) {
      VectorSampler vs = new VectorSampler(envs, policy, Rng.derive(seed, "sampler"), normalizer,
          workers);
      if (config.normReward()) {
        vs.normalizeRewards(new RewardNormalizer(config.nEnvs(), config.rewardNormGamma(),
            config.clipReward()));
      }
      this.sampler = vs;
    } else {
      this.sampler = SamplerEngine.find(engine).create(config.env(), config.nEnvs(), policy,
          Rng.derive(seed, "sampler"), normalizer, engineOptions);
    }
    if (config.algo().equals("ppo")) {
      if (!(valueFunction instanceof MlpValueFunction mlp)) {
        throw new IllegalArgumentException("ppo needs baseline mlp (its critic shares the "
            + "optimizer), got " + config.baseline());
      }
      this.ppo = new PpoUpdate(policy, mlp, config);
      this.update = null;
    } else {
      this.update = new NaturalPolicyUpdate(policy, config);
      this.ppo = null;
    }
    this.criticRng = Rng.of(Rng.derive(seed, "critic"));
  }

  /** The policy family for the environment's action space. */
  public static NeuralPolicy makePolicy(TrainConfig config, Env env) {
    int od = env.observationSpace().flatDimension();
    if (env.actionSpace() instanceof Discrete d) {
      return new CategoricalMlpPolicy(od, d.n(), config.netArchPi(), config.activation());
    }
    return new GaussianMlpPolicy(od, env.actionSpace().flatDimension(), config.netArchPi(),
        config.activation(), config.logStdInit());
  }

  static double[] initialParameters(TrainConfig config, NeuralPolicy policy, Rng rng) {
    double[] t = policy.initialParameters(rng);
    if (!config.orthoInit()) {
      double[] net = policy.network().uniformInitialParameters(rng);
      System.arraycopy(net, 0, t, 0, net.length);
    }
    return t;
  }

  public NeuralPolicy policy() {
    return policy;
  }

  /** The current parameters (a copy). */
  public double[] theta() {
    return theta.clone();
  }

  /** The observation normalizer, or null. */
  public ObservationNormalizer normalizer() {
    return normalizer;
  }

  public TrainConfig config() {
    return config;
  }

  /**
   * Runs until n_timesteps steps (or until the listener says stop); returns the last θ. After
   * {@link #restore} it continues from the checkpoint.
   */
  public double[] train(TrainingListener listener) {
    long start = System.nanoTime();
    while (steps < config.nTimesteps()) {
      iteration++;
      long tCollect = System.nanoTime();
      Batch batch = sampler.collect(theta, config.nSteps());
      double collectSeconds = (System.nanoTime() - tCollect) / 1e9;
      steps += batch.size();
      for (double[] ep : sampler.drainCompletedEpisodes()) {
        recent.addLast(ep);
        if (recent.size() > 100) {
          recent.removeFirst();
        }
      }
      int n = batch.size();
      double[] values = new double[n];
      valueFunction.predict(batch.observations(), batch.timesteps(), n, values);
      int segs = batch.episodes();
      int[] finalTs = new int[segs];
      for (int e = 0; e < segs; e++) {
        finalTs[e] = batch.timesteps()[batch.episodeOffsets()[e + 1] - 1] + 1;
      }
      double[] finalValues = new double[segs];
      valueFunction.predict(batch.finalObservations(), finalTs, segs, finalValues);
      Gae.Result gae = Gae.compute(batch, values, finalValues, config.gamma(), config.gaeLambda());
      Map<String, Object> row = new LinkedHashMap<>();
      for (String key : METRIC_KEYS) {
        row.put(key, Double.NaN);
      }
      double progressRemaining = 1.0 - (double) steps / config.nTimesteps();
      double valueLoss;
      long tUpdate = System.nanoTime();
      double criticSeconds = 0;
      double policyStepSeconds = Double.NaN;
      if (ppo != null) {
        PpoUpdate.Stats p = ppo.apply(theta, batch, gae.advantages(), gae.returns(), values,
            progressRemaining, criticRng);
        valueLoss = p.valueLoss();
        row.put("train/approx_kl", p.approxKl());
        row.put("train/clip_fraction", p.clipFraction());
        row.put("train/entropy_loss", p.entropyLoss());
        row.put("train/policy_gradient_loss", p.policyGradientLoss());
        row.put("train/loss", p.loss());
        row.put("train/clip_range", config.clipRangeAt(progressRemaining));
        row.put("train/learning_rate", config.learningRateAt(progressRemaining));
        row.put("train/n_updates", iteration * config.nEpochs());
        row.put("ngd/rejection", p.stoppedEarly()
            ? "early stop: approx_kl " + p.approxKl() + " > 1.5 target_kl" : "");
        row.put("ngd/health", "");
      } else {
        // the policy step and the critic's fit are independent given the advantages: they run at
        // the same time, one per core (each pass inside splits its rows exactly as it would
        // alone, so the results are the same bits as one after the other)
        double[] thetaNow = theta;
        // sb3-contrib's sub_sampling_factor: the policy step (surrogate, KL, Fisher) sees every
        // k-th step, its advantages normalized over that sample; the critic sees them all
        int k = config.subSamplingFactor();
        Batch policyBatch = k == 1 ? batch : batch.everyKth(k);
        double[] sampled = gae.advantages();
        if (k > 1) {
          sampled = new double[policyBatch.size()];
          for (int j = 0; j < sampled.length; j++) {
            sampled[j] = gae.advantages()[j * k];
          }
        }
        double[] policyAdv = config.normalizeAdvantage() ? Gae.normalize(sampled) : sampled;
        Batch pb = policyBatch;
        double[] pa = policyAdv;
        NaturalPolicyUpdate.Result[] result = new NaturalPolicyUpdate.Result[1];
        double[] critic = new double[2];
        double[] policySeconds = new double[1];
        Parallelism.both(() -> {
          long tPolicy = System.nanoTime();
          result[0] = update.apply(thetaNow, pb, pa);
          policySeconds[0] = (System.nanoTime() - tPolicy) / 1e9;
        }, () -> {
          long tCritic = System.nanoTime();
          critic[0] = valueFunction.fit(batch.observations(), batch.timesteps(), n,
              gae.returns(), criticRng);
          critic[1] = (System.nanoTime() - tCritic) / 1e9;
        });
        NaturalPolicyUpdate.Result u = result[0];
        theta = u.theta();
        valueLoss = critic[0];
        criticSeconds = critic[1];
        policyStepSeconds = policySeconds[0];
        NaturalPolicyUpdate.Stats s = u.stats();
        row.put("train/policy_objective", s.policyObjective());
        row.put("train/kl_divergence_loss", s.measuredKl());
        row.put("train/is_line_search_success", s.lineSearchSuccess() ? 1 : 0);
        row.put("train/n_updates", iteration);
        row.put("train/learning_rate", config.learningRate());
        row.put("ngd/cg_iterations", s.cgIterations());
        row.put("ngd/cg_relative_residual", s.cgRelativeResidual());
        row.put("ngd/cg_status", s.cgStatus());
        row.put("ngd/beta", s.beta());
        row.put("ngd/predicted_kl", s.predictedKl());
        row.put("ngd/measured_kl", s.measuredKl());
        row.put("ngd/predicted_improvement", s.predictedImprovement());
        row.put("ngd/actual_improvement", s.actualImprovement());
        row.put("ngd/backtracks", s.backtracks());
        row.put("ngd/rejection", s.rejection() == null ? "" : s.rejection());
        String health = health(s);
        row.put("ngd/health", health);
        if (!health.isEmpty()) {
          if (failStreak >= 3) {
            LOG.warn("update {}: {}", iteration, health); // every time: updates are being lost
          } else if (logModelWarning(++modelWarnings)) {
            // a model mismatch on an accepted step is a hint, and common with small cg_damping:
            // the first one, the 10th, the 100th... go to the log, every one to metrics.csv
            LOG.warn("update {}: {} ({})", iteration, health, modelWarnings == 1
                ? "every such update is marked in metrics.csv, column ngd/health; the log "
                    + "repeats this at the 10th, 100th, ... one"
                : "the " + modelWarnings + "th update with this warning");
          }
        }
      }
      // PPO's step holds its critic; NPG/TRPO report each step's own duration (they overlap)
      double updateSeconds = Double.isNaN(policyStepSeconds)
          ? (System.nanoTime() - tUpdate) / 1e9 - criticSeconds : policyStepSeconds;
      row.put("time/collect_seconds", collectSeconds);
      row.put("time/policy_update_seconds", updateSeconds);
      row.put("time/critic_seconds", criticSeconds);
      double elapsed = elapsedBefore + (System.nanoTime() - start) / 1e9;
      row.put("time/iterations", iteration);
      row.put("time/total_timesteps", steps);
      row.put("time/time_elapsed", elapsed);
      row.put("time/fps", steps / Math.max(elapsed, 1e-9));
      row.put("rollout/ep_rew_mean", mean(recent, 0));
      row.put("rollout/ep_len_mean", mean(recent, 1));
      row.put("rollout/episodes", recent.size());
      row.put("train/value_loss", valueLoss);
      row.put("train/explained_variance", explainedVariance(values, gae.returns()));
      row.put("train/entropy", policy.meanEntropy(theta, batch.observations(), n));
      row.put("train/std", policy instanceof GaussianMlpPolicy g
          ? Math.exp(g.logStd(theta, 0)) : Double.NaN);
      boolean best = false;
      if (evalEvery > 0 && steps >= nextEval) {
        while (nextEval <= steps) {
          nextEval += evalEvery;
        }
        Evaluation ev = evaluate(evalEpisodes, Rng.derive(config.seed(), "eval-" + evals++), true);
        row.put("eval/mean_reward", ev.mean());
        row.put("eval/std_reward", ev.std());
        if (ev.mean() > bestEval) {
          bestEval = ev.mean();
          best = true;
        }
      }
      Snapshot snap = new Snapshot(policy, theta.clone(),
          normalizer == null ? null : normalizer.stats().copy(), steps, best);
      lastElapsed = elapsed;
      LOG.debug("update {}: {} steps, ep_rew_mean {}", iteration, steps, row.get("rollout/ep_rew_mean"));
      if (listener != null && !listener.onIteration(row, snap)) {
        break;
      }
    }
    return theta.clone();
  }

  /** Releases the sampler (its threads, or its cluster context). */
  @Override
  public void close() {
    sampler.close();
  }

  /** Steps taken so far. */
  public long steps() {
    return steps;
  }

  /** Updates done so far. */
  public int iteration() {
    return iteration;
  }

  /** Everything needed to continue training exactly (see {@link #restore}). */
  public TrainerState checkpoint() {
    return new TrainerState(config.toMap(), iteration, steps, lastElapsed, theta.clone(),
        valueFunction.parameters(),
        valueFunction instanceof MlpValueFunction mlp && ppo == null ? mlp.optimizer().state()
            : null,
        ppo == null ? null : ppo.optimizer().state(),
        normalizer == null ? null : normalizer.stats().copy(), criticRng.state(),
        sampler.snapshot(), new ArrayList<>(recent), nextEval, evals,
        bestEval == Double.NEGATIVE_INFINITY ? null : bestEval, failStreak);
  }

  /**
   * Continues from a checkpoint of a trainer with the same configuration. Returns false when an
   * environment could not restore its episodes (a user's environment without snapshots): training
   * then continues with fresh episodes.
   */
  public boolean restore(TrainerState s) {
    policy.validate(s.theta());
    theta = s.theta().clone();
    if (valueFunction instanceof MlpValueFunction mlp) {
      mlp.setParameters(s.valueParameters());
      if (s.valueAdam() != null) {
        mlp.optimizer().restore(s.valueAdam());
      }
    } else if (valueFunction instanceof LinearFeatureBaseline lin) {
      lin.setParameters(s.valueParameters());
    }
    if (ppo != null) {
      if (s.ppoAdam() == null) {
        throw new IllegalArgumentException("checkpoint has no PPO optimizer state");
      }
      ppo.optimizer().restore(s.ppoAdam());
    }
    if ((normalizer == null) != (s.normalizer() == null)) {
      throw new IllegalArgumentException("checkpoint and configuration disagree on normalize");
    }
    if (normalizer != null) {
      RunningMeanStd n = s.normalizer();
      normalizer.stats().restore(n);
    }
    criticRng = Rng.fromState(s.criticRng());
    iteration = s.iteration();
    steps = s.steps();
    elapsedBefore = s.elapsedSeconds();
    lastElapsed = s.elapsedSeconds();
    recent.clear();
    recent.addAll(s.recentEpisodes());
    nextEval = s.nextEval();
    evals = s.evals();
    bestEval = s.bestEval() == null ? Double.NEGATIVE_INFINITY : s.bestEval();
    failStreak = s.failStreak();
    boolean exact = sampler.restore(s.sampler());
    if (!exact) {
      LOG.warn("{} offers no state snapshots: resuming with fresh episodes", config.env());
    }
    LOG.info("resumed {} at update {} ({} steps)", config.env(), iteration, steps);
    return exact;
  }

  /** Evaluates the current policy on a fresh environment with frozen normalization. */
  public Evaluation evaluate(int episodes, long seed, boolean deterministic) {
    ObservationNormalizer frozen = normalizer == null ? null
        : new ObservationNormalizer(normalizer.stats().copy(), normalizer.clip());
    return Evaluation.run(policy, theta, frozen, Evaluation.makeEnv(config.env()), episodes, seed,
        deterministic);
  }

  /**
   * Health warnings with a concrete suggestion: line searches failing several updates in a row, or
   * a measured KL far from the one the quadratic (Fisher) model predicted.
   */
  private String health(NaturalPolicyUpdate.Stats s) {
    failStreak = s.lineSearchSuccess() ? 0 : failStreak + 1;
    if (failStreak >= 3) {
      return "the update was rejected " + failStreak + " times in a row (" + s.rejection()
          + "): raise cg_damping or lower target_kl";
    }
    if (s.lineSearchSuccess() && s.predictedKl() > 0
        && (s.measuredKl() > 2 * s.predictedKl() || s.measuredKl() < 0.25 * s.predictedKl())) {
      return String.format(java.util.Locale.ROOT, "measured KL %.3g is %.2fx the predicted %.3g: "
          + "the Fisher model is poor here; raise cg_damping or lower target_kl",
          s.measuredKl(), s.measuredKl() / s.predictedKl(), s.predictedKl());
    }
    return "";
  }

  /** Whether the n-th model-mismatch warning is logged: the 1st, 10th, 100th, ... */
  static boolean logModelWarning(int n) {
    if (n < 1) {
      return false;
    }
    while (n % 10 == 0) {
      n /= 10;
    }
    return n == 1;
  }

  private static double mean(Deque<double[]> eps, int k) {
    if (eps.isEmpty()) {
      return Double.NaN;
    }
    double s = 0;
    for (double[] e : eps) {
      s += e[k];
    }
    return s / eps.size();
  }

  /** 1 − Var(R − V)/Var(R), as SB3 reports it. */
  static double explainedVariance(double[] pred, double[] target) {
    int n = pred.length;
    double mt = Arrays.stream(target).average().orElse(0);
    double vt = 0;
    double md = 0;
    for (int i = 0; i < n; i++) {
      md += (target[i] - pred[i]) / n;
    }
    double vd = 0;
    for (int i = 0; i < n; i++) {
      vt += (target[i] - mt) * (target[i] - mt);
      double d = target[i] - pred[i] - md;
      vd += d * d;
    }
    return vt == 0 ? Double.NaN : 1 - vd / vt;
  }
}
