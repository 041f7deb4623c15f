package io.natgrad.rl.sample;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.NonFiniteEnvironmentException;
import io.natgrad.rl.env.ObservationNormalizer;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Steps several environment copies together for a fixed number of steps each, with auto-reset,
 * like Stable-Baselines3's vectorized rollouts: at every vector step each copy k gets an action from
 * the policy and steps; an episode that ends is reset at once and its final observation kept for
 * bootstrapping. The batch is env-major (copy k's steps are contiguous), so every segment is one
 * contiguous episode piece.
 *
 * <p><b>Threads without changing results.</b> The copies are split into contiguous slices, one per
 * worker; a worker evaluates the policy for its slice in one batched pass and steps its copies.
 * Every copy owns its environment, its random stream ({@code derive(seed, "actions-k")}, reset seed
 * {@code derive(seed, "env-k")}) and its part of the output arrays, and a row's policy output does
 * not depend on the other rows of its batch, so the batch is the same bit for bit for any number of
 * workers. Completed episodes are reported in (step, copy) order. With a training
 * {@link ObservationNormalizer} the workers meet after every vector step so that the statistics are
 * updated once, from all copies' new observations in copy order (as VecNormalize does); without one
 * each worker runs its whole rollout independently.
 *
 * <p>Non-finite actions, observations and rewards are refused where they appear, naming the
 * environment, the copy and the step.
 */
public final class VectorSampler implements Sampler {
  /** Vector steps timed on one thread before the workers may share the rest of a collect. */
  private static final int PROBE_STEPS = 4;
  /**
   * A vector step longer than this (on one thread) is split between the workers when they meet
   * after every step. Measured with two copies of an environment that spins k µs per step: k = 20,
   * two workers as fast as one; k = 100, 1.74× faster; k ≤ 5, two workers per step were slower.
   */
  private static final long SPLIT_STEP_NANOS = 40_000;
  /**
   * {@code -Dnatgrad.sampler.shareSteps=true} shares every collect step by step from the probe on,
   * however fast the steps: for tests that must see that path (it never changes a result).
   */
  private static final boolean SHARE_ALWAYS = Boolean.getBoolean("natgrad.sampler.shareSteps");
  /** Collects that were shared step by step, in this JVM (tests read it). */
  private static final java.util.concurrent.atomic.AtomicLong SHARED_COLLECTS =
      new java.util.concurrent.atomic.AtomicLong();
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
  private final int[][] slices;
  private final ExecutorService pool;
  private final List<double[]> completed = new ArrayList<>();
  private final int firstCopy;
  private boolean started;
  private boolean training = true;
  private io.natgrad.rl.env.RewardNormalizer rewardNormalizer;
  private long totalSteps;

  /** A single-threaded sampler. */
  public VectorSampler(List<Env> envs, Policy policy, long seed, ObservationNormalizer normalizer) {
    this(envs, policy, seed, normalizer, 1);
  }

  /** A sampler over all copies, {@code workers} threads. */
  public VectorSampler(List<Env> envs, Policy policy, long seed, ObservationNormalizer normalizer,
      int workers) {
    this(envs, policy, seed, normalizer, workers, 0);
  }

  /**
   * @param envs the environment copies (each already wrapped as needed, e.g. {@code ClipAction})
   * @param policy the policy
   * @param seed the seed every stream derives from
   * @param normalizer shared observation normalizer, or null
   * @param workers threads stepping the copies (at most one per copy)
   * @param firstCopy the global index of {@code envs.get(0)}: a slice of a larger set of copies
   *     (distributed sampling) derives its streams from the global indices, so the slices of a
   *     batch are exactly the rows the whole set would have produced
   */
  public VectorSampler(List<Env> envs, Policy policy, long seed, ObservationNormalizer normalizer,
      int workers, int firstCopy) {
    if (envs.isEmpty()) {
      throw new IllegalArgumentException("n_envs must be >= 1, got 0");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
    this.envs = List.copyOf(envs);
    this.firstCopy = firstCopy;
    this.policy = policy;
    this.normalizer = normalizer;
    this.od = envs.get(0).observationSpace().flatDimension();
    this.ad = policy.actionDimension();
    int m = envs.size();
    actionRngs = new Rng[m];
    envSeeds = new long[m];
    for (int k = 0; k < m; k++) {
      actionRngs[k] = Rng.of(Rng.derive(seed, "actions-" + (firstCopy + k)));
      envSeeds[k] = Rng.derive(seed, "env-" + (firstCopy + k));
    }
    raw = new double[m][];
    seen = new double[m][];
    timestep = new int[m];
    episodeReturn = new double[m];
    episodeLength = new int[m];
    int w = Math.min(workers, m);
    slices = new int[w][];
    for (int s = 0; s < w; s++) {
      slices[s] = new int[] {s * m / w, (s + 1) * m / w};
    }
    // up to as many slices as kernel threads run on the kernels' team (its helper usually still
    // spins from the last update's passes, so no thread has to be woken per collect); more need
    // their own pool
    pool = w > io.natgrad.rl.nn.Parallelism.threads() ? Executors.newFixedThreadPool(w - 1, r -> {
      Thread t = new Thread(r, "natgrad-sampler");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** Whether the normalizers' statistics are updated (training) or frozen. */
  public void setTraining(boolean training) {
    this.training = training;
  }

  /**
   * Scales the rewards of every collected step with {@code r} (SB3's {@code norm_reward}); set
   * before the first collect. Episode returns are still reported unscaled.
   */
  public void normalizeRewards(io.natgrad.rl.env.RewardNormalizer r) {
    if (r != null && r.copies() != envs.size()) {
      throw new IllegalArgumentException("the reward normalizer has " + r.copies()
          + " copies, the sampler " + envs.size());
    }
    this.rewardNormalizer = r;
  }

  @Override
  public int envCount() {
    return envs.size();
  }

  public long totalSteps() {
    return totalSteps;
  }

  /** Returns and clears the (return, length) of episodes completed since the last call. */
  @Override
  public List<double[]> drainCompletedEpisodes() {
    List<double[]> out = new ArrayList<>();
    for (double[] e : completed) {
      out.add(new double[] {e[0], e[1]});
    }
    completed.clear();
    return out;
  }

  /**
   * As {@link #drainCompletedEpisodes} with each episode's (return, length, vector step within the
   * last collect, global copy index), for merging the slices of a distributed batch in order.
   */
  public List<double[]> drainCompletedEpisodesWithOrder() {
    List<double[]> out = new ArrayList<>(completed);
    completed.clear();
    return out;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private double[] observe(double[] rawObs) {
    return normalizer == null ? rawObs.clone() : normalizer.normalize(rawObs);
  }

  private boolean updatesStats() {
    return normalizer != null && training;
  }

  /** Whether the workers meet after every vector step (statistics over all copies). */
  private boolean perStep() {
    return updatesStats() || rewardNormalizer != null;
  }

  private void checkFinite(int k, String what, double[] values, long step) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw nonFinite(k, what, values, i, step);
      }
    }
  }

  /** The error for a non-finite value (built out of line: the check runs on every step). */
  private NonFiniteEnvironmentException nonFinite(int k, String what, double[] values, int i,
      long step) {
    return new NonFiniteEnvironmentException("environment " + envs.get(k).id() + " (copy "
        + (firstCopy + k) + ") returned a non-finite " + what + " " + Arrays.toString(values)
        + " (component " + i + " = " + values[i] + ") at step " + step);
  }

  private void start() {
    int m = envs.size();
    double[] rows = new double[m * od];
    for (int k = 0; k < m; k++) {
      raw[k] = envs.get(k).reset(envSeeds[k]);
      checkFinite(k, "observation", raw[k], 0);
      System.arraycopy(raw[k], 0, rows, k * od, od);
    }
    if (updatesStats()) {
      normalizer.stats().update(rows, m);
    }
    for (int k = 0; k < m; k++) {
      seen[k] = observe(raw[k]);
    }
    started = true;
  }

  /** What one collect() writes; each copy writes only its own block. */
  private final class Rollout {
    final int steps;
    final double[] obs;
    final double[] act;
    final double[] rew;
    final boolean[] term;
    final boolean[] trunc;
    final double[] logp;
    final int[] ts;
    final List<List<double[]>> finals = new ArrayList<>();
    final List<List<double[]>> done = new ArrayList<>();
    final double[][] terminalRaw;

    Rollout(int steps) {
      int n = envs.size() * steps;
      this.steps = steps;
      obs = new double[n * od];
      act = new double[n * ad];
      rew = new double[n];
      term = new boolean[n];
      trunc = new boolean[n];
      logp = new double[n];
      ts = new int[n];
      terminalRaw = new double[envs.size()][];
      for (int k = 0; k < envs.size(); k++) {
        finals.add(new ArrayList<>());
        done.add(new ArrayList<>());
      }
    }

    /**
     * Copies k0..k1 take vector steps t0..t1; without stats updates they also refresh seen. The
     * per-copy state is worked on in arrays this thread allocates and copied back at the end: two
     * workers writing neighbouring entries of the shared per-copy arrays on every step (the
     * entries of eight copies share a cache line) cost more than the second core gave.
     */
    void run(double[] theta, int k0, int k1, int t0, int t1, long stepBase) {
      Slice slice = new Slice(this, k0, k1);
      for (int t = t0; t < t1; t++) {
        slice.vectorStep(theta, t, stepBase);
      }
      slice.finish();
    }
  }

  /**
   * One worker's copies during one collect. A vector step is a method of its own rather than the
   * body of the loop in {@link Rollout#run}, so that the JIT compiles it once instead of compiling
   * the loop nest on the stack at each of its loops and then again as a method (≈ 0.3 s of
   * compiler time in a 4-second run on two cores).
   */
  private final class Slice {
    final Rollout ro;
    final int k0;
    final int c;
    final double[] x;
    final double[] a;
    final double[] lp;
    final Rng[] rngs;
    final double[][] rawL;
    final double[][] seenL;
    final double[][] terminalL;
    final int[] timestepL;
    final double[] returnL;
    final int[] lengthL;
    final boolean refresh;

    Slice(Rollout ro, int k0, int k1) {
      this.ro = ro;
      this.k0 = k0;
      c = k1 - k0;
      x = new double[c * od];
      a = new double[c * ad];
      lp = new double[c];
      rngs = new Rng[c];
      for (int r = 0; r < c; r++) {
        rngs[r] = actionRngs[k0 + r].copy(); // this thread's own object, advanced here
      }
      rawL = Arrays.copyOfRange(raw, k0, k1);
      seenL = Arrays.copyOfRange(seen, k0, k1);
      terminalL = new double[c][];
      timestepL = Arrays.copyOfRange(timestep, k0, k1);
      returnL = Arrays.copyOfRange(episodeReturn, k0, k1);
      lengthL = Arrays.copyOfRange(episodeLength, k0, k1);
      refresh = !perStep();
    }

    /** The policy acts for every copy of the slice (one batched pass), then each copy steps. */
    void vectorStep(double[] theta, int t, long stepBase) {
      for (int r = 0; r < c; r++) {
        System.arraycopy(seenL[r], 0, x, r * od, od);
      }
      policy.sampleBatch(theta, x, c, rngs, a, lp);
      for (int r = 0; r < c; r++) {
        stepCopy(r, t, stepBase);
      }
    }

    private void stepCopy(int r, int t, long stepBase) {
      int k = k0 + r;
      int i = k * ro.steps + t;
      long step = stepBase + (long) t * envs.size() + k;
      double[] action = Arrays.copyOfRange(a, r * ad, (r + 1) * ad);
      for (double v : action) {
        if (!Double.isFinite(v)) {
          throw nonFiniteAction(action, k, step);
        }
      }
      System.arraycopy(seenL[r], 0, ro.obs, i * od, od);
      System.arraycopy(action, 0, ro.act, i * ad, ad);
      ro.logp[i] = lp[r];
      StepResult res = envs.get(k).step(action);
      checkFinite(k, "observation", res.observation(), step);
      if (!Double.isFinite(res.reward())) {
        throw nonFiniteReward(res.reward(), k, step);
      }
      ro.rew[i] = res.reward();
      ro.term[i] = res.terminated();
      ro.trunc[i] = res.truncated();
      ro.ts[i] = timestepL[r];
      returnL[r] += res.reward();
      lengthL[r]++;
      if (res.done()) {
        terminalL[r] = res.observation();
        ro.done.get(k).add(new double[] {t, k, returnL[r], lengthL[r]});
        returnL[r] = 0;
        lengthL[r] = 0;
        timestepL[r] = 0;
        rawL[r] = envs.get(k).reset();
        checkFinite(k, "observation", rawL[r], step);
      } else {
        terminalL[r] = null;
        timestepL[r]++;
        rawL[r] = res.observation();
      }
      if (refresh) {
        seenL[r] = observe(rawL[r]);
        if (terminalL[r] != null) {
          ro.finals.get(k).add(observe(terminalL[r]));
        }
      }
    }

    /** Copies the slice's state back to the sampler's per-copy arrays. */
    void finish() {
      System.arraycopy(rngs, 0, actionRngs, k0, c);
      System.arraycopy(rawL, 0, raw, k0, c);
      System.arraycopy(seenL, 0, seen, k0, c);
      System.arraycopy(terminalL, 0, ro.terminalRaw, k0, c);
      System.arraycopy(timestepL, 0, timestep, k0, c);
      System.arraycopy(returnL, 0, episodeReturn, k0, c);
      System.arraycopy(lengthL, 0, episodeLength, k0, c);
    }
  }

  private NonFiniteEnvironmentException nonFiniteAction(double[] action, int k, long step) {
    return new NonFiniteEnvironmentException("policy produced a non-finite action "
        + Arrays.toString(action) + " for " + envs.get(k).id() + " (copy " + (firstCopy + k)
        + ") at step " + step);
  }

  private NonFiniteEnvironmentException nonFiniteReward(double reward, int k, long step) {
    return new NonFiniteEnvironmentException("environment " + envs.get(k).id() + " (copy "
        + (firstCopy + k) + ") returned a non-finite reward " + reward + " at step " + step);
  }

  /** Collects {@code steps} steps from every copy with parameters θ. */
  @Override
  public Batch collect(double[] theta, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("n_steps must be >= 1, got " + steps);
    }
    if (!started) {
      start();
    }
    int m = envs.size();
    int n = m * steps;
    Rollout ro = new Rollout(steps);
    long base = totalSteps;
    if (!perStep()) {
      parallel(s -> ro.run(theta, slices[s][0], slices[s][1], 0, steps, base));
    } else {
      double[] rows = new double[m * od];
      double[] r = new double[m];
      boolean[] done = new boolean[m];
      // the workers would meet after every vector step: worth it only when a step is long enough
      // to split (measured: two copies of Acrobot took twice as long on two threads as on one,
      // sixteen the same). The first steps run on this thread, all copies as one slice, and are
      // timed; slow ones go on in parallel, one slice per worker. The slices live for the whole
      // collect (their state is gathered here after each step, and written back once at the
      // end). A row's policy output does not depend on the other rows of its batch, so the batch
      // is the same either way.
      Slice[] active = {new Slice(ro, 0, m)};
      boolean together = false;
      long serialNanos = 0;
      for (int t = 0; t < steps; t++) {
        int tt = t;
        if (together) {
          Slice[] split = active;
          parallel(s -> split[s].vectorStep(theta, tt, base));
        } else {
          long t0 = System.nanoTime();
          active[0].vectorStep(theta, tt, base);
          serialNanos += System.nanoTime() - t0;
        }
        for (Slice sl : active) {
          System.arraycopy(sl.rawL, 0, raw, sl.k0, sl.c);
          System.arraycopy(sl.terminalL, 0, ro.terminalRaw, sl.k0, sl.c);
        }
        if (updatesStats()) {
          for (int k = 0; k < m; k++) {
            System.arraycopy(raw[k], 0, rows, k * od, od);
          }
          normalizer.stats().update(rows, m);
        }
        for (int k = 0; k < m; k++) {
          seen[k] = observe(raw[k]);
          if (ro.terminalRaw[k] != null) {
            ro.finals.get(k).add(observe(ro.terminalRaw[k]));
          }
        }
        if (rewardNormalizer != null) {
          for (int k = 0; k < m; k++) {
            int i = k * steps + t;
            r[k] = ro.rew[i];
            done[k] = ro.term[i] || ro.trunc[i];
          }
          rewardNormalizer.step(r, done, r, training);
          for (int k = 0; k < m; k++) {
            ro.rew[k * steps + t] = r[k];
          }
        }
        for (Slice sl : active) {
          System.arraycopy(seen, sl.k0, sl.seenL, 0, sl.c);
        }
        if (!together && slices.length > 1 && t + 1 == PROBE_STEPS
            && (SHARE_ALWAYS || serialNanos > PROBE_STEPS * SPLIT_STEP_NANOS)) {
          together = true;
          SHARED_COLLECTS.incrementAndGet();
          active[0].finish();
          active = new Slice[slices.length];
          for (int sl = 0; sl < slices.length; sl++) {
            active[sl] = new Slice(ro, slices[sl][0], slices[sl][1]);
          }
        }
      }
      for (Slice sl : active) {
        sl.finish();
      }
    }
    totalSteps += n;
    recordEpisodes(ro);
    return toBatch(ro, steps);
  }

  /** A checkpointed observation: od values, present when the episode continues from it. */
  private void checkObservation(double[] o, String what, int k, boolean needed) {
    if (o == null ? needed : o.length != od) {
      throw new IllegalArgumentException("checkpoint " + what + " of copy " + k + " has "
          + (o == null ? "no" : String.valueOf(o.length)) + " values, the environment has " + od);
    }
  }

  /** Collects shared step by step between the workers so far, in this JVM. */
  static long sharedCollects() {
    return SHARED_COLLECTS.get();
  }

  /** Completed episodes in (step, copy) order, as a single thread would see them. */
  private void recordEpisodes(Rollout ro) {
    List<double[]> eps = new ArrayList<>();
    for (List<double[]> l : ro.done) {
      eps.addAll(l);
    }
    eps.sort((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
    for (double[] e : eps) {
      completed.add(new double[] {e[2], e[3], e[0], firstCopy + e[1]});
    }
  }

  /** The batch, with segments split after every done step of each copy's block. */
  private Batch toBatch(Rollout ro, int steps) {
    int m = envs.size();
    int n = m * steps;
    List<Integer> offsets = new ArrayList<>();
    List<double[]> finalRows = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      int start = k * steps;
      int f = 0;
      offsets.add(start);
      for (int t = 0; t < steps; t++) {
        int i = start + t;
        if (ro.term[i] || ro.trunc[i]) {
          finalRows.add(ro.finals.get(k).get(f++));
          if (t < steps - 1) {
            offsets.add(i + 1);
          }
        }
      }
      int last = start + steps - 1;
      if (!(ro.term[last] || ro.trunc[last])) {
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
    return new Batch(od, ad, ro.obs, ro.act, ro.rew, ro.term, ro.trunc, ro.logp, ro.ts, off, fin);
  }

  private void parallel(java.util.function.IntConsumer slice) {
    if (pool == null) {
      // one slice, or the team: either way the lowest failing slice's exception is thrown
      io.natgrad.rl.nn.Parallelism.forEach(slices.length, slice);
      return;
    }
    // slices 1.. go to the pool, slice 0 runs on the calling thread (one wake-up fewer)
    List<Future<?>> futures = new ArrayList<>();
    for (int s = 1; s < slices.length; s++) {
      int ss = s;
      futures.add(pool.submit((Callable<Void>) () -> {
        slice.accept(ss);
        return null;
      }));
    }
    // every slice finishes; then the lowest slice's failure is reported, whatever the timing
    RuntimeException first = null;
    try {
      slice.accept(0);
    } catch (RuntimeException e) {
      first = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("sampling interrupted", e);
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException re ? re
              : new IllegalStateException(e.getCause());
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** A snapshot of everything that determines future batches. */
  @Override
  public SamplerState snapshot() {
    List<CopyState> copies = new ArrayList<>();
    for (int k = 0; k < envs.size(); k++) {
      copies.add(new CopyState(io.natgrad.rl.env.EnvSnapshot.capture(envs.get(k)),
          actionRngs[k].state(), raw[k] == null ? null : raw[k].clone(),
          seen[k] == null ? null : seen[k].clone(), timestep[k], episodeReturn[k],
          episodeLength[k]));
    }
    return new SamplerState(started, totalSteps, copies,
        rewardNormalizer == null ? null : rewardNormalizer.state());
  }

  /**
   * Restores a snapshot taken from a sampler built the same way. Returns false when an environment
   * offered no snapshot: then every copy starts fresh episodes (seeded from the stream as usual).
   */
  @Override
  public boolean restore(SamplerState state) {
    if (state.copies().size() != envs.size()) {
      throw new IllegalArgumentException("checkpoint has " + state.copies().size()
          + " environment copies, the run has n_envs " + envs.size());
    }
    if ((rewardNormalizer == null) != (state.rewardNormalizer() == null)) {
      throw new IllegalArgumentException(rewardNormalizer == null
          ? "the checkpoint was written by a run that normalized rewards (norm_reward), this run "
              + "does not"
          : "the checkpoint holds no reward-normalization state, this run normalizes rewards "
              + "(norm_reward)");
    }
    if (rewardNormalizer != null) {
      io.natgrad.rl.env.RewardNormalizer.State r = state.rewardNormalizer();
      boolean continues = state.started()
          && state.copies().stream().allMatch(c -> c.env() != null);
      // fresh episodes (below) start from a zero discounted return
      rewardNormalizer.restore(continues ? r : new io.natgrad.rl.env.RewardNormalizer.State(
          r.mean(), r.var(), r.count(), new double[envs.size()]));
    }
    boolean exact = state.copies().stream().allMatch(c -> c.env() != null);
    for (int k = 0; k < envs.size(); k++) {
      CopyState c = state.copies().get(k);
      checkObservation(c.raw(), "observation", k, exact && state.started());
      checkObservation(c.seen(), "normalized observation", k, exact && state.started());
    }
    for (int k = 0; k < envs.size(); k++) {
      actionRngs[k] = io.natgrad.core.random.Rng.fromState(state.copies().get(k).actionRng());
    }
    if (!exact || !state.started()) {
      started = false;
      totalSteps = state.totalSteps();
      return exact;
    }
    for (int k = 0; k < envs.size(); k++) {
      CopyState c = state.copies().get(k);
      c.env().restore(envs.get(k));
      raw[k] = c.raw().clone();
      seen[k] = c.seen().clone();
      timestep[k] = c.timestep();
      episodeReturn[k] = c.episodeReturn();
      episodeLength[k] = c.episodeLength();
    }
    started = true;
    totalSteps = state.totalSteps();
    return true;
  }

  /** The observations the policy sees now, one per copy. */
  public double[][] currentObservations() {
    double[][] out = new double[seen.length][];
    for (int k = 0; k < seen.length; k++) {
      out[k] = seen[k] == null ? null : seen[k].clone();
    }
    return out;
  }
}
