package io.natgrad.rl.env;

import java.util.Arrays;

/** The relaxed action check of environments that clip actions themselves. */
final class FiniteActions {
  private FiniteActions() {}

  static void check(String id, double[] action, int length) {
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
