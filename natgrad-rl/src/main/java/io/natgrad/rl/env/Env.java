package io.natgrad.rl.env;

/**
 * A reinforcement-learning environment with Gymnasium's API: {@link #reset(long)} starts an
 * episode and returns the first observation; {@link #step} applies an action and returns the next
 * observation, the reward and the terminated/truncated flags.
 *
 * <p>Contract: {@code step} before the first reset, or after an episode ended, throws
 * {@link IllegalStateException}; an action outside {@link #actionSpace()} throws
 * {@link IllegalArgumentException} naming the action and the space. {@link #reset(long)} seeds the
 * environment's own random generator; {@link #reset()} continues it. Not thread-safe: one copy
 * per thread.
 */
public interface Env {

  /** The registry id, e.g. {@code "LinearGaussianWalk-v0"}. */
  String id();

  Space observationSpace();

  Space actionSpace();

  /** Seeds the environment's generator and starts an episode; returns the first observation. */
  double[] reset(long seed);

  /** Starts an episode, continuing the generator; returns the first observation. */
  double[] reset();

  /** Applies {@code action}. */
  StepResult step(double[] action);

  /** How {@code reset(seed)} seeds the environment (wrappers report their inner one's). */
  default Seeding seeding() {
    return Seeding.NATGRAD;
  }
}
