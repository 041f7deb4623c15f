package io.natgrad.rl.env;

import java.util.random.RandomGenerator;

/** The finite set {0, …, n−1}; an element is its index stored in a {@code double[1]}. */
public record Discrete(int n) implements Space {

  public Discrete {
    if (n < 1) {
      throw new IllegalArgumentException("Discrete space needs n >= 1, got " + n);
    }
  }

  @Override
  public int flatDimension() {
    return 1;
  }

  @Override
  public boolean contains(double[] x) {
    if (x == null || x.length != 1) {
      return false;
    }
    double v = x[0];
    return v == Math.rint(v) && v >= 0 && v < n;
  }

  @Override
  public double[] sample(RandomGenerator rng) {
    return new double[] {rng.nextInt(n)};
  }

  /** Gymnasium's {@code Discrete.sample()}: {@code start + np_random.integers(n)}, start 0. */
  @Override
  public double[] sample(io.natgrad.core.random.NumPyGenerator np) {
    return new double[] {np.integers(n)};
  }

  @Override
  public String toString() {
    return "Discrete(" + n + ")";
  }
}
