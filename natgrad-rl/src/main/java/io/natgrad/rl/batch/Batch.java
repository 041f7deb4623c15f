package io.natgrad.rl.batch;

import java.util.Arrays;

/**
 * A columnar batch of environment steps: a plain value that can cross a thread or process
 * boundary. Step i has observation row i (the state the action was taken in), action row i, its
 * reward, flags and log π at collection time. Episodes are contiguous: episode e spans steps
 * [episodeOffsets[e], episodeOffsets[e+1]); the last one may be unfinished when sampling by steps.
 *
 * @param observationDim length of an observation
 * @param actionDim length of an action
 * @param observations n × observationDim, row-major
 * @param actions n × actionDim, row-major
 * @param rewards n rewards
 * @param terminated n flags: the step ended its episode in a terminal state
 * @param truncated n flags: the step ended its episode by truncation (time limit)
 * @param logProbs n values of log π_θ(aᵢ|sᵢ) when the step was taken
 * @param timesteps n values: the step's index within its episode (0 for the first step)
 * @param episodeOffsets E+1 offsets, starting at 0 and ending at n
 * @param finalObservations E × observationDim: the observation after each segment's last step
 *     (the terminal or truncated observation, or the next observation when the batch cut the
 *     episode) — what a value function bootstraps from
 */
public record Batch(
    int observationDim,
    int actionDim,
    double[] observations,
    double[] actions,
    double[] rewards,
    boolean[] terminated,
    boolean[] truncated,
    double[] logProbs,
    int[] timesteps,
    int[] episodeOffsets,
    double[] finalObservations) {

  public Batch {
    int n = rewards.length;
    if (observations.length != n * observationDim || actions.length != n * actionDim
        || terminated.length != n || truncated.length != n || logProbs.length != n
        || timesteps.length != n) {
      throw new IllegalArgumentException("batch columns disagree on the number of steps " + n);
    }
    if (episodeOffsets.length < 1 || episodeOffsets[0] != 0
        || episodeOffsets[episodeOffsets.length - 1] != n) {
      throw new IllegalArgumentException(
          "episode offsets must run from 0 to " + n + ", got " + Arrays.toString(episodeOffsets));
    }
    if (finalObservations.length != (episodeOffsets.length - 1) * observationDim) {
      throw new IllegalArgumentException("final observations must hold one row per segment");
    }
  }

  /** A copy of segment e's final observation. */
  public double[] finalObservation(int e) {
    return Arrays.copyOfRange(finalObservations, e * observationDim, (e + 1) * observationDim);
  }

  /** Concatenates batches in order (segments stay separate). */
  public static Batch concat(java.util.List<Batch> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    int od = parts.get(0).observationDim;
    int ad = parts.get(0).actionDim;
    int n = 0;
    int e = 0;
    for (Batch b : parts) {
      if (b.observationDim != od || b.actionDim != ad) {
        throw new IllegalArgumentException("batches of different shapes cannot be concatenated");
      }
      n += b.size();
      e += b.episodes();
    }
    double[] obs = new double[n * od];
    double[] act = new double[n * ad];
    double[] rew = new double[n];
    boolean[] term = new boolean[n];
    boolean[] trunc = new boolean[n];
    double[] lp = new double[n];
    int[] ts = new int[n];
    int[] off = new int[e + 1];
    double[] fin = new double[e * od];
    int i = 0;
    int k = 0;
    for (Batch b : parts) {
      int m = b.size();
      System.arraycopy(b.observations, 0, obs, i * od, m * od);
      System.arraycopy(b.actions, 0, act, i * ad, m * ad);
      System.arraycopy(b.rewards, 0, rew, i, m);
      System.arraycopy(b.terminated, 0, term, i, m);
      System.arraycopy(b.truncated, 0, trunc, i, m);
      System.arraycopy(b.logProbs, 0, lp, i, m);
      System.arraycopy(b.timesteps, 0, ts, i, m);
      System.arraycopy(b.finalObservations, 0, fin, k * od, b.episodes() * od);
      for (int s = 0; s < b.episodes(); s++) {
        off[k + s + 1] = i + b.episodeOffsets[s + 1];
      }
      i += m;
      k += b.episodes();
    }
    return new Batch(od, ad, obs, act, rew, term, trunc, lp, ts, off, fin);
  }

  /**
   * Steps 0, k, 2k, … as a batch, for a policy step on a subsample (sb3-contrib TRPO's
   * {@code sub_sampling_factor}): observation, action, reward, flags, log π and timestep of each
   * kept step. The kept steps no longer form episodes: the result is one segment whose final
   * observation is this batch's last one, not for bootstrapping values.
   */
  public Batch everyKth(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("sub_sampling_factor must be >= 1, got " + k);
    }
    int n = (size() + k - 1) / k;
    double[] obs = new double[n * observationDim];
    double[] act = new double[n * actionDim];
    double[] rew = new double[n];
    boolean[] term = new boolean[n];
    boolean[] trunc = new boolean[n];
    double[] lp = new double[n];
    int[] ts = new int[n];
    for (int j = 0; j < n; j++) {
      int i = j * k;
      System.arraycopy(observations, i * observationDim, obs, j * observationDim, observationDim);
      System.arraycopy(actions, i * actionDim, act, j * actionDim, actionDim);
      rew[j] = rewards[i];
      term[j] = terminated[i];
      trunc[j] = truncated[i];
      lp[j] = logProbs[i];
      ts[j] = timesteps[i];
    }
    int e = episodes();
    double[] fin = Arrays.copyOfRange(finalObservations, (e - 1) * observationDim,
        e * observationDim);
    return new Batch(observationDim, actionDim, obs, act, rew, term, trunc, lp, ts,
        new int[] {0, n}, fin);
  }

  /** Number of steps. */
  public int size() {
    return rewards.length;
  }

  /** Number of episodes (the last may be unfinished). */
  public int episodes() {
    return episodeOffsets.length - 1;
  }

  /** Whether episode e ended (terminated or truncated) inside the batch. */
  public boolean episodeComplete(int e) {
    int last = episodeOffsets[e + 1] - 1;
    return last >= episodeOffsets[e] && (terminated[last] || truncated[last]);
  }

  /** A copy of observation row i. */
  public double[] observation(int i) {
    return Arrays.copyOfRange(observations, i * observationDim, (i + 1) * observationDim);
  }

  /** A copy of action row i. */
  public double[] action(int i) {
    return Arrays.copyOfRange(actions, i * actionDim, (i + 1) * actionDim);
  }

  /** The undiscounted return Σ r of episode e. */
  public double episodeReturn(int e) {
    double s = 0;
    for (int i = episodeOffsets[e]; i < episodeOffsets[e + 1]; i++) {
      s += rewards[i];
    }
    return s;
  }

  /** The mean undiscounted return over the complete episodes (NaN when there is none). */
  public double meanCompleteEpisodeReturn() {
    double s = 0;
    int k = 0;
    for (int e = 0; e < episodes(); e++) {
      if (episodeComplete(e)) {
        s += episodeReturn(e);
        k++;
      }
    }
    return k == 0 ? Double.NaN : s / k;
  }
}
