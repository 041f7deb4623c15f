package io.natgrad.rl.env;

import java.util.Arrays;

/** Validation of injected states. */
public final class StateChecks {
  private StateChecks() {}

  /** Refuses a state that is not {@code length} finite numbers, naming the environment. */
  public static void check(String id, double[] state, int length) {
    if (state == null || state.length != length) {
      throw new IllegalArgumentException(id + " state must have " + length + " components, got "
          + (state == null ? "null" : Arrays.toString(state)));
    }
    for (int i = 0; i < length; i++) {
      if (!Double.isFinite(state[i])) {
        throw new IllegalArgumentException(
            id + " state component " + i + " must be finite, got " + state[i]);
      }
    }
  }
}
