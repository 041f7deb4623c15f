package io.natgrad.rl.sample;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.NonFiniteEnvironmentException;
import io.natgrad.rl.env.ObservationNormalizer;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Steps several environment copies together for a fixed number of steps each, with auto-reset,
 * like Stable-Baselines3's vectorized rollouts: at every vector step each copy k (in order) gets an
 * action from the policy and steps; an episode that ends is reset at once and its final observation
 * kept for bootstrapping. The batch is env-major (copy k's steps are contiguous), so every segment
 * of a copy is one contiguous episode piece.
 *
 * <p>Randomness: copy k resets with seed {@code derive(seed, "env-k")} once and continues its own
 * generator afterwards, and draws actions from its own stream {@code derive(seed, "actions-k")}, so
 * the batch depends only on the seed and the number of copies. With an {@link ObservationNormalizer}
 * the policy sees normalized observations, and (while training) the statistics are updated once per
 * vector step from the copies' new observations, in copy order — as VecNormalize does. Non-finite
 * actions, observations and rewards are refused where they appear, naming the environment and step.
 */
public final class VectorSampler {
  private final List<Env> envs;
  private final Policy policy;
  private final ObservationNormalizer normalizer;
  private final int od;
  private final int ad;
  private final Rng[] actionRngs;
  private final long[] envSeeds;
  private final double[][] raw;
  private final double[][] seen;
  private final int[] timestep;
  private final double[] episodeReturn;
  private final int[] episodeLength;
  private final List<double[]> completed = new ArrayList<>();
  private boolean started;
  private boolean training = true;
  private long totalSteps;

  /**
   * @param envs the environment copies (each already wrapped as needed, e.g. {@code ClipAction})
   * @param policy the policy
   * @param seed the seed every stream derives from
   * @param normalizer shared observation normalizer, or null
   */
  public VectorSampler(List<Env> envs, Policy policy, long seed, ObservationNormalizer normalizer) {
    if (envs.isEmpty()) {
      throw new IllegalArgumentException("n_envs must be >= 1, got 0");
    }
    this.envs = List.copyOf(envs);
    this.policy = policy;
    this.normalizer = normalizer;
    this.od = envs.get(0).observationSpace().flatDimension();
    this.ad = policy.actionDimension();
    int m = envs.size();
    actionRngs = new Rng[m];
    envSeeds = new long[m];
    for (int k = 0; k < m; k++) {
      actionRngs[k] = Rng.of(Rng.derive(seed, "actions-" + k));
      envSeeds[k] = Rng.derive(seed, "env-" + k);
    }
    raw = new double[m][];
    seen = new double[m][];
    timestep = new int[m];
    episodeReturn = new double[m];
    episodeLength = new int[m];
  }

  /** Whether the normalizer's statistics are updated (training) or frozen. */
  public void setTraining(boolean training) {
    this.training = training;
  }

  public int envCount() {
    return envs.size();
  }

  public long totalSteps() {
    return totalSteps;
  }

  /** Returns and clears the (return, length) of episodes completed since the last call. */
  public List<double[]> drainCompletedEpisodes() {
    List<double[]> out = new ArrayList<>(completed);
    completed.clear();
    return out;
  }

  private double[] observe(double[] rawObs) {
    return normalizer == null ? rawObs.clone() : normalizer.normalize(rawObs);
  }

  private void checkFinite(int k, String what, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new NonFiniteEnvironmentException("environment " + envs.get(k).id() + " (copy " + k
            + ") returned a non-finite " + what + " " + Arrays.toString(values) + " (component "
            + i + " = " + values[i] + ") at step " + totalSteps);
      }
    }
  }

  private void start() {
    int m = envs.size();
    double[] rows = new double[m * od];
    for (int k = 0; k < m; k++) {
      raw[k] = envs.get(k).reset(envSeeds[k]);
      checkFinite(k, "observation", raw[k]);
      System.arraycopy(raw[k], 0, rows, k * od, od);
    }
    if (normalizer != null && training) {
      normalizer.stats().update(rows, m);
    }
    for (int k = 0; k < m; k++) {
      seen[k] = observe(raw[k]);
    }
    started = true;
  }

  /** Collects {@code steps} steps from every copy with parameters θ. */
  public Batch collect(double[] theta, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("n_steps must be >= 1, got " + steps);
    }
    if (!started) {
      start();
    }
    int m = envs.size();
    int n = m * steps;
    double[] obs = new double[n * od];
    double[] act = new double[n * ad];
    double[] rew = new double[n];
    boolean[] term = new boolean[n];
    boolean[] trunc = new boolean[n];
    double[] logp = new double[n];
    int[] ts = new int[n];
    // final observations of segments that end inside the rollout, per copy, in order
    List<List<double[]>> finals = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      finals.add(new ArrayList<>());
    }
    double[] rows = new double[m * od];
    double[][] terminalRaw = new double[m][];
    double[] action = new double[ad];
    for (int t = 0; t < steps; t++) {
      for (int k = 0; k < m; k++) {
        int i = k * steps + t;
        System.arraycopy(seen[k], 0, obs, i * od, od);
        logp[i] = policy.sampleWithLogProb(theta, seen[k], actionRngs[k], action);
        for (double a : action) {
          if (!Double.isFinite(a)) {
            throw new NonFiniteEnvironmentException("policy produced a non-finite action "
                + Arrays.toString(action) + " for " + envs.get(k).id() + " at step " + totalSteps);
          }
        }
        System.arraycopy(action, 0, act, i * ad, ad);
        StepResult r = envs.get(k).step(action.clone());
        checkFinite(k, "observation", r.observation());
        if (!Double.isFinite(r.reward())) {
          throw new NonFiniteEnvironmentException("environment " + envs.get(k).id() + " (copy "
              + k + ") returned a non-finite reward " + r.reward() + " at step " + totalSteps);
        }
        totalSteps++;
        rew[i] = r.reward();
        term[i] = r.terminated();
        trunc[i] = r.truncated();
        ts[i] = timestep[k];
        episodeReturn[k] += r.reward();
        episodeLength[k]++;
        if (r.done()) {
          terminalRaw[k] = r.observation();
          completed.add(new double[] {episodeReturn[k], episodeLength[k]});
          episodeReturn[k] = 0;
          episodeLength[k] = 0;
          timestep[k] = 0;
          raw[k] = envs.get(k).reset();
          checkFinite(k, "observation", raw[k]);
        } else {
          terminalRaw[k] = null;
          timestep[k]++;
          raw[k] = r.observation();
        }
        System.arraycopy(raw[k], 0, rows, k * od, od);
      }
      if (normalizer != null && training) {
        normalizer.stats().update(rows, m);
      }
      for (int k = 0; k < m; k++) {
        seen[k] = observe(raw[k]);
        if (terminalRaw[k] != null) {
          finals.get(k).add(observe(terminalRaw[k]));
        }
      }
    }
    // segments: split each copy's block after every done step
    List<Integer> offsets = new ArrayList<>();
    List<double[]> finalRows = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      int start = k * steps;
      int f = 0;
      offsets.add(start);
      for (int t = 0; t < steps; t++) {
        int i = start + t;
        if (term[i] || trunc[i]) {
          finalRows.add(finals.get(k).get(f++));
          if (t < steps - 1) {
            offsets.add(i + 1);
          }
        }
      }
      int last = start + steps - 1;
      if (!(term[last] || trunc[last])) {
        finalRows.add(seen[k].clone());
      }
    }
    int[] off = new int[offsets.size() + 1];
    for (int e = 0; e < offsets.size(); e++) {
      off[e] = offsets.get(e);
    }
    off[offsets.size()] = n;
    double[] fin = new double[finalRows.size() * od];
    for (int e = 0; e < finalRows.size(); e++) {
      System.arraycopy(finalRows.get(e), 0, fin, e * od, od);
    }
    return new Batch(od, ad, obs, act, rew, term, trunc, logp, ts, off, fin);
  }

  /** The observations the policy sees now, one per copy (copies). */
  public double[][] currentObservations() {
    double[][] out = new double[seen.length][];
    for (int k = 0; k < seen.length; k++) {
      out[k] = seen[k] == null ? null : seen[k].clone();
    }
    return out;
  }
}
