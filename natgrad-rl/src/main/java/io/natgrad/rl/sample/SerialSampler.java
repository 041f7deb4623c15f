package io.natgrad.rl.sample;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.NonFiniteEnvironmentException;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.policy.Policy;
import java.util.Arrays;

/**
 * Collects trajectories of a policy in one environment, on the calling thread, into a columnar
 * {@link Batch}. Every random stream derives from the one seed: the environment is reset with seed
 * {@code derive(seed, "env")} on first use and continues its own generator afterwards, and actions
 * are drawn from the stream {@code derive(seed, "actions")}.
 *
 * <p>Values are checked where they appear: a non-finite action from the policy, or a non-finite
 * observation or reward from the environment, throws {@link NonFiniteEnvironmentException} naming
 * the environment, the step and the value. Episodes run on across calls of {@link #sampleSteps};
 * {@link #sampleEpisodes} always returns whole episodes. Not thread-safe.
 */
public final class SerialSampler {
  private final Env env;
  private final Policy policy;
  private final long envSeed;
  private final Rng actionRng;
  private boolean seeded;
  private double[] observation;
  private long totalSteps;
  private long totalEpisodes;
  private int timestep;

  public SerialSampler(Env env, Policy policy, long seed) {
    this.env = java.util.Objects.requireNonNull(env, "env");
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
    if (env.actionSpace().flatDimension() != policy.actionDimension()) {
      throw new IllegalArgumentException("policy actions have dimension "
          + policy.actionDimension() + ", environment " + env.id() + " expects "
          + env.actionSpace().flatDimension());
    }
    this.envSeed = Rng.derive(seed, "env");
    this.actionRng = Rng.of(Rng.derive(seed, "actions"));
  }

  public Env env() {
    return env;
  }

  /** Steps taken so far. */
  public long totalSteps() {
    return totalSteps;
  }

  /** Episodes started so far. */
  public long totalEpisodes() {
    return totalEpisodes;
  }

  /** Collects exactly {@code episodes} whole episodes with parameters θ. */
  public Batch sampleEpisodes(double[] theta, int episodes) {
    if (episodes < 1) {
      throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
    }
    Builder b = new Builder();
    for (int e = 0; e < episodes; e++) {
      observation = null; // always start a fresh episode
      boolean done;
      do {
        done = step(theta, b);
      } while (!done);
    }
    return b.build();
  }

  /** Collects exactly {@code steps} steps; an unfinished episode continues at the next call. */
  public Batch sampleSteps(double[] theta, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    Builder b = new Builder();
    for (int i = 0; i < steps; i++) {
      step(theta, b);
    }
    return b.build();
  }

  /** One step; returns whether it ended the episode. */
  private boolean step(double[] theta, Builder b) {
    if (observation == null) {
      observation = seeded ? env.reset() : env.reset(envSeed);
      timestep = 0;
      seeded = true;
      checkFinite("observation", observation, "reset");
      b.startEpisode();
      totalEpisodes++;
    }
    double[] action = new double[policy.actionDimension()];
    double logProb = policy.sampleWithLogProb(theta, observation, actionRng, action);
    for (double a : action) {
      if (!Double.isFinite(a)) {
        throw new NonFiniteEnvironmentException("policy produced a non-finite action "
            + Arrays.toString(action) + " in " + env.id() + " at step " + (totalSteps + 1)
            + " (theta = " + Arrays.toString(theta) + ")");
      }
    }
    StepResult r = env.step(action);
    totalSteps++;
    checkFinite("observation", r.observation(), "step " + totalSteps);
    if (!Double.isFinite(r.reward())) {
      throw new NonFiniteEnvironmentException("environment " + env.id()
          + " returned a non-finite reward " + r.reward() + " at step " + totalSteps
          + " (episode " + totalEpisodes + ")");
    }
    b.add(observation, action, r.reward(), r.terminated(), r.truncated(), logProb, timestep++);
    b.setFinal(r.observation());
    observation = r.done() ? null : r.observation();
    return r.done();
  }

  private void checkFinite(String what, double[] values, String where) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new NonFiniteEnvironmentException("environment " + env.id() + " returned a non-finite "
            + what + " " + Arrays.toString(values) + " (component " + i + " = " + values[i]
            + ") at " + where + " (episode " + totalEpisodes + ")");
      }
    }
  }

  /** Growable columns. */
  private final class Builder {
    private final int od = env.observationSpace().flatDimension();
    private final int ad = policy.actionDimension();
    private double[] obs = new double[64 * od];
    private double[] act = new double[64 * ad];
    private double[] rew = new double[64];
    private boolean[] term = new boolean[64];
    private boolean[] trunc = new boolean[64];
    private double[] logp = new double[64];
    private int[] ts = new int[64];
    private int[] offsets = new int[8];
    private double[] finals = new double[8 * od];
    private int episodes;
    private int n;

    void startEpisode() {
      if (n > 0 || episodes > 0) {
        if (episodes + 2 >= offsets.length) {
          offsets = Arrays.copyOf(offsets, offsets.length * 2);
          finals = Arrays.copyOf(finals, offsets.length * od);
        }
        offsets[++episodes] = n;
      }
    }

    /** The observation after the current segment's latest step. */
    void setFinal(double[] o) {
      System.arraycopy(o, 0, finals, episodes * od, od);
    }

    void add(double[] o, double[] a, double r, boolean te, boolean tr, double lp, int t) {
      if (n == rew.length) {
        int cap = 2 * n;
        obs = Arrays.copyOf(obs, cap * od);
        act = Arrays.copyOf(act, cap * ad);
        rew = Arrays.copyOf(rew, cap);
        term = Arrays.copyOf(term, cap);
        trunc = Arrays.copyOf(trunc, cap);
        logp = Arrays.copyOf(logp, cap);
        ts = Arrays.copyOf(ts, cap);
      }
      System.arraycopy(o, 0, obs, n * od, od);
      System.arraycopy(a, 0, act, n * ad, ad);
      rew[n] = r;
      term[n] = te;
      trunc[n] = tr;
      logp[n] = lp;
      ts[n] = t;
      n++;
    }

    Batch build() {
      // offsets[0..episodes] hold the starts of episodes after the first; close with n
      int[] off = new int[episodes + 2];
      off[0] = 0;
      for (int e = 1; e <= episodes; e++) {
        off[e] = offsets[e];
      }
      off[episodes + 1] = n;
      int segments = off.length - 1;
      return new Batch(od, ad, Arrays.copyOf(obs, n * od), Arrays.copyOf(act, n * ad),
          Arrays.copyOf(rew, n), Arrays.copyOf(term, n), Arrays.copyOf(trunc, n),
          Arrays.copyOf(logp, n), Arrays.copyOf(ts, n), off, Arrays.copyOf(finals, segments * od));
    }
  }
}
