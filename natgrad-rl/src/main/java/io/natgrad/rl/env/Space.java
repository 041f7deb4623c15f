package io.natgrad.rl.env;

import java.util.random.RandomGenerator;

/**
 * An observation or action space, Gymnasium style. Elements are flat {@code double[]}s; a
 * {@link Discrete} element is its index stored in a {@code double[1]}.
 */
public sealed interface Space permits Box, Discrete {

  /** The length of an element's flat encoding. */
  int flatDimension();

  /** Whether {@code x} is an element of the space. */
  boolean contains(double[] x);

  /** A uniform (Discrete, bounded Box) or Gaussian (unbounded Box coordinates) draw. */
  double[] sample(RandomGenerator rng);

  /**
   * Throws {@link IllegalArgumentException} naming {@code what}, the value and the space when
   * {@code x} is not in the space.
   */
  default void check(String what, double[] x) {
    if (!contains(x)) {
      throw new IllegalArgumentException(
          what + " " + java.util.Arrays.toString(x) + " is outside " + this);
    }
  }
}
