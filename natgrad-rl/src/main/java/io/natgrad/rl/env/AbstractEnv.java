package io.natgrad.rl.env;

import io.natgrad.core.random.NumPyGenerator;
import io.natgrad.core.random.Pcg64;
import io.natgrad.core.random.Rng;

/**
 * Base class enforcing {@link Env}'s contract: reset before step, no step after the episode ended,
 * actions checked by {@link #checkAction}. Subclasses implement {@link #resetState} and
 * {@link #advance}.
 */
public abstract class AbstractEnv implements Env {
  private final Seeding seeding;
  private Rng rng;
  private NumPyGenerator npRandom;
  private boolean active;

  /** An environment with natgrad's own seeding. */
  protected AbstractEnv() {
    this(Seeding.NATGRAD);
  }

  /** An environment with the given seeding ({@link Seeding#GYMNASIUM}: Gymnasium's numbers). */
  protected AbstractEnv(Seeding seeding) {
    this.seeding = java.util.Objects.requireNonNull(seeding, "seeding");
  }

  /** How {@link #reset(long)} seeds this environment. */
  @Override
  public final Seeding seeding() {
    return seeding;
  }

  /**
   * The generator's state (null before the first reset), for snapshots: xoshiro256++'s four words,
   * or with Gymnasium seeding PCG64's six (state high and low, increment high and low,
   * has_uint32, uinteger).
   */
  public final long[] rngState() {
    if (seeding == Seeding.GYMNASIUM) {
      if (npRandom == null) {
        return null;
      }
      Pcg64.State s = npRandom.bitGenerator().state();
      return new long[] {s.stateHi(), s.stateLo(), s.incHi(), s.incLo(), s.hasUint32() ? 1 : 0,
          s.uinteger()};
    }
    return rng == null ? null : rng.state();
  }

  /** Restores the generator's state saved by {@link #rngState()}. */
  public final void restoreRngState(long[] state) {
    if (seeding == Seeding.GYMNASIUM) {
      if (state != null && state.length != 6) {
        throw new IllegalArgumentException(id() + ": a Gymnasium-seeded generator state has 6 "
            + "words (PCG64), got " + state.length + " (was it written with natgrad seeding?)");
      }
      npRandom = state == null ? null : new NumPyGenerator(Pcg64.of(new Pcg64.State(state[0],
          state[1], state[2], state[3], state[4] != 0, (int) state[5])));
      return;
    }
    if (state != null && state.length != 4) {
      throw new IllegalArgumentException(id() + ": a natgrad generator state has 4 words, got "
          + state.length + " (was it written with seeding: gymnasium?)");
    }
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

  /** The environment's own generator (seeded by {@link #reset(long)}; natgrad seeding). */
  protected final Rng rng() {
    if (seeding == Seeding.GYMNASIUM) {
      throw new IllegalStateException(id() + " uses seeding: gymnasium; draw from npRandom()");
    }
    if (rng == null) {
      throw new IllegalStateException(id() + ": call reset(seed) before using the environment");
    }
    return rng;
  }

  /** Gymnasium's {@code self.np_random} (seeded by {@link #reset(long)}; Gymnasium seeding). */
  protected final NumPyGenerator npRandom() {
    if (npRandom == null) {
      throw new IllegalStateException(id() + ": call reset(seed) before using the environment");
    }
    return npRandom;
  }

  /** Whether the start state is drawn as Gymnasium draws it. */
  protected final boolean gymnasiumSeeding() {
    return seeding == Seeding.GYMNASIUM;
  }

  /**
   * Starts an episode from {@code seed}: natgrad's {@code Rng.of(seed)}, or with Gymnasium seeding
   * {@code np.random.Generator(PCG64(SeedSequence(seed)))} with the seed read as unsigned, so
   * {@code reset(-1)} is Gymnasium's {@code reset(seed=2**64-1)}.
   */
  @Override
  public final double[] reset(long seed) {
    if (seeding == Seeding.GYMNASIUM) {
      npRandom = NumPyGenerator.seeded(seed);
    } else {
      rng = Rng.of(seed);
    }
    return reset();
  }

  /** Starts an episode continuing the generator (seeded with 0 if it never was). */
  @Override
  public final double[] reset() {
    if (seeding == Seeding.GYMNASIUM) {
      if (npRandom == null) {
        npRandom = NumPyGenerator.seeded(0); // where Gymnasium would draw OS entropy
      }
    } else if (rng == null) {
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
    if (seeding == Seeding.GYMNASIUM) {
      if (npRandom == null) {
        npRandom = NumPyGenerator.seeded(0);
      }
    } else if (rng == null) {
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
