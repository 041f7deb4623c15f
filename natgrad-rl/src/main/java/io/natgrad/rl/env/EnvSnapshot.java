package io.natgrad.rl.env;

/**
 * Everything that determines an environment copy's future: its internal state, its generator, the
 * time limit's step counter and whether an episode is in progress — through the wrappers natgrad
 * adds ({@link ClipAction}, {@link TimeLimit}, {@link BusyWork}). What checkpoints and
 * distributed sampling store.
 *
 * @param state the {@link StatefulEnv#state()}
 * @param rng the environment's generator state (null before its first reset)
 * @param elapsed steps of the current episode counted by the time limit (−1 without one)
 * @param active whether an episode is in progress
 */
public record EnvSnapshot(double[] state, long[] rng, int elapsed, boolean active) {

  /** A snapshot, or null when the environment cannot offer one (not a {@link StatefulEnv}). */
  public static EnvSnapshot capture(Env env) {
    int elapsed = -1;
    Env e = env;
    while (true) {
      if (e instanceof ClipAction c) {
        e = c.unwrapped();
      } else if (e instanceof BusyWork b) {
        e = b.unwrapped();
      } else if (e instanceof NormalizeObservation) {
        return null;
      } else if (e instanceof TimeLimit t) {
        elapsed = t.elapsedSteps();
        e = t.unwrapped();
      } else {
        break;
      }
    }
    if (!(e instanceof StatefulEnv s) || !(e instanceof AbstractEnv a)) {
      return null;
    }
    return new EnvSnapshot(s.state(), a.rngState(), elapsed, a.active());
  }

  /** Restores this snapshot into an environment built the same way. */
  public void restore(Env env) {
    Env e = env;
    while (true) {
      if (e instanceof ClipAction c) {
        e = c.unwrapped();
      } else if (e instanceof BusyWork b) {
        e = b.unwrapped();
      } else if (e instanceof TimeLimit t) {
        if (elapsed < 0) {
          throw new IllegalArgumentException("snapshot has no time-limit counter for " + env.id());
        }
        t.restoreElapsed(elapsed, !active);
        e = t.unwrapped();
      } else {
        break;
      }
    }
    if (!(e instanceof StatefulEnv s) || !(e instanceof AbstractEnv a)) {
      throw new IllegalArgumentException(env.id() + " cannot restore a snapshot");
    }
    s.restoreState(state);
    a.restoreRngState(rng);
    if (!active) {
      a.deactivate();
    }
  }
}
