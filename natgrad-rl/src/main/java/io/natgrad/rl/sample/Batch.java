package io.natgrad.rl.sample;

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
 * @param episodeOffsets E+1 offsets, starting at 0 and ending at n
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
    int[] episodeOffsets) {

  public Batch {
    int n = rewards.length;
    if (observations.length != n * observationDim || actions.length != n * actionDim
        || terminated.length != n || truncated.length != n || logProbs.length != n) {
      throw new IllegalArgumentException("batch columns disagree on the number of steps " + n);
    }
    if (episodeOffsets.length < 1 || episodeOffsets[0] != 0
        || episodeOffsets[episodeOffsets.length - 1] != n) {
      throw new IllegalArgumentException(
          "episode offsets must run from 0 to " + n + ", got " + Arrays.toString(episodeOffsets));
    }
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
