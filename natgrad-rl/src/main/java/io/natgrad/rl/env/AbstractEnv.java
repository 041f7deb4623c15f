package io.natgrad.rl.env;

import io.natgrad.core.random.Rng;

/**
 * Base class enforcing {@link Env}'s contract: reset before step, no step after the episode ended,
 * actions inside the action space. Subclasses implement {@link #resetState} and {@link #advance}.
 */
public abstract class AbstractEnv implements Env {
  private Rng rng;
  private boolean active;

  /** The environment's own generator (seeded by {@link #reset(long)}). */
  protected final Rng rng() {
    if (rng == null) {
      throw new IllegalStateException(id() + ": call reset(seed) before using the environment");
    }
    return rng;
  }

  @Override
  public final double[] reset(long seed) {
    rng = Rng.of(seed);
    return reset();
  }

  @Override
  public final double[] reset() {
    if (rng == null) {
      rng = Rng.of(0);
    }
    active = true;
    return resetState();
  }

  @Override
  public final StepResult step(double[] action) {
    if (!active) {
      throw new IllegalStateException(id()
          + ": step() called before reset() or after the episode ended; call reset() first");
    }
    actionSpace().check(id() + " action", action);
    StepResult r = advance(action);
    if (r.done()) {
      active = false;
    }
    return r;
  }

  /** Starts a new episode and returns its first observation. */
  protected abstract double[] resetState();

  /** Applies a valid action. */
  protected abstract StepResult advance(double[] action);
}
