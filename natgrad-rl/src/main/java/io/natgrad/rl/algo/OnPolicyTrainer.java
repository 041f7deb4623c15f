package io.natgrad.rl.algo;

import io.natgrad.core.optim.Adam;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.ObservationNormalizer;
import io.natgrad.rl.env.RunningMeanStd;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.policy.Policy;
import io.natgrad.rl.sample.Sampler;
import io.natgrad.rl.value.LinearFeatureBaseline;
import io.natgrad.rl.value.MlpValueFunction;
import io.natgrad.rl.value.ValueFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The one on-policy training loop — sample → estimate → update → record — for REINFORCE, NPG,
 * TRPO and PPO on any policy, in the shape of Stable-Baselines3's {@code OnPolicyAlgorithm.learn}:
 *
 * <pre>
 * repeat until the step or iteration budget is spent (or a listener says stop):
 *   batch    = sampler.collect(θ, batch units)          sample    (VectorSampler, auto-reset; or episodes)
 *   ψ, V, R  = estimator.estimate(batch)                estimate  (GAE(γ, λ) with the critic; or returns)
 *   θ        = update.apply(θ, rollout).theta()         update    (NaturalPolicyUpdate, PpoUpdate,
 *                                                                  PolicyGradientUpdate)
 *   record a metrics row; evaluate every eval_every steps; tell the listener
 * </pre>
 *
 * The algorithm is only the {@link PolicyUpdate}; the stages are {@link TrainerParts}. Every random
 * stream derives from the seed: policy and critic initialization, the sampler (per environment
 * copy), the update's minibatch shuffles and the evaluations. A trainer built from a
 * {@link TrainConfig} can be checkpointed and restored exactly.
 */
public final class OnPolicyTrainer implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OnPolicyTrainer.class);
  /** The metrics columns ({@link MetricsRow#KEYS}). */
  public static final List<String> METRIC_KEYS = MetricsRow.KEYS;

  private final TrainConfig config;
  private final String envId;
  private final Map<String, Object> envOptions;
  private final Policy policy;
  private final ObservationNormalizer normalizer;
  private final ValueFunction valueFunction;
  private final Sampler sampler;
  private final int batchUnits;
  private final AdvantageEstimator estimator;
  private final PolicyUpdate<?> update;
  private final long maxSteps;
  private final int maxIterations;
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

  /** The policy after an update: what a listener may save. */
  public record Snapshot(Policy policy, double[] theta, RunningMeanStd normalizerStats,
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
    this(config, checkedEval(evalEvery, evalEpisodes, TrainerParts.of(config, initialTheta,
        initialNormalizer, workers, engine, engineOptions)), config.nTimesteps(),
        Integer.MAX_VALUE, evalEvery, evalEpisodes);
  }

  /**
   * A trainer on parts a caller put together (e.g. the paper's toy task:
   * {@link io.natgrad.rl.sample.EpisodeSampler}, {@link ReturnWeights},
   * {@link PolicyGradientUpdate}), without checkpoints.
   *
   * @param parts the loop's stages
   * @param maxSteps stop once this many environment steps were taken
   * @param maxIterations stop after this many updates
   * @param evalEvery evaluate every this many steps (0: never)
   * @param evalEpisodes episodes per evaluation
   */
  public OnPolicyTrainer(TrainerParts parts, long maxSteps, int maxIterations, long evalEvery,
      int evalEpisodes) {
    this(null, checkedEval(evalEvery, evalEpisodes, parts), maxSteps, maxIterations, evalEvery,
        evalEpisodes);
  }

  private OnPolicyTrainer(TrainConfig config, TrainerParts parts, long maxSteps,
      int maxIterations, long evalEvery, int evalEpisodes) {
    if (maxSteps < 0 || maxIterations < 0) {
      throw new IllegalArgumentException("the step and iteration budgets must be >= 0, got "
          + maxSteps + " and " + maxIterations);
    }
    this.config = config;
    this.envId = parts.envId();
    this.envOptions = parts.envOptions();
    this.policy = parts.policy();
    this.theta = parts.theta0().clone();
    this.normalizer = parts.normalizer();
    this.valueFunction = parts.critic();
    this.sampler = parts.sampler();
    this.batchUnits = parts.batchUnits();
    this.estimator = parts.estimator();
    this.update = parts.update();
    this.maxSteps = maxSteps;
    this.maxIterations = maxIterations;
    this.evalEvery = evalEvery;
    this.evalEpisodes = evalEpisodes;
    this.nextEval = evalEvery;
  }

  private static TrainerParts checkedEval(long evalEvery, int evalEpisodes, TrainerParts parts) {
    if (evalEvery < 0 || (evalEvery > 0 && evalEpisodes < 1)) {
      parts.sampler().close();
    }
    if (evalEvery < 0) {
      throw new IllegalArgumentException("eval_every must be >= 0, got " + evalEvery);
    }
    if (evalEvery > 0 && evalEpisodes < 1) {
      throw new IllegalArgumentException("eval episodes must be >= 1, got " + evalEpisodes);
    }
    return parts;
  }

  /** The policy family for the environment's action space ({@link TrainerParts#makePolicy}). */
  public static NeuralPolicy makePolicy(TrainConfig config, Env env) {
    return TrainerParts.makePolicy(config, env);
  }

  public Policy policy() {
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

  /** The configuration, or null for a trainer on hand-assembled parts. */
  public TrainConfig config() {
    return config;
  }

  /**
   * Runs until the step budget (n_timesteps) or the iteration budget is spent, or until the
   * listener says stop; returns the last θ. After {@link #restore} it continues from the
   * checkpoint.
   */
  public double[] train(TrainingListener listener) {
    long start = System.nanoTime();
    while (steps < maxSteps && iteration < maxIterations) {
      iteration++;
      long tCollect = System.nanoTime();
      Batch batch = sampler.collect(theta, batchUnits);
      double collectSeconds = (System.nanoTime() - tCollect) / 1e9;
      steps += batch.size();
      for (double[] ep : sampler.drainCompletedEpisodes()) {
        recent.addLast(ep);
        if (recent.size() > 100) {
          recent.removeFirst();
        }
      }
      AdvantageEstimator.Estimate est = estimator.estimate(batch);
      double progressRemaining = maxSteps == Long.MAX_VALUE ? Double.NaN
          : 1.0 - (double) steps / maxSteps;
      Rollout rollout = new Rollout(batch, est.values(), est.advantages(), est.returns(),
          progressRemaining, iteration);
      UpdateResult u = update.apply(theta, rollout);
      theta = u.theta();
      MetricsRow row = new MetricsRow();
      u.record(row);
      row.put("time/collect_seconds", collectSeconds);
      row.put("time/policy_update_seconds", u.policySeconds());
      row.put("time/critic_seconds", u.criticSeconds());
      double elapsed = elapsedBefore + (System.nanoTime() - start) / 1e9;
      row.put("time/iterations", iteration);
      row.put("time/total_timesteps", steps);
      row.put("time/time_elapsed", elapsed);
      row.put("time/fps", steps / Math.max(elapsed, 1e-9));
      row.put("rollout/ep_rew_mean", mean(recent, 0));
      row.put("rollout/ep_len_mean", mean(recent, 1));
      row.put("rollout/episodes", recent.size());
      row.put("train/value_loss", u.valueLoss());
      if (est.values() != null) {
        row.put("train/explained_variance", explainedVariance(est.values(), est.returns()));
      }
      if (policy instanceof NeuralPolicy np) {
        row.put("train/entropy", np.meanEntropy(theta, batch.observations(), batch.size()));
      }
      row.put("train/std", policy instanceof GaussianMlpPolicy g
          ? Math.exp(g.logStd(theta, 0)) : Double.NaN);
      boolean best = false;
      Evaluation evaluation = null;
      if (evalEvery > 0 && steps >= nextEval) {
        while (nextEval <= steps) {
          nextEval += evalEvery;
        }
        Evaluation ev = evaluate(evalEpisodes, Rng.derive(config.seed(), "eval-" + evals++), true);
        evaluation = ev;
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
      if (listener != null && !listener.onIteration(new TrainingIteration(iteration, steps,
          elapsed, row.number("rollout/ep_rew_mean"), evaluation, rollout, u, row, snap))) {
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
    requireConfig("checkpoints");
    // the update's state in the checkpoint's (format 1) fields: PPO's shared Adam and shuffles,
    // NPG/TRPO's critic stream and rejection streak (the critic's own Adam is the critic's), or
    // ACKTR's noise stream; K-FAC's statistics and ACKTR's momentum as named arrays
    Adam.State ppoAdam = null;
    long[] criticRng;
    int failStreak = 0;
    java.util.Map<String, double[]> updateState = java.util.Map.of();
    if (update instanceof PpoUpdate ppo) {
      PpoUpdate.State st = ppo.state();
      ppoAdam = st.adam();
      criticRng = st.rng();
    } else if (update instanceof AcktrUpdate acktr) {
      AcktrUpdate.State st = acktr.state();
      criticRng = st.noise();
      updateState = st.arrays();
    } else {
      NaturalPolicyUpdate.State st = ((NaturalPolicyUpdate) update).state();
      criticRng = st.criticRng();
      failStreak = st.failStreak();
      updateState = st.metric();
    }
    return new TrainerState(config.toMap(), iteration, steps, lastElapsed, theta.clone(),
        valueFunction.parameters(),
        valueFunction instanceof MlpValueFunction mlp && ppoAdam == null
            ? mlp.optimizer().state() : null,
        ppoAdam, normalizer == null ? null : normalizer.stats().copy(), criticRng,
        sampler.snapshot(), new ArrayList<>(recent), nextEval, evals,
        bestEval == Double.NEGATIVE_INFINITY ? null : bestEval, failStreak, updateState);
  }

  /**
   * Continues from a checkpoint of a trainer with the same configuration. Returns false when an
   * environment could not restore its episodes (a user's environment without snapshots): training
   * then continues with fresh episodes.
   */
  public boolean restore(TrainerState s) {
    requireConfig("restoring a checkpoint");
    try {
      return restoreFrom(s);
    } catch (IllegalArgumentException e) {
      // a checkpoint whose contents do not fit its configuration (sizes, normalizer, copies):
      // refused; the trainer must not be used after a failed restore
      throw new IllegalArgumentException("the checkpoint does not fit its configuration: "
          + e.getMessage(), e);
    }
  }

  private boolean restoreFrom(TrainerState s) {
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
    if (update instanceof PpoUpdate ppo) {
      if (s.ppoAdam() == null) {
        throw new IllegalArgumentException("checkpoint has no PPO optimizer state");
      }
      ppo.restore(new PpoUpdate.State(s.criticRng(), s.ppoAdam()));
    } else if (update instanceof AcktrUpdate acktr) {
      acktr.restore(new AcktrUpdate.State(s.criticRng(), s.updateState()));
    } else {
      ((NaturalPolicyUpdate) update).restore(
          new NaturalPolicyUpdate.State(s.criticRng(), s.failStreak(), s.updateState()));
    }
    if ((normalizer == null) != (s.normalizer() == null)) {
      throw new IllegalArgumentException("checkpoint and configuration disagree on normalize");
    }
    if (normalizer != null) {
      RunningMeanStd n = s.normalizer();
      normalizer.stats().restore(n);
    }
    iteration = s.iteration();
    steps = s.steps();
    elapsedBefore = s.elapsedSeconds();
    lastElapsed = s.elapsedSeconds();
    recent.clear();
    recent.addAll(s.recentEpisodes());
    nextEval = s.nextEval();
    evals = s.evals();
    bestEval = s.bestEval() == null ? Double.NEGATIVE_INFINITY : s.bestEval();
    boolean exact = sampler.restore(s.sampler());
    if (!exact) {
      LOG.warn("{} offers no state snapshots: resuming with fresh episodes", config.env());
    }
    LOG.info("resumed {} at update {} ({} steps)", config.env(), iteration, steps);
    return exact;
  }

  private void requireConfig(String what) {
    if (config == null) {
      throw new UnsupportedOperationException(what + " need a trainer built from a TrainConfig");
    }
  }

  /** Evaluates the current policy on a fresh environment with frozen normalization. */
  public Evaluation evaluate(int episodes, long seed, boolean deterministic) {
    ObservationNormalizer frozen = normalizer == null ? null
        : new ObservationNormalizer(normalizer.stats().copy(), normalizer.clip());
    return Evaluation.run(policy, theta, frozen, Evaluation.makeEnv(envId, envOptions), episodes,
        seed, deterministic);
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
