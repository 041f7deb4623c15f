package io.natgrad.rl.env;

/**
 * Clips actions to the bounds of a {@link Box} action space before the environment sees them, as
 * Stable-Baselines3 does with a Gaussian policy's unbounded samples (the unclipped action is what the
 * policy's log-probability refers to and what the trainer stores).
 */
public final class ClipAction implements Env {
  private final Env env;
  private final double[] low;
  private final double[] high;

  public ClipAction(Env env) {
    if (!(env.actionSpace() instanceof Box box)) {
      throw new IllegalArgumentException(
          "ClipAction needs a Box action space, " + env.id() + " has " + env.actionSpace());
    }
    this.env = env;
    this.low = box.low();
    this.high = box.high();
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

  /** Any finite action of the right length is accepted and clipped. */
  @Override
  public Space actionSpace() {
    return Box.unbounded(low.length);
  }

  @Override
  public double[] reset(long seed) {
    return env.reset(seed);
  }

  @Override
  public double[] reset() {
    return env.reset();
  }

  @Override
  public StepResult step(double[] action) {
    return env.step(clip(action, low, high));
  }

  /** The action clipped to [low, high] (a copy). */
  public static double[] clip(double[] action, double[] low, double[] high) {
    if (action.length != low.length) {
      throw new IllegalArgumentException("action has " + action.length + " components, expected "
          + low.length);
    }
    double[] a = new double[action.length];
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(action[i])) {
        throw new IllegalArgumentException("action must be finite, got "
            + java.util.Arrays.toString(action));
      }
      a[i] = Math.max(low[i], Math.min(high[i], action[i]));
    }
    return a;
  }

  @Override
  public Seeding seeding() {
    return unwrapped().seeding();
  }
}
