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
   * A draw as Gymnasium 1.3.0's {@code space.sample()} makes it with the space's own generator
   * (seeded by {@code space.seed(s)}, i.e. {@code NumPyGenerator.seeded(s)}): a random-action
   * episode is then reproduced from two seeds, the environment's and the action space's.
   */
  double[] sample(io.natgrad.core.random.NumPyGenerator np);

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
