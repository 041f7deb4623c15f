package io.natgrad.rl.env;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A box [low, high] ⊂ ℝⁿ (bounds may be infinite). Elements must be finite and within the bounds.
 *
 * @param low lower bounds (−∞ allowed)
 * @param high upper bounds (+∞ allowed), high ≥ low componentwise
 */
public record Box(double[] low, double[] high) implements Space {

  public Box {
    if (low.length != high.length || low.length == 0) {
      throw new IllegalArgumentException("Box bounds must have the same positive length, got "
          + low.length + " and " + high.length);
    }
    for (int i = 0; i < low.length; i++) {
      if (Double.isNaN(low[i]) || Double.isNaN(high[i]) || low[i] > high[i]) {
        throw new IllegalArgumentException(
            "Box bound " + i + " must satisfy low <= high, got [" + low[i] + ", " + high[i] + "]");
      }
    }
    low = low.clone();
    high = high.clone();
  }

  /** The unbounded box ℝⁿ. */
  public static Box unbounded(int n) {
    double[] lo = new double[n];
    double[] hi = new double[n];
    Arrays.fill(lo, Double.NEGATIVE_INFINITY);
    Arrays.fill(hi, Double.POSITIVE_INFINITY);
    return new Box(lo, hi);
  }

  /** A box with the same bounds in every coordinate. */
  public static Box of(int n, double low, double high) {
    double[] lo = new double[n];
    double[] hi = new double[n];
    Arrays.fill(lo, low);
    Arrays.fill(hi, high);
    return new Box(lo, hi);
  }

  @Override
  public double[] low() {
    return low.clone();
  }

  @Override
  public double[] high() {
    return high.clone();
  }

  @Override
  public int flatDimension() {
    return low.length;
  }

  @Override
  public boolean contains(double[] x) {
    if (x == null || x.length != low.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || x[i] < low[i] || x[i] > high[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public double[] sample(RandomGenerator rng) {
    double[] x = new double[low.length];
    for (int i = 0; i < x.length; i++) {
      boolean lo = Double.isFinite(low[i]);
      boolean hi = Double.isFinite(high[i]);
      if (lo && hi) {
        x[i] = low[i] + (high[i] - low[i]) * rng.nextDouble();
      } else if (lo) {
        x[i] = low[i] - Math.log1p(-rng.nextDouble());
      } else if (hi) {
        x[i] = high[i] + Math.log1p(-rng.nextDouble());
      } else {
        x[i] = rng.nextGaussian();
      }
    }
    return x;
  }

  /** Gymnasium's {@code Box.sample()} for a float32 Box (the dtype of the spaces natgrad mirrors). */
  @Override
  public double[] sample(io.natgrad.core.random.NumPyGenerator np) {
    return sampleGymnasium(np, true);
  }

  /**
   * Gymnasium 1.3.0's {@code Box.sample()}, in float64 and cast to the dtype: unbounded
   * coordinates first ({@code normal}), then those bounded below only ({@code low + exponential}),
   * above only ({@code high − exponential}), then bounded ones ({@code uniform(low, high)}), each
   * group in index order.
   *
   * @param np the space's generator
   * @param float32 whether the space's dtype is float32 (the sample is rounded to it)
   */
  public double[] sampleGymnasium(io.natgrad.core.random.NumPyGenerator np, boolean float32) {
    int n = low.length;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      if (low[i] == Double.NEGATIVE_INFINITY && high[i] == Double.POSITIVE_INFINITY) {
        x[i] = np.normal(0.0, 1.0);
      }
    }
    for (int i = 0; i < n; i++) {
      if (low[i] != Double.NEGATIVE_INFINITY && high[i] == Double.POSITIVE_INFINITY) {
        x[i] = np.exponential(1.0) + low[i];
      }
    }
    for (int i = 0; i < n; i++) {
      if (low[i] == Double.NEGATIVE_INFINITY && high[i] != Double.POSITIVE_INFINITY) {
        x[i] = -np.exponential(1.0) + high[i];
      }
    }
    for (int i = 0; i < n; i++) {
      if (low[i] != Double.NEGATIVE_INFINITY && high[i] != Double.POSITIVE_INFINITY) {
        x[i] = np.uniform(low[i], high[i]);
      }
    }
    if (float32) {
      for (int i = 0; i < n; i++) {
        x[i] = (float) x[i];
      }
    }
    return x;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
  }

  @Override
  public String toString() {
    return "Box(low=" + bounds(low) + ", high=" + bounds(high) + ")";
  }

  /**
   * Bounds as a user writes them: a float32 value by its shortest float decimal (4.8, not
   * 4.800000190734863), infinities as inf and -inf.
   */
  static String bounds(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      double x = v[i];
      if (Double.isInfinite(x)) {
        sb.append(x > 0 ? "inf" : "-inf");
      } else if ((double) (float) x == x) {
        sb.append((float) x);
      } else {
        sb.append(x);
      }
    }
    return sb.append(']').toString();
  }
}
