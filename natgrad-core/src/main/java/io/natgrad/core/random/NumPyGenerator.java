package io.natgrad.core.random;

/**
 * The methods of NumPy's {@code np.random.Generator} that Gymnasium's environments and spaces use,
 * on a {@link Pcg64}, computed as NumPy 2.x computes them so that a seed gives the same numbers:
 *
 * <pre>
 * random()              (next64 &gt;&gt;&gt; 11)·2⁻⁵³
 * uniform(low, high)    low + (high − low)·random(),  high − low rounded to a double first
 * integers(low, high)   [low, high): Lemire's bounded method on 32-bit outputs when the range fits
 *                       (a 64-bit output's low half first, its high half buffered), else on 64-bit
 * standardNormal()      NumPy's 256-layer ziggurat (random_standard_normal)
 * standardExponential() NumPy's 256-layer ziggurat (random_standard_exponential)
 * </pre>
 *
 * The ziggurats use {@link ZigguratTables}: widths equal to NumPy's, thresholds and densities
 * computed from the ziggurat's equations, so a draw may differ from NumPy's with a probability
 * below 10⁻¹⁴ per draw (a raw output exactly at a threshold, or a wedge test decided in the last
 * bit of {@code exp}). {@code np.random.default_rng(seed)} is {@code new NumPyGenerator(
 * Pcg64.seeded(seed))}. Mutable, not thread-safe; its state is the bit generator's.
 */
public final class NumPyGenerator {
  private final Pcg64 bits;

  public NumPyGenerator(Pcg64 bits) {
    this.bits = java.util.Objects.requireNonNull(bits, "bits");
  }

  /** {@code np.random.default_rng(seed)}, the seed read as an unsigned 64-bit integer. */
  public static NumPyGenerator seeded(long seed) {
    return new NumPyGenerator(Pcg64.seeded(seed));
  }

  /** The bit generator (its state is this generator's state). */
  public Pcg64 bitGenerator() {
    return bits;
  }

  /** {@code random()}: a double in [0, 1). */
  public double random() {
    return bits.nextDouble();
  }

  /** {@code uniform(low, high)}: low + (high − low)·u. */
  public double uniform(double low, double high) {
    double range = high - low;
    if (!Double.isFinite(range)) {
      throw new IllegalArgumentException("uniform: high - low must be finite, got " + low + ", "
          + high);
    }
    return low + range * bits.nextDouble();
  }

  /** {@code uniform(low, high)} element by element, in order. */
  public double[] uniform(double[] low, double[] high) {
    if (low.length != high.length) {
      throw new IllegalArgumentException("uniform: low has " + low.length + " values, high "
          + high.length);
    }
    double[] out = new double[low.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = uniform(low[i], high[i]);
    }
    return out;
  }

  /** {@code integers(n)}: an int64 in [0, n). */
  public long integers(long n) {
    return integers(0, n);
  }

  /** {@code integers(low, high)}: an int64 in [low, high) (high &gt; low). */
  public long integers(long low, long high) {
    if (high <= low) {
      throw new IllegalArgumentException("integers: high must be > low, got " + low + ", " + high);
    }
    long rng = high - 1 - low; // inclusive range, read unsigned
    if (rng == 0) {
      return low;
    }
    if (Long.compareUnsigned(rng, 0xFFFFFFFFL) < 0) {
      return low + boundedLemire32(rng);
    }
    if (rng == 0xFFFFFFFFL) {
      return low + (bits.nextInt() & 0xFFFFFFFFL);
    }
    if (rng == -1L) {
      return low + bits.nextLong();
    }
    return low + boundedLemire64(rng);
  }

  /** Lemire's method on 32-bit outputs: uniform in [0, rng] (rng &lt; 2³² − 1). */
  private long boundedLemire32(long rng) {
    long rngExcl = rng + 1;
    long m = (bits.nextInt() & 0xFFFFFFFFL) * rngExcl;
    long leftover = m & 0xFFFFFFFFL;
    if (leftover < rngExcl) {
      long threshold = (0xFFFFFFFFL - rng) % rngExcl;
      while (leftover < threshold) {
        m = (bits.nextInt() & 0xFFFFFFFFL) * rngExcl;
        leftover = m & 0xFFFFFFFFL;
      }
    }
    return m >>> 32;
  }

  /** Lemire's method on 64-bit outputs: uniform in [0, rng] (2³² − 1 &lt; rng &lt; 2⁶⁴ − 1). */
  private long boundedLemire64(long rng) {
    long rngExcl = rng + 1;
    long x = bits.nextLong();
    long leftover = x * rngExcl;
    if (Long.compareUnsigned(leftover, rngExcl) < 0) {
      long threshold = Long.remainderUnsigned(-1L - rng, rngExcl);
      while (Long.compareUnsigned(leftover, threshold) < 0) {
        x = bits.nextLong();
        leftover = x * rngExcl;
      }
    }
    return Pcg64.unsignedMultiplyHigh(x, rngExcl);
  }

  /** {@code normal(loc, scale)} = loc + scale·standardNormal(). */
  public double normal(double loc, double scale) {
    return loc + scale * standardNormal();
  }

  /** {@code standard_normal()}: NumPy's ziggurat. */
  public double standardNormal() {
    for (;;) {
      long r = bits.nextLong();
      int idx = (int) (r & 0xFF);
      r >>>= 8;
      boolean negative = (r & 1) != 0;
      long rabs = (r >>> 1) & 0x000FFFFFFFFFFFFFL;
      double x = rabs * ZigguratTables.WI[idx];
      if (negative) {
        x = -x;
      }
      if (rabs < ZigguratTables.KI[idx]) {
        return x; // 99.3 % of draws
      }
      if (idx == 0) {
        for (;;) { // the tail beyond r
          double xx = -ZigguratTables.NOR_INV_R * Math.log1p(-bits.nextDouble());
          double yy = -Math.log1p(-bits.nextDouble());
          if (yy + yy > xx * xx) {
            return ((rabs >>> 8) & 1) != 0 ? -(ZigguratTables.NOR_R + xx)
                : ZigguratTables.NOR_R + xx;
          }
        }
      }
      if ((ZigguratTables.FI[idx - 1] - ZigguratTables.FI[idx]) * bits.nextDouble()
          + ZigguratTables.FI[idx] < Math.exp(-0.5 * x * x)) {
        return x;
      }
    }
  }

  /** {@code exponential(scale)} = scale·standardExponential(). */
  public double exponential(double scale) {
    return scale * standardExponential();
  }

  /** {@code standard_exponential()}: NumPy's ziggurat. */
  public double standardExponential() {
    for (;;) {
      long ri = bits.nextLong() >>> 3;
      int idx = (int) (ri & 0xFF);
      ri >>>= 8;
      double x = ri * ZigguratTables.WE[idx];
      if (ri < ZigguratTables.KE[idx]) {
        return x; // 98.9 % of draws
      }
      if (idx == 0) {
        return ZigguratTables.EXP_R - Math.log1p(-bits.nextDouble());
      }
      if ((ZigguratTables.FE[idx - 1] - ZigguratTables.FE[idx]) * bits.nextDouble()
          + ZigguratTables.FE[idx] < Math.exp(-x)) {
        return x;
      }
    }
  }
}
