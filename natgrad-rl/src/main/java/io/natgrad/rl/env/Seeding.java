package io.natgrad.rl.env;

import java.util.Locale;

/**
 * How an environment turns {@code reset(seed)} into random numbers (option {@code seeding}).
 *
 * <ul>
 *   <li>{@link #NATGRAD} (the default): natgrad's own xoshiro256++ stream, {@code Rng.of(seed)}.
 *   <li>{@link #GYMNASIUM}: Gymnasium's, {@code np.random.Generator(PCG64(SeedSequence(seed)))}
 *       with the seed read as an unsigned 64-bit integer, and the start states drawn as
 *       Gymnasium 1.3.0 draws them ({@code np_random.uniform(low, high)}), so {@code reset(seed=k)}
 *       gives Gymnasium's episode. A first {@code reset()} without a seed uses
 *       {@code SeedSequence(0)} where Gymnasium would draw OS entropy (runs must be reproducible).
 * </ul>
 */
public enum Seeding {
  NATGRAD("natgrad"),
  GYMNASIUM("gymnasium");

  private final String label;

  Seeding(String label) {
    this.label = label;
  }

  /** The option's spelling. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }

  /** The seeding called {@code s}. */
  public static Seeding parse(Object s) {
    String key = String.valueOf(s).trim().toLowerCase(Locale.ROOT);
    for (Seeding v : values()) {
      if (v.label.equals(key)) {
        return v;
      }
    }
    throw new IllegalArgumentException("seeding must be natgrad or gymnasium, got '" + s + "'");
  }
}
