package io.natgrad.rl.env;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Replays episodes recorded from another implementation of an environment (natgrad-mujoco: the
 * Gymnasium v4 MuJoCo episodes' JSON Lines format) through natgrad's environment, step by step,
 * and measures how far natgrad's observations, rewards, flags, info values and next states are
 * from the recorded ones. Found through {@link java.util.ServiceLoader} by {@code natgrad env
 * replay}, so that an optional module brings its own recording format.
 */
public interface RecordingReplayer {

  /** Whether this replayer knows recordings of {@code envId}. */
  boolean accepts(String envId);

  /**
   * Replays every episode of a recording of {@code envId}.
   *
   * @param recording the recording (plain or gzipped)
   * @param tolerance the allowed deviations
   * @throws IllegalArgumentException when the file is not a recording of this format, naming the
   *     field and the line
   */
  Report replay(Path recording, String envId, Tolerance tolerance);

  /**
   * Allowed deviation |natgrad − recorded| / max(|recorded|, 1): relative above 1, absolute
   * below.
   *
   * @param values observations, rewards, info values and the state
   * @param solver the constraint solver's output kept in the state (MuJoCo's warm start), which
   *     is worse conditioned than the state it comes from
   */
  record Tolerance(double values, double solver) {
    public Tolerance {
      if (!(values >= 0) || !(solver >= 0)) {
        throw new IllegalArgumentException("tolerances must be >= 0, got " + values + ", "
            + solver);
      }
    }
  }

  /**
   * One episode's replay.
   *
   * @param episode the recording's episode number
   * @param steps steps replayed
   * @param maxDeviation the largest deviation per quantity (observation, reward, state, …)
   * @param failures what exceeded its tolerance or differed (flags, missing info keys), the
   *     first few, each naming the step, the quantity and index, natgrad's and the recorded value
   */
  record EpisodeReplay(int episode, int steps, Map<String, Double> maxDeviation,
      List<String> failures) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /**
   * A recording's replay.
   *
   * @param envId the recording's environment
   * @param mode how states were set: from every step's recorded pre-step state, or on from the
   *     recorded reset state (tasks that read quantities a recorded state does not hold)
   * @param episodes each episode's result
   */
  record Report(String envId, String mode, List<EpisodeReplay> episodes) {
    public boolean passed() {
      return episodes.stream().allMatch(EpisodeReplay::passed);
    }
  }
}
