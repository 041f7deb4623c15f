package io.natgrad.rl.env;

import java.util.Arrays;

/** Validation of injected states. */
final class StateChecks {
  private StateChecks() {}

  static void check(String id, double[] state, int length) {
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
