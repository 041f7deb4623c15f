package io.natgrad.rl.env;

import io.natgrad.core.random.Rng;

/**
 * Base class enforcing {@link Env}'s contract: reset before step, no step after the episode ended,
 * actions checked by {@link #checkAction}. Subclasses implement {@link #resetState} and
 * {@link #advance}.
 */
public abstract class AbstractEnv implements Env {
  private Rng rng;
  private boolean active;

  /** The generator's state (null before the first reset), for snapshots. */
  public final long[] rngState() {
    return rng == null ? null : rng.state();
  }

  /** Restores the generator's state saved by {@link #rngState()}. */
  public final void restoreRngState(long[] state) {
    rng = state == null ? null : Rng.fromState(state);
  }

  /** Marks the episode as ended (snapshot restore). */
  final void deactivate() {
    active = false;
  }

  /** Whether an episode is in progress. */
  public final boolean active() {
    return active;
  }

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
    checkAction(action);
    StepResult r = advance(action);
    if (r.done()) {
      active = false;
    }
    return r;
  }

  /**
   * Marks an episode as in progress without resetting, for environments whose state was injected
   * ({@link StatefulEnv#restoreState}). Seeds the generator with 0 if it never was.
   */
  protected final void activate() {
    if (rng == null) {
      rng = Rng.of(0);
    }
    active = true;
  }

  /**
   * Checks an action before {@link #advance}: by default it must lie in the action space.
   * Environments that clip out-of-range actions themselves, as Gymnasium's Pendulum and
   * MountainCarContinuous do, relax this to "finite, of the right length".
   */
  protected void checkAction(double[] action) {
    actionSpace().check(id() + " action", action);
  }

  /** Starts a new episode and returns its first observation. */
  protected abstract double[] resetState();

  /** Applies a valid action. */
  protected abstract StepResult advance(double[] action);
}
