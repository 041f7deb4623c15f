package io.natgrad.rl.env;

import java.util.Arrays;

/**
 * The relaxed action check of environments that clip actions themselves (or, as Gymnasium's MuJoCo
 * tasks, leave them to the simulator): finite, of the right length.
 */
public final class FiniteActions {
  private FiniteActions() {}

  /** Refuses an action that is not {@code length} finite numbers, naming the environment. */
  public static void check(String id, double[] action, int length) {
    if (action == null || action.length != length) {
      throw new IllegalArgumentException(id + " action must have " + length + " component(s), got "
          + (action == null ? "null" : Arrays.toString(action)));
    }
    for (double a : action) {
      if (!Double.isFinite(a)) {
        throw new IllegalArgumentException(
            id + " action must be finite, got " + Arrays.toString(action));
      }
    }
  }
}
