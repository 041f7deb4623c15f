package io.natgrad.rl.env;

/**
 * Gymnasium's {@code TimeLimit} wrapper: after {@code maxEpisodeSteps} steps the episode is
 * truncated (unless it terminated on that step).
 */
public final class TimeLimit implements Env {
  private final Env env;
  private final int maxEpisodeSteps;
  private int elapsed;
  private boolean ended = true;

  public TimeLimit(Env env, int maxEpisodeSteps) {
    if (maxEpisodeSteps < 1) {
      throw new IllegalArgumentException("max_episode_steps must be >= 1, got " + maxEpisodeSteps);
    }
    this.env = env;
    this.maxEpisodeSteps = maxEpisodeSteps;
  }

  public int maxEpisodeSteps() {
    return maxEpisodeSteps;
  }

  /** The wrapped environment. */
  public Env unwrapped() {
    return env;
  }

  @Override
  public String id() {
    return env.id();
  }

  @Override
  public Space observationSpace() {
    return env.observationSpace();
  }

  @Override
  public Space actionSpace() {
    return env.actionSpace();
  }

  @Override
  public double[] reset(long seed) {
    elapsed = 0;
    ended = false;
    return env.reset(seed);
  }

  @Override
  public double[] reset() {
    elapsed = 0;
    ended = false;
    return env.reset();
  }

  /** Restores the step counter of an episode in progress (snapshots). */
  public void restoreElapsed(int steps, boolean episodeEnded) {
    if (steps < 0 || steps > maxEpisodeSteps) {
      throw new IllegalArgumentException("elapsed steps must be in [0, " + maxEpisodeSteps
          + "], got " + steps);
    }
    elapsed = steps;
    ended = episodeEnded;
  }

  /** Whether the current episode ended (or none started). */
  public boolean ended() {
    return ended;
  }

  /** Steps taken in the current episode. */
  public int elapsedSteps() {
    return elapsed;
  }

  /**
   * Counts {@code steps} steps as already taken in the current episode, for an episode resumed
   * from an injected state (replays, resume from a checkpoint).
   */
  public void skipSteps(int steps) {
    if (steps < 0 || elapsed + steps >= maxEpisodeSteps) {
      throw new IllegalArgumentException("cannot skip " + steps + " steps: " + elapsed + " of "
          + maxEpisodeSteps + " already taken");
    }
    elapsed += steps;
  }

  @Override
  public StepResult step(double[] action) {
    if (ended) {
      throw new IllegalStateException(id()
          + ": step() called before reset() or after the episode ended; call reset() first");
    }
    StepResult r = env.step(action);
    elapsed++;
    if (elapsed >= maxEpisodeSteps && !r.truncated()) {
      r = new StepResult(r.observation(), r.reward(), r.terminated(), true, r.info());
    }
    ended = r.done();
    return r;
  }

  @Override
  public Seeding seeding() {
    return unwrapped().seeding();
  }
}
